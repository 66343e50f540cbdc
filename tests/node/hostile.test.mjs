// The hostile-input table through the wasm module: the same files and expectations as the native
// doctest (tests/unit/hostile_test.cpp); the module must never abort, and keep working afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtures, loadAnalyzer, root } from './load_module.mjs';

const dir = process.env.SSO_HOSTILE_DIR || join(root, 'build', 'hostile');
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
const analyzer = await loadAnalyzer();
const NOW = '2026-11-28T00:00:00Z';

test('every hostile input gives its findings through wasm, and the module keeps working', () => {
  assert.ok(Object.keys(expected).length >= 40);
  let slowest = [0, ''];
  for (const [name, want] of Object.entries(expected)) {
    const started = performance.now();
    const report = analyzer.analyze(readFileSync(join(dir, `${name}.bin`)), { now: NOW });
    const millis = performance.now() - started;
    if (millis > slowest[0]) slowest = [millis, name];
    const codes = report.findings.map((f) => f.code);
    for (const code of want.codes) assert.ok(codes.includes(code), `${name}: ${code} not in ${codes}`);
    assert.equal(report.idp !== null, want.idp, name);
  }
  console.log(`slowest: ${slowest[1]} in ${slowest[0].toFixed(0)} ms`);
  const after = analyzer.analyze(readFileSync(join(fixtures, 'metadata', 'okta.xml')), {});
  assert.equal(after.twilio.identityProviderIssuer, 'http://www.okta.com/exk9fx2ytoTwiLio0h8');
});
