// Every Report the module makes conforms to web/report-schema.mjs, key for key (the package's
// TypeScript declarations are generated from that schema).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { conformance } from '../../web/report-schema.mjs';
import { fixtures, loadAnalyzer, root } from './load_module.mjs';

const analyzer = await loadAnalyzer();

test('fixture, hostile and option-laden Reports all conform to the schema', () => {
  const inputs = [
    ...readdirSync(join(fixtures, 'metadata')).map((f) => readFileSync(join(fixtures, 'metadata', f))),
    ...readdirSync(join(fixtures, 'certs')).map((f) => readFileSync(join(fixtures, 'certs', f))),
    readFileSync(join(root, 'tests', 'data', 'keys', 'rsa_pkcs8.pem')), '', 'not metadata', '<a><b></a>',
    ...readdirSync(join(fixtures, 'responses')).filter((f) => f !== 'certs').map((f) => readFileSync(join(fixtures, 'responses', f))),
    ...readdirSync(join(fixtures, 'signed-metadata')).filter((f) => f.endsWith('.xml')).map((f) => readFileSync(join(fixtures, 'signed-metadata', f))),
    ...readdirSync(join(fixtures, 'rollover')).filter((f) => f.endsWith('.after.xml')).map((f) => readFileSync(join(fixtures, 'rollover', f))),
  ];
  const options = [{}, { product: 'console', twilioId: 'abc', redirectUrl: 'https://x.example/logout', trustedDomains: ['*.a.b'] },
    { product: 'flex-legacy', twilioId: 'AC0123456789abcdef0123456789abcdef', issuer: 'x', certificate: 'y' },
    { twilioId: 'JQ0123456789abcdef0123456789abcdef', metadata: readFileSync(join(fixtures, 'responses', 'idp-metadata.xml'), 'utf8'), pick: 2 },
    { signer: readFileSync(join(fixtures, 'signed-metadata', 'certs', 'federation.pem'), 'utf8'),
      previousMetadata: readFileSync(join(fixtures, 'rollover', 'rotated.before.xml'), 'utf8') },
    { certificate: readFileSync(join(fixtures, 'rollover', 'certs', 'current.pem'), 'utf8') }];
  let checked = 0;
  for (const input of inputs) {
    for (const o of options) {
      const report = analyzer.analyze(input, o);
      assert.deepEqual(conformance(report, 'Report'), [], `${String(input).slice(0, 60)} ${JSON.stringify(o)}`);
      checked += 1;
    }
  }
  assert.ok(checked > 60);
});

test('the schema catches what it should: a missing key, an extra one, a wrong type', () => {
  const report = analyzer.analyze(readFileSync(join(fixtures, 'metadata', 'okta.xml')));
  assert.deepEqual(conformance(report, 'Report'), []);
  const broken = structuredClone(report);
  delete broken.twilio.singleSignOnUrl;
  broken.extra = 1;
  broken.idp.signingCertificates[0].keyBits = '2048';
  const problems = conformance(broken, 'Report');
  assert.equal(problems.length, 3, problems.join('\n'));
  assert.ok(problems.includes('report.extra: not in Report'));
  assert.ok(problems.includes('report.twilio.singleSignOnUrl: missing'));
  assert.ok(problems.some((p) => p.includes('keyBits: string where number is due')));
});
