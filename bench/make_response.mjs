// The response the benchmark verifies: a typical signed SAML response of about 10 KB (response
// and assertion both signed, RSA-2048 SHA-256, exclusive C14N, a dozen attributes, namespaces on
// the root as most IdPs write them), signed by xmlsec1 with a fresh key, valid for two hours.
// Usage: node bench/make_response.mjs FOLDER   (writes response_10k.xml and response_cert.pem)
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { selfSignedCertificate } from '../tests/fixtures/openssl.mjs';
import { responseXml, sign } from '../tests/fixtures/responses.mjs';

const folder = process.argv[2];
mkdirSync(folder, { recursive: true });
const key = selfSignedCertificate({ subject: '/CN=idp.bench.example' });
const attributes = {
  email: ['ada@fixture-corp.com'], full_name: ['Ada Lovelace'], roles: ['admin', 'agent'],
  department: ['Analytical Engines'], office: ['London'], manager: ['charles.babbage@fixture-corp.com'],
  employee_id: ['1815-12-10'], cost_center: ['CC-0042'], locale: ['en-GB'], time_zone: ['Europe/London'],
  groups: Array.from({ length: 24 }, (_, i) => `cn=team-${i},ou=groups,dc=fixture-corp,dc=com`),
};
const xml = sign(responseXml({ signResponse: true, signAssertion: true, attributes }), key, { assertion: true, response: true });
writeFileSync(join(folder, 'response_10k.xml'), xml);
writeFileSync(join(folder, 'response_cert.pem'), key.pem);
console.log(`${xml.length} bytes`);
