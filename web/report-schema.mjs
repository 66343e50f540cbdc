// The Report (schema 1) as data: each named type's fields and their types. The package's
// TypeScript declarations are generated from it (tools/generate_types.mjs), and the Node tests
// hold every Report the module makes to it, key for key (tests/node/report_types.test.mjs).
//
// A type is a string naming a primitive ('string', 'number', 'boolean') or a named type, with
// '[]' for an array of it and '?' for "or null"; or { oneOf: [...] } for a union of objects.
export const TYPES = {
  Report: {
    schema: 'number',
    input: 'Input',
    metadataSignature: 'MetadataSignature?',
    entities: 'Entity[]',
    idp: 'IdentityProvider?',
    rollover: 'Rollover?',
    certificates: 'Certificate[]',
    response: 'SamlResponse?',
    capture: 'Capture?',
    twilio: 'TwilioValues',
    serviceProvider: 'ServiceProvider?',
    product: 'ProductInfo?',
    idpSetup: 'IdpSetup?',
    products: 'ProductChoice[]',
    discard: 'string[]',
    findings: 'Finding[]',
  },
  Input: { kind: 'string', bytes: 'number' },
  Entity: { entityId: 'string', name: 'string?', idp: 'boolean', sp: 'boolean', saml2: 'boolean', signingSha256: 'string?' },
  IdentityProvider: {
    entityId: 'string',
    vendor: 'string?',
    ssoServices: 'Endpoint[]',
    sloServices: 'Endpoint[]',
    nameIdFormats: 'string[]',
    wantAuthnRequestsSigned: 'boolean',
    validUntil: 'string?',
    signingCertificates: 'Certificate[]',
    encryptionCertificates: 'Certificate[]',
  },
  Endpoint: { binding: 'string', location: 'string' },
  MetadataSignature: {
    present: 'boolean', verified: 'boolean?', intact: 'boolean?', reason: 'string?', referenceId: 'string',
    signatureAlgorithm: 'string', digestAlgorithm: 'string', keyInfoSha256: 'string?', verifiedWithSha256: 'string?',
  },
  Rollover: { against: 'string', certificates: 'RolloverCertificate[]', changes: 'RolloverChange[]', plan: 'string[]' },
  RolloverCertificate: {
    sha256: 'string', subject: 'string', notBefore: 'string', notAfter: 'string', daysLeft: 'number',
    before: 'boolean', after: 'boolean', inTwilio: 'boolean',
  },
  RolloverChange: { what: 'string', change: 'string', before: 'string?', after: 'string?' },
  Certificate: { oneOf: ['CertificateError', 'CertificateFields'] },
  CertificateError: { error: 'string' },
  CertificateFields: {
    pem: 'string', subject: 'string', issuer: 'string', serial: 'string', notBefore: 'string', notAfter: 'string',
    keyType: 'string', keyBits: 'number', curve: 'string?', signatureAlgorithm: 'string', sha1: 'string',
    sha256: 'string', selfSigned: 'boolean', ca: 'boolean', forTwilio: 'boolean', daysLeft: 'number',
  },
  TwilioValues: {
    friendlyName: 'string?',
    singleSignOnMethod: 'string',
    x509Certificate: 'string?',
    identityProviderIssuer: 'string?',
    singleSignOnUrl: 'string?',
    defaultRedirectUrl: 'string?',
    trustedDomains: 'string[]',
  },
  SamlResponse: {
    id: 'string?', issuer: 'string?', destination: 'string?', inResponseTo: 'string?', issueInstant: 'string?',
    status: 'ResponseStatus', signatures: 'ResponseSignature[]', assertion: 'Assertion?', timeline: 'TimelineEntry[]',
    verdict: 'string',
  },
  ResponseStatus: { code: 'string', subCode: 'string?', message: 'string?' },
  ResponseSignature: {
    element: 'string', referenceId: 'string', verified: 'boolean?', intact: 'boolean?', reason: 'string?',
    signatureAlgorithm: 'string', digestAlgorithm: 'string', keyInfoSha256: 'string?', verifiedWithSha256: 'string?',
    canonical: 'string?',
  },
  Assertion: {
    id: 'string?', issuer: 'string?', encrypted: 'boolean', signed: 'boolean', nameId: 'string?', nameIdFormat: 'string?',
    notBefore: 'string?', notOnOrAfter: 'string?', audiences: 'string[]', recipient: 'string?',
    subjectNotOnOrAfter: 'string?', subjectInResponseTo: 'string?', sessionNotOnOrAfter: 'string?',
    authnInstant: 'string?', attributes: 'SamlAttribute[]',
  },
  SamlAttribute: { name: 'string', nameFormat: 'string?', friendlyName: 'string?', values: 'string[]' },
  TimelineEntry: { what: 'string', at: 'string', relative: 'string' },
  Capture: { format: 'string', responses: 'CapturedResponse[]', picked: 'number' },
  CapturedResponse: { number: 'number', time: 'string?', url: 'string?', issuer: 'string?', destination: 'string?' },
  ServiceProvider: { product: 'string', acsUrl: 'string?', entityId: 'string' },
  ProductInfo: { product: 'string', idName: 'string', idHint: 'string', idpGuidance: 'string' },
  ProductChoice: { product: 'string', label: 'string', idLabel: 'string', idHint: 'string' },
  IdpSetup: { vendor: 'string?', heading: 'string', steps: 'IdpSetupStep[]', sources: 'string[]' },
  IdpSetupStep: { where: 'string', text: 'string' },
  Finding: { severity: 'string', code: 'string', field: 'string', message: 'string', setting: 'string?' },
};

// The problems of `value` against type `type` (an empty list when it conforms).
export function conformance(value, type, path = 'report') {
  const nullable = type.endsWith('?');
  const base = nullable ? type.slice(0, -1) : type;
  if (value === null) return nullable ? [] : [`${path}: null where ${type} is due`];
  if (base.endsWith('[]')) {
    if (!Array.isArray(value)) return [`${path}: not an array`];
    return value.flatMap((v, i) => conformance(v, base.slice(0, -2), `${path}[${i}]`));
  }
  if (['string', 'number', 'boolean'].includes(base)) {
    return typeof value === base ? [] : [`${path}: ${typeof value} where ${base} is due`];
  }
  const named = TYPES[base];
  if (!named) return [`${path}: unknown type ${base}`];
  if (named.oneOf) {
    const fits = named.oneOf.map((t) => conformance(value, t, path));
    return fits.some((f) => f.length === 0) ? [] : [`${path}: none of ${named.oneOf.join(', ')} (${fits.map((f) => f[0]).join('; ')})`];
  }
  if (typeof value !== 'object' || Array.isArray(value)) return [`${path}: not an object`];
  const problems = Object.keys(value).filter((k) => !(k in named)).map((k) => `${path}.${k}: not in ${base}`);
  for (const [key, fieldType] of Object.entries(named)) {
    if (!(key in value)) problems.push(`${path}.${key}: missing`);
    else problems.push(...conformance(value[key], fieldType, `${path}.${key}`));
  }
  return problems;
}
