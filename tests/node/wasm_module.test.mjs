// The wasm module gives the same Report as the native CLI, byte for byte, on every interop file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { interop, loadAnalyzer, root } from './load_module.mjs';

const cli = join(root, 'build', 'native', 'twilio-sso');
const NOW = '2026-11-28T00:00:00Z';

const analyzer = await loadAnalyzer();

function cliJson(file, args = []) {
  try {
    return execFileSync(cli, ['--json', '--now', NOW, ...args, file], { encoding: 'utf8', maxBuffer: 1 << 28 });
  } catch (e) {
    if (e.status === 1) return e.stdout; // error findings: still a Report
    throw e;
  }
}

const sources = ['metadata', 'certs'].flatMap((d) =>
  readdirSync(join(interop, d)).filter((f) => f !== 'MANIFEST.tsv').map((f) => join(interop, d, f)));

test('wasm and CLI agree byte for byte on every interop file', () => {
  assert.ok(sources.length >= 36, `found ${sources.length} interop files`);
  for (const file of sources) {
    const fromWasm = analyzer.analyzeJson(readFileSync(file), { now: NOW }, 2) + '\n';
    assert.equal(fromWasm, cliJson(file), file);
  }
});

test('options reach the core the same way from both', () => {
  const file = join(interop, 'metadata', 'okta_dev-513394_crewjam.xml');
  const id = 'JQ' + '0123456789abcdef'.repeat(2);
  const fromWasm = analyzer.analyzeJson(readFileSync(file),
    { now: NOW, connectionId: id, friendlyName: 'Okta', trustedDomains: ['example.com'] }, 2) + '\n';
  const fromCli = cliJson(file, ['--connection-id', id, '--friendly-name', 'Okta', '--trusted-domain', 'example.com']);
  assert.equal(fromWasm, fromCli);
  const report = JSON.parse(fromWasm);
  assert.equal(report.serviceProvider.entityId, `urn:flex:${id}`);
  assert.equal(report.twilio.friendlyName, 'Okta');
});

test('a string and its UTF-8 bytes give the same Report', () => {
  const text = readFileSync(join(interop, 'metadata', 'entra_tenant_81c1df79.xml'), 'utf8');
  assert.deepEqual(analyzer.analyze(text, { now: NOW }), analyzer.analyze(new TextEncoder().encode(text), { now: NOW }));
});

test('bad options come back as an error value, not an exception', () => {
  const result = analyzer.analyze('<x/>', { now: 'yesterday' });
  assert.match(result.error, /now/);
  assert.equal(analyzer.analyze('', { trustedDomains: 'x' }).error, 'option trustedDomains must be an array of strings');
});

test('the module keeps working after many calls (no leak of heap per call)', () => {
  const text = readFileSync(join(interop, 'metadata', 'google_workspace_boxyhq.xml'));
  for (let i = 0; i < 300; i++) analyzer.analyzeJson(text, { now: NOW });
  assert.equal(analyzer.analyze(text, { now: NOW }).twilio.identityProviderIssuer, 'https://accounts.google.com/o/saml2');
});
