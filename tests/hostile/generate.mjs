// The hostile-input table: inputs an admin's clipboard (or an attacker) might hold, each with the
// finding codes its Report must carry. Written as files so the native doctest suite and the wasm
// module under Node check the very same bytes.
// Usage: node tests/hostile/generate.mjs OUT_FOLDER [FIXTURES_FOLDER]   (writes the inputs and
// expected.json; the fixtures, tests/fixtures/generate.mjs's, default to build/fixtures)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtures } from '../node/load_module.mjs';

const MD = 'xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata"';
const DS = 'xmlns:ds="http://www.w3.org/2000/09/xmldsig#"';
const fixtureFolder = process.argv[3] ?? fixtures;
const okta = readFileSync(join(fixtureFolder, 'metadata', 'okta.xml'), 'utf8');
const oktaCert = okta.match(/<ds:X509Certificate>([^<]+)</)[1].replace(/\s+/g, '');
const pem = `-----BEGIN CERTIFICATE-----\n${oktaCert.match(/.{1,64}/g).join('\n')}\n-----END CERTIFICATE-----\n`;
const key = readFileSync(new URL('../data/keys/rsa_pkcs8.pem', import.meta.url), 'utf8');

function idp(id, body = '') {
  return `<md:EntityDescriptor entityID="${id}"><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">${body}`
    + '<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.example.org/sso"/>'
    + '</md:IDPSSODescriptor></md:EntityDescriptor>';
}
const keyDescriptor = (b64) => `<md:KeyDescriptor use="signing"><ds:KeyInfo ${DS}><ds:X509Data><ds:X509Certificate>${b64}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`;
const aggregate = (body) => `<md:EntitiesDescriptor ${MD}>${body}</md:EntitiesDescriptor>`;

// A deterministic generator, so a failure is reproducible.
function randomBytes(n, seed) {
  const out = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

const utf16 = (text, bigEndian, bom) => {
  const le = Buffer.from(text, 'utf16le');
  const body = bigEndian ? Buffer.from(le).swap16() : le;
  return Buffer.concat([bom ? Buffer.from(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]) : Buffer.alloc(0), body]);
};

// name: [input (string or Buffer), codes the Report must have, whether an IdP must be found]
const TABLE = {
  'billion-laughs': [`<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]><lolz>&lol9;</lolz>`, ['xml.doctype']],
  'external-entity-local-file': ['<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><foo>&xxe;</foo>', ['xml.doctype']],
  'external-entity-http': ['<!DOCTYPE foo [<!ENTITY xxe SYSTEM "http://169.254.169.254/">]><foo>&xxe;</foo>', ['xml.doctype']],
  'parameter-entity': ['<!DOCTYPE foo [<!ENTITY % p SYSTEM "file:///etc/shadow"> %p;]><foo/>', ['xml.doctype']],
  'doctype-public-dtd': ['<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd"><html/>', ['xml.doctype']],
  'entity-declaration-inside-metadata': [okta.replace('<md:IDPSSODescriptor', '<!ENTITY x "y"><md:IDPSSODescriptor'), ['xml.doctype']],
  'nesting-100k-deep': ['<a>'.repeat(100000) + '</a>'.repeat(100000), ['xml.too-deep']],
  'nesting-200-entities-descriptors': [`<md:EntitiesDescriptor ${MD}>` + '<md:EntitiesDescriptor>'.repeat(200) + '</md:EntitiesDescriptor>'.repeat(201), ['xml.too-deep']],
  'attributes-200k': [`<a ${Array.from({ length: 200000 }, (_, i) => `a${i}="x"`).join(' ')}/>`, ['xml.too-many-attributes']],
  'elements-50mb': [`<root>${'<element attribute="value">text</element>'.repeat(1250000)}</root>`, ['metadata.no-saml2-idp']],
  'elements-64mib-empty': [(() => { const body = '<a/>'.repeat((64 * 1024 * 1024 - 13) / 4); return `<root>${body}</root>`; })(), ['metadata.no-saml2-idp']],
  'over-64mib': [Buffer.alloc(64 * 1024 * 1024 + 1, 0x20), ['input.too-large']],
  'certificates-5000': [aggregate(idp('https://many.example/idp', keyDescriptor(oktaCert).repeat(5000))), ['metadata.too-many-certificates'], true],
  'entities-10000-idps': [aggregate(Array.from({ length: 10000 }, (_, i) => idp(`https://idp${i}.example/`)).join('')), ['metadata.several-idps', 'metadata.no-signing-certificate'], true],
  'sso-endpoints-100k': [aggregate(idp('https://endpoints.example/', '<md:SingleSignOnService Binding="b" Location="l"/>'.repeat(100000))), ['metadata.no-signing-certificate'], true],
  'entity-id-1mb': [aggregate(idp(`https://x.example/${'a'.repeat(1 << 20)}`)), ['metadata.no-signing-certificate'], true],
  'nul-in-attribute': [okta.replace('entityID="', 'entityID="\u0000'), ['xml.malformed']],
  'nul-in-text': [okta.replace('<md:NameIDFormat>', '<md:NameIDFormat>\u0000'), ['xml.malformed']],
  'control-character': [okta.replace('<md:NameIDFormat>', '<md:NameIDFormat>\u0007'), ['xml.malformed']],
  'overlong-base64-certificate': [aggregate(idp('https://b64.example/', keyDescriptor('A'.repeat(10 << 20)))), ['cert.invalid'], true],
  'base64-with-garbage': [aggregate(idp('https://garbage.example/', keyDescriptor(`${oktaCert.slice(0, 100)}!!!${oktaCert.slice(100)}`))), ['cert.invalid'], true],
  'der-length-huge': [aggregate(idp('https://der.example/', keyDescriptor(Buffer.from([0x30, 0x84, 0xff, 0xff, 0xff, 0xff, 1, 2, 3]).toString('base64')))), ['cert.invalid'], true],
  'der-nested-10000': [Buffer.concat([...Array.from({ length: 10000 }, () => Buffer.from([0x30, 0x80])), Buffer.alloc(20000)]), ['cert.invalid']],
  'random-bytes-1mb': [randomBytes(1 << 20, 12345), ['input.invalid-utf8']],
  'random-bytes-small': [randomBytes(333, 777), ['input.invalid-utf8']],
  'empty': ['', ['input.empty']],
  'whitespace-only': [' \n\t\r\n   \n', ['input.empty']],
  'bom-only': ['\ufeff', ['input.empty']],
  'utf16le-bom-metadata': [utf16(okta, false, true), ['input.utf16'], true],
  'utf16be-no-bom-metadata': [utf16(okta, true, false), ['input.utf16'], true],
  'utf16-odd-length': [Buffer.concat([utf16(okta, false, true), Buffer.from([0x41])]), ['input.invalid-utf8']],
  'utf16-lone-surrogate': [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<a/>', 'utf16le'), Buffer.from([0x00, 0xd8, 0x41, 0x00])]), ['input.invalid-utf8']],
  'utf8-overlong': [Buffer.concat([Buffer.from('<a>'), Buffer.from([0xc0, 0xaf]), Buffer.from('</a>')]), ['input.invalid-utf8']],
  'utf8-encoded-surrogate': [Buffer.concat([Buffer.from('<a>'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('</a>')]), ['input.invalid-utf8']],
  'private-key-pem': [key, ['input.private-key']],
  'private-key-in-metadata-comment': [okta.replace('<md:IDPSSODescriptor', `<!--${key}--><md:IDPSSODescriptor`), ['input.private-key']],
  'sp-metadata': [readFileSync(join(fixtureFolder, 'metadata', 'sp-only.xml')), ['metadata.no-saml2-idp']],
  'undeclared-prefix': ['<md:EntityDescriptor entityID="x"/>', ['xml.malformed']],
  'duplicate-attribute': [`<md:EntityDescriptor ${MD} entityID="a" entityID="b"/>`, ['xml.malformed']],
  'two-roots': [`${okta}${okta}`, ['xml.malformed']],
  'text-after-root': [`${okta}trailing words`, ['xml.malformed']],
  'undefined-entity-reference': [okta.replace('<md:NameIDFormat>', '<md:NameIDFormat>&xxe;'), ['xml.malformed']],
  'less-than-in-attribute': [okta.replace('entityID="', 'entityID="<'), ['xml.malformed']],
  'unclosed-cdata': ['<a><![CDATA[never closed</a>', ['xml.malformed']],
  'unclosed-comment': ['<a><!-- never closed </a>', ['xml.malformed']],
  'declaration-not-first': [`<!-- x -->\n<?xml version="1.0"?>\n${okta}`, ['xml.malformed']],
  'truncated-half': [okta.slice(0, okta.length >> 1), ['xml.malformed']],
  'pem-begin-no-end': [`-----BEGIN CERTIFICATE-----\n${oktaCert}`, ['cert.rewrapped']],
  'pem-truncated-body': [`-----BEGIN CERTIFICATE-----\n${oktaCert.slice(0, 600)}\n-----END CERTIFICATE-----`, ['cert.invalid']],
  'pem-1000-blocks': [pem.repeat(1000), ['cert.chain']],
  'pem-of-garbage': ['-----BEGIN CERTIFICATE-----\nTm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----', ['cert.invalid']],
  'json-pasted': ['{"entityID": "https://idp.example.org", "sso": "https://idp.example.org/sso"}', ['input.unknown']],
  'html-login-page': ['<!doctype html><html><head><title>Sign in</title></head><body><form></form></body></html>', ['xml.doctype']],
  'saml-response-pasted': ['<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_1" Version="2.0"/>', ['response.unsigned']],
  'whitespace-megabyte-before-xml': [`${' '.repeat(1 << 20)}${okta.replace(/^<\?xml[^>]*\?>/, '')}`, [], true],
};

// Responses: the same attacks on the response reader and the signature verifier.
const SAMLP = 'xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"';
const sig = (id) => `<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/><ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/><ds:Reference URI="#${id}"><ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/><ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/></ds:Transforms><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue>AAAA</ds:DigestValue></ds:Reference></ds:SignedInfo><ds:SignatureValue>AAAA</ds:SignatureValue></ds:Signature>`;
const response = (body) => `<samlp:Response ${SAMLP} ID="_r" Version="2.0"><saml:Issuer>https://idp.example/</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>${body}</samlp:Response>`;
const assertion = (body) => `<saml:Assertion ID="_a" Version="2.0"><saml:Issuer>https://idp.example/</saml:Issuer>${body}</saml:Assertion>`;
Object.assign(TABLE, {
  'response-billion-laughs': [`<!DOCTYPE r [<!ENTITY a "${'x'.repeat(10)}"><!ENTITY b "&a;&a;&a;&a;">]>${response('&b;')}`, ['xml.doctype']],
  'response-base64-billion-laughs': [Buffer.from(`<!DOCTYPE r [<!ENTITY a "x">]>${response('&a;')}`).toString('base64'), ['xml.doctype']],
  'response-10000-signatures': [response(sig('_r').repeat(10000) + assertion('')), ['signature.wrapping']],
  'response-10000-signatures-on-assertion': [response(assertion(sig('_a').repeat(10000))), ['signature.wrapping']],
  'response-100000-attributes': [response(assertion(`<saml:AttributeStatement>${'<saml:Attribute Name="x"><saml:AttributeValue>v</saml:AttributeValue></saml:Attribute>'.repeat(100000)}</saml:AttributeStatement>`)), ['response.too-many-attributes', 'response.unsigned']],
  'response-nesting-100k': [response('<a>'.repeat(100000) + '</a>'.repeat(100000)), ['xml.too-deep']],
  'response-5000-assertions': [response(assertion('').repeat(5000)), ['signature.wrapping']],
  'response-reference-to-missing-id': [response(sig('_nowhere') + assertion('')), ['signature.wrapping']],
  'response-truncated-base64': [Buffer.from(response(assertion(''))).toString('base64').slice(0, 120), ['xml.malformed']],
  'har-without-response': ['{"log":{"entries":[{"request":{"method":"GET","url":"https://x/"}}]}}', ['response.none-found']],
  'saml-tracer-without-response': ['{"requests":[{"method":"POST","url":"https://x/","post":[["a","b"]]}]}', ['response.none-found']],
  'post-body-not-base64': ['SAMLResponse=%%%&RelayState=x', ['response.none-found']],
  'response-base64-latin1': [Buffer.from(response(assertion('<saml:Subject><saml:NameID>jos\u00e9</saml:NameID></saml:Subject>')), 'latin1').toString('base64'), ['input.invalid-utf8']],
  'har-nesting-100k': [`{"log":${'['.repeat(100000)}${']'.repeat(100000)}}`, ['input.unknown']],
  'har-lone-surrogate': ['{"log":{"entries":[{"request":{"method":"POST","url":"\\udc00","postData":{"text":"SAMLResponse=PA=="}}}]}}', ['input.unknown']],
  'har-response-in-a-string-with-escapes': [JSON.stringify({ log: { entries: [{ request: { method: 'POST', url: 'https://x/acs', postData: { text: `SAMLResponse=${encodeURIComponent(Buffer.from(response(assertion(''))).toString('base64'))}` } } }] } }).replace(/"POST"/, '"\\u0050OST"'), ['response.unsigned']],
});

// Signed metadata: the same attacks on the verifier at federation scale.
const signedAggregate = (id, signatures, body) => `<md:EntitiesDescriptor ${MD} ID="${id}">${signatures}${body}</md:EntitiesDescriptor>`;
Object.assign(TABLE, {
  'metadata-signed-200k-entities': [signedAggregate('_agg', sig('_agg'), Array.from({ length: 200000 }, (_, i) => `<md:EntityDescriptor entityID="https://e${i}.example/"/>`).join('\n')),
    ['signature.digest-mismatch', 'metadata.no-saml2-idp']],
  'metadata-signature-reference-to-missing-id': [signedAggregate('_agg', sig('_nowhere'), idp('https://idp.example/')), ['signature.wrapping'], true],
  'metadata-1000-signatures': [signedAggregate('_agg', sig('_agg').repeat(1000), idp('https://idp.example/')), ['signature.wrapping'], true],
  'metadata-signature-on-an-entity-only': [aggregate(idp('https://idp.example/').replace('<md:IDPSSODescriptor', `${sig('_e')}<md:IDPSSODescriptor`).replace('entityID=', 'ID="_e" entityID=')), [], true],
});

export function writeTable(folder) {
  mkdirSync(folder, { recursive: true });
  const expected = {};
  for (const [name, [input, codes, idpFound = false]] of Object.entries(TABLE)) {
    writeFileSync(join(folder, `${name}.bin`), input);
    expected[name] = { codes, idp: idpFound };
  }
  writeFileSync(join(folder, 'expected.json'), JSON.stringify(expected, null, 1));
  return expected;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const expected = writeTable(process.argv[2]);
  console.log(`${Object.keys(expected).length} hostile inputs written to ${process.argv[2]}`);
}
