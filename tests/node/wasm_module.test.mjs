// The wasm module gives the same Report as the native CLI, byte for byte: on every fixture (made
// fresh at test time) and, where the interop corpus is present, on every interop file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fixtures, interop, interopSkip, loadAnalyzer, root } from './load_module.mjs';

const cli = join(root, 'build', 'native', 'twilio-sso');
const NOW = '2026-11-28T00:00:00Z';

const analyzer = await loadAnalyzer();

function cliJson(file, args = []) {
  try {
    return execFileSync(cli, ['--json', ...args, file], { encoding: 'utf8', maxBuffer: 1 << 28 });
  } catch (e) {
    if (e.status === 1) return e.stdout; // error findings: still a Report
    throw e;
  }
}

const filesIn = (folder, dirs) => dirs.flatMap((d) =>
  readdirSync(join(folder, d)).filter((f) => f !== 'MANIFEST.tsv').map((f) => join(folder, d, f)));

test('wasm and CLI agree byte for byte on every fixture', () => {
  const files = filesIn(fixtures, ['metadata', 'certs']);
  assert.ok(files.length >= 20, `found ${files.length} fixtures`);
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  for (const file of files) {
    const fromWasm = analyzer.analyzeJson(readFileSync(file), { now }, 2) + '\n';
    assert.equal(fromWasm, cliJson(file, ['--now', now]), file);
  }
});

test('wasm and CLI agree byte for byte on every response fixture, with the same trust', () => {
  const dir = join(fixtures, 'responses');
  const files = readdirSync(dir).filter((f) => f !== 'certs' && f !== 'idp-metadata.xml');
  assert.ok(files.length >= 20, `found ${files.length} responses`);
  const metadata = join(dir, 'idp-metadata.xml');
  const id = 'JQ0123456789abcdef0123456789abcdef';
  for (const name of files) {
    const fromWasm = analyzer.analyzeJson(readFileSync(join(dir, name)),
      { now: NOW, metadata: readFileSync(metadata, 'utf8'), twilioId: id, pick: 2 }, 2) + '\n';
    assert.equal(fromWasm, cliJson(join(dir, name), ['--now', NOW, '--metadata', metadata, '--connection-id', id, '--pick', '2']), name);
  }
});

test('wasm and CLI agree byte for byte on every interop response', { skip: interopSkip }, () => {
  const dir = join(interop, 'responses');
  for (const line of readFileSync(join(dir, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1)) {
    const [file, , , , , cert] = line.split('\t');
    const fromWasm = analyzer.analyzeJson(readFileSync(join(dir, file)),
      { now: NOW, certificate: readFileSync(join(dir, cert), 'utf8') }, 2) + '\n';
    assert.equal(fromWasm, cliJson(join(dir, file), ['--now', NOW, '--certificate', join(dir, cert)]), file);
  }
});

test('wasm and CLI agree byte for byte on every interop file', { skip: interopSkip }, () => {
  const files = filesIn(interop, ['metadata', 'certs']);
  assert.ok(files.length >= 36, `found ${files.length} interop files`);
  for (const file of files) {
    const fromWasm = analyzer.analyzeJson(readFileSync(file), { now: NOW }, 2) + '\n';
    assert.equal(fromWasm, cliJson(file, ['--now', NOW]), file);
  }
});

test('options reach the core the same way from both', () => {
  const file = join(fixtures, 'metadata', 'okta.xml');
  const id = 'JQ' + '0123456789abcdef'.repeat(2);
  const fromWasm = analyzer.analyzeJson(readFileSync(file),
    { now: NOW, connectionId: id, friendlyName: 'Okta', trustedDomains: ['example.com'] }, 2) + '\n';
  const fromCli = cliJson(file, ['--now', NOW, '--connection-id', id, '--friendly-name', 'Okta', '--trusted-domain', 'example.com']);
  assert.equal(fromWasm, fromCli);
  const report = JSON.parse(fromWasm);
  assert.equal(report.serviceProvider.entityId, `urn:flex:${id}`);
  assert.equal(report.twilio.friendlyName, 'Okta');
});

test('a string and its UTF-8 bytes give the same Report, however long', () => {
  const text = readFileSync(join(fixtures, 'metadata', 'shibboleth.xml'), 'utf8');
  assert.match(text, /Universität/);  // non-ASCII: longer in UTF-8 than in UTF-16 units
  assert.deepEqual(analyzer.analyze(text, { now: NOW }), analyzer.analyze(new TextEncoder().encode(text), { now: NOW }));
  const wide = `<x a="${'ü€𝄞'.repeat(50000)}"/>`;  // far longer: the block grows as it is written
  assert.deepEqual(analyzer.analyze(wide, { now: NOW }), analyzer.analyze(new TextEncoder().encode(wide), { now: NOW }));
});

test('bad options come back as an error value, not an exception', () => {
  const result = analyzer.analyze('<x/>', { now: 'yesterday' });
  assert.match(result.error, /now/);
  assert.equal(analyzer.analyze('', { trustedDomains: 'x' }).error, 'option trustedDomains must be an array of strings');
  // pick: a whole number up to 999999; a fraction is refused, not cut down to 2.
  for (const pick of [2.5, -1, 1e6, '2']) assert.match(analyzer.analyze('<x/>', { pick }).error, /^option pick must be a whole number/, String(pick));
  assert.equal(analyzer.analyze('<x/>', { pick: 999999 }).error, undefined);
});

test('the module keeps working after many calls (no leak of heap per call)', () => {
  const text = readFileSync(join(fixtures, 'metadata', 'google-workspace.xml'));
  for (let i = 0; i < 300; i++) analyzer.analyzeJson(text, {});
  const heap = analyzer.heapBytes();
  for (let i = 0; i < 300; i++) analyzer.analyzeJson(text, {});
  assert.equal(analyzer.heapBytes(), heap);
  assert.match(analyzer.analyze(text, {}).twilio.identityProviderIssuer, /^https:\/\/accounts\.google\.com\/o\/saml2\?idpid=/);
});

test('trusted domains are checked against the Public Suffix List once it is given, and said unchecked before', async () => {
  const { createAnalyzer } = await import(join(root, 'web', 'twilio-sso-api.js'));
  const { default: factory } = await import(join(root, 'build', 'wasm', 'twilio-sso.mjs'));
  const bare = await createAnalyzer(factory,
    { wasmBinary: readFileSync(join(root, 'build', 'wasm', 'twilio-sso.wasm')) });
  const text = readFileSync(join(fixtures, 'metadata', 'okta.xml'));
  const codes = (a) => a.analyze(text, { now: NOW, trustedDomains: ['co.uk', 'example.com'] })
    .findings.map((f) => f.code);
  assert.equal(bare.hasPublicSuffixes(), false);
  assert.ok(codes(bare).includes('trusted-domain.not-checked'));
  assert.ok(!codes(bare).includes('trusted-domain.public-suffix'));
  // Without trusted domains there is nothing to check, so nothing is said.
  assert.ok(!bare.analyze(text, { now: NOW }).findings.some((f) => f.code === 'trusted-domain.not-checked'));
  const { PUBLIC_SUFFIX_RULES } = await import(join(root, 'build', 'wasm', 'public-suffixes.js'));
  assert.equal(bare.setPublicSuffixes(PUBLIC_SUFFIX_RULES), true);
  assert.equal(bare.hasPublicSuffixes(), true);
  assert.ok(codes(bare).includes('trusted-domain.public-suffix'));
  assert.ok(!codes(bare).includes('trusted-domain.not-checked'));
  assert.deepEqual(codes(bare), codes(analyzer));
});

test('the warm-up runs through the module and changes nothing that follows', () => {
  const text = readFileSync(join(fixtures, 'metadata', 'okta.xml'));
  const before = analyzer.analyzeJson(text, { now: NOW });
  analyzer.warmUp();
  analyzer.warmUp(1);
  assert.equal(analyzer.analyzeJson(text, { now: NOW }), before);
});

// The worker's loop (web/worker-serve.js) over a fresh module, with a scope that keeps its replies;
// `done` settles at the first answer.
async function servedWorker(early, loadPublicSuffixes) {
  const { serve } = await import(join(root, 'web', 'worker-serve.js'));
  const { createAnalyzer } = await import(join(root, 'web', 'twilio-sso-api.js'));
  const { default: factory } = await import(join(root, 'build', 'wasm', 'twilio-sso.mjs'));
  const replies = [];
  let answered;
  const done = new Promise((resolve) => { answered = resolve; });
  const scope = { postMessage: (m) => { replies.push(m); if (m.json || m.failure) answered(); } };
  serve(scope, () => createAnalyzer(factory, { wasmBinary: readFileSync(join(root, 'build', 'wasm', 'twilio-sso.wasm')) }),
    early, loadPublicSuffixes);
  return { scope, replies, done };
}

test('the worker rehearses one entity as soon as it is ready, unless an input was analysed first', async () => {
  const { serve } = await import(join(root, 'web', 'worker-serve.js'));
  const recording = () => {
    const calls = [];
    return { calls, analyzer: { warmUp: (n = 200) => calls.push(`warmUp ${n}`), hasPublicSuffixes: () => true,
      analyzeJson: (input) => { calls.push(`analyze ${input.length}`); return '{}'; } } };
  };
  const idle = recording();
  serve({ postMessage() {} }, async () => idle.analyzer);
  const pasted = recording();
  serve({ postMessage() {} }, async () => pasted.analyzer, [{ data: { id: 1, text: '<x/>', options: {} } }]);
  const empty = recording();
  serve({ postMessage() {} }, async () => empty.analyzer, [{ data: { id: 1, text: '', options: {} } }]);
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.deepEqual(idle.calls, ['warmUp 1']);
  assert.deepEqual(pasted.calls, ['analyze 4']);
  assert.deepEqual(empty.calls, ['analyze 0', 'warmUp 1']);  // the empty page's Report compiles little
  // A rehearsal that fails drops the module: the next request is answered by a fresh one.
  let made = 0;
  const replies = [];
  const scope = { postMessage: (m) => replies.push(m) };
  serve(scope, async () => {
    made += 1;
    return { warmUp: () => { throw new Error('aborted'); }, hasPublicSuffixes: () => true, analyzeJson: () => `{"n":${made}}` };
  });
  await new Promise((resolve) => setTimeout(resolve, 50));
  await scope.onmessage({ data: { id: 1, text: '<x/>', options: {} } });
  assert.equal(made, 2);
  assert.equal(replies.at(-1).json, '{"n":2}');
});

test('the worker goes on without the Public Suffix List when it cannot be loaded, and says so', async () => {
  let asked = 0;
  const { scope, replies, done } = await servedWorker([],
    () => { asked += 1; return Promise.reject(new Error('public-suffixes.js: not found')); });
  const text = readFileSync(join(fixtures, 'metadata', 'okta.xml'), 'utf8');
  scope.onmessage({ data: { id: 1, text, options: { now: NOW, trustedDomains: ['example.com'] } } });
  await done;
  const last = replies.at(-1);
  assert.equal(last.failure, undefined);
  assert.ok(JSON.parse(last.json).findings.some((f) => f.code === 'trusted-domain.not-checked'));
  assert.equal(asked, 1);
});

test('of the requests sent before the module was ready, the worker analyses only the newest', async () => {
  const text = readFileSync(join(fixtures, 'metadata', 'okta.xml'), 'utf8');
  // The newest as the page sends it: UTF-8 in a buffer with room to spare after `length` bytes.
  const { utf8 } = await import(join(root, 'web', 'analysis-client.js'));
  const bytes = utf8(text);
  assert.ok(bytes.buffer.byteLength > bytes.length);
  const early = [{ data: { id: 1, text: '', options: { now: NOW } } },
    { data: { id: 2, bytes: bytes.buffer, length: bytes.length, options: { now: NOW } } }];
  // The first while the worker's own modules loaded, the newest once it listened.
  const { scope, replies, done } = await servedWorker(early.slice(0, 1));
  scope.onmessage(early[1]);
  await done;
  await new Promise((resolve) => setTimeout(resolve, 50));  // time for a reply to the older one, were it sent
  const answers = replies.filter((m) => m.json !== undefined || m.failure !== undefined);
  assert.deepEqual(answers.map((m) => m.id), [2]);
  const report = JSON.parse(answers[0].json);
  assert.equal(report.input.kind, 'metadata');
  assert.equal(report.input.bytes, Buffer.byteLength(text));  // the bytes given, not the room after them
  assert.equal(answers[0].spare, bytes.buffer, 'the buffer is handed back with the Report, for the next input');
});

// The pass before parsing reads eight bytes a step in wasm (natively sixteen, with SSE2, so the
// unit tests' alignments mostly take the other path): line feeds on both sides of a stop in one
// word, at every alignment, each counted once.
test('wasm: line feeds around the pass\'s stops are counted once, at every alignment', () => {
  for (let pad = 0; pad < 17; pad++) {
    const report = analyzer.analyze(`<a>${'x'.repeat(pad)}\n&amp;\n\n]\n!\n\r\n\t\n<c:d/></a>`, {});
    const malformed = report.findings.find((f) => f.code === 'xml.malformed');
    assert.ok(malformed, `pad ${pad}`);
    assert.match(malformed.message, /\(at line 8, column 1\)/, `pad ${pad}`);
  }
  // Seventeen lines of every length from 1 to 9 bytes, then the error: line 18.
  for (let stride = 1; stride <= 9; stride++) {
    const report = analyzer.analyze(`<a>${`${'y'.repeat(stride - 1)}\n`.repeat(17)}<c:d/></a>`, {});
    assert.match(report.findings.find((f) => f.code === 'xml.malformed').message, /\(at line 18, column 1\)/, `stride ${stride}`);
  }
});
