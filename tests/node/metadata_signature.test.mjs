// Signed metadata and the rollover comparison through the wasm module: the same Report as the CLI
// given the same signer or older version, byte for byte; and the progress a long verification
// reports, which the page shows past a second.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fixtures, loadAnalyzer, root } from './load_module.mjs';

const cli = join(root, 'build', 'native', 'twilio-sso');
const NOW = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
const analyzer = await loadAnalyzer();
const manifest = JSON.parse(readFileSync(join(fixtures, 'manifest.json'), 'utf8'));

function cliJson(args) {
  try {
    return execFileSync(cli, ['--json', '--now', NOW, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  } catch (e) {
    if (e.status === 1) return e.stdout;
    throw e;
  }
}

test('signed metadata: wasm and CLI agree byte for byte, with and without the signer', () => {
  assert.ok(manifest.signedMetadata.length >= 10);
  for (const c of manifest.signedMetadata) {
    const file = join(fixtures, c.file);
    const signer = join(fixtures, c.signer);
    const withSigner = analyzer.analyzeJson(readFileSync(file), { now: NOW, signer: readFileSync(signer, 'utf8') }, 2) + '\n';
    assert.equal(withSigner, cliJson(['--signer', signer, file]), c.file);
    assert.equal(JSON.parse(withSigner).metadataSignature.verified, c.verified, c.file);
    const alone = analyzer.analyzeJson(readFileSync(file), { now: NOW }, 2) + '\n';
    assert.equal(alone, cliJson([file]), c.file);
  }
});

test('rollover: wasm and CLI agree byte for byte on every pair', () => {
  for (const p of manifest.rollover) {
    const before = join(fixtures, p.before);
    const after = join(fixtures, p.after);
    const fromWasm = analyzer.analyzeJson(readFileSync(after), { now: NOW, previousMetadata: readFileSync(before, 'utf8') }, 2) + '\n';
    assert.equal(fromWasm, cliJson(['--compare', before, after]), p.name);
    assert.equal(JSON.parse(fromWasm).rollover.against, 'metadata');
  }
});

test('a long verification reports its stages and progress, in order, and ends whole', () => {
  // The intact aggregate made 64 times as long (its entities repeated) and signed again is not
  // possible without the key; the progress is told per MiB hashed whatever the verdict, so a
  // large changed copy serves.
  const text = readFileSync(join(fixtures, 'signed-metadata', 'aggregate-intact.xml'), 'utf8');
  const entities = text.slice(text.indexOf('  <md:EntityDescriptor'), text.lastIndexOf('</md:EntitiesDescriptor>'));
  const big = text.replace('</md:EntitiesDescriptor>', `${entities.repeat(80)}</md:EntitiesDescriptor>`);
  assert.ok(big.length > 4 << 20);
  const seen = [];
  const report = analyzer.analyze(big, { onProgress: (stage, fraction) => seen.push([stage, fraction]) });
  assert.equal(report.metadataSignature.intact, false);
  const stages = [...new Set(seen.map(([s]) => s))];
  assert.deepEqual(stages, ['parsing', 'verifying the signature', 'listing the entities']);
  const fractions = seen.filter(([s]) => s === 'verifying the signature').map(([, f]) => f);
  assert.ok(fractions.length >= 4, `${fractions.length} progress calls`);
  assert.ok(fractions.every((f, i) => f > 0 && f <= 1 && (i === 0 || f >= fractions[i - 1])));
  assert.equal(analyzer.analyze(big, { onProgress: 'x' }).error, 'option onProgress must be a function');
});

test('the signer and the older version are options like the others: a private key in either is refused', () => {
  const key = readFileSync(join(root, 'tests', 'data', 'keys', 'rsa_pkcs8.pem'), 'utf8');
  const file = readFileSync(join(fixtures, 'signed-metadata', 'aggregate-intact.xml'));
  for (const option of ['signer', 'previousMetadata']) {
    const report = analyzer.analyze(file, { [option]: key });
    assert.ok(report.discard.includes(option), option);
    assert.ok(report.findings.some((f) => f.code === 'input.private-key'));
    assert.equal(JSON.stringify(report).includes(key.split('\n')[1]), false);
  }
  assert.ok(readdirSync(join(fixtures, 'rollover')).length >= 14);
});
