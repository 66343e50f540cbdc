// The page's side of the worker: what it sends. Text goes as UTF-8 in a buffer handed over.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { root } from './load_module.mjs';

const { utf8, createAnalysisClient } = await import(join(root, 'web', 'analysis-client.js'));

test('text is encoded to exactly its UTF-8, whatever room the first guess left', () => {
  const samples = ['', 'ascii only <EntityDescriptor/>', 'Zürich Straße', '認証 — 日本語の名前',
    '😀'.repeat(1000), `${'a'.repeat(5000)}${'é'.repeat(5000)}😀`, 'x'.repeat(1 << 16)];
  for (const text of samples) {
    const bytes = utf8(text);
    assert.deepEqual(Buffer.from(bytes), Buffer.from(text, 'utf8'), text.slice(0, 20));
  }
});

test('the worker is handed the bytes of a paste (the buffer moves) and of a file (a copy: the page keeps it)', () => {
  const sent = [];
  const worker = { postMessage: (message, transfer) => sent.push({ message, transfer }), terminate() {} };
  const client = createAnalysisClient(() => worker, { onReport() {}, onFailure() {} });
  client.analyze('Zürich', { product: 'flex' });
  const file = new Uint8Array([0x3c, 0x61, 0x2f, 0x3e]);
  client.analyze(file, {});
  const [paste, dropped] = sent;
  assert.equal(paste.message.text, undefined);
  assert.deepEqual(paste.transfer, [paste.message.bytes]);
  assert.equal(new TextDecoder().decode(new Uint8Array(paste.message.bytes, 0, paste.message.length)), 'Zürich');
  assert.deepEqual(paste.message.options, { product: 'flex' });
  assert.deepEqual([...new Uint8Array(dropped.message.bytes, 0, dropped.message.length)], [...file]);
  assert.notEqual(dropped.message.bytes, file.buffer);
  assert.equal(file.length, 4);  // still the page's
});

test('a large input is written into the buffer the worker handed back; a small one, or one that must not be kept, is not', () => {
  const sent = [];
  let worker;
  const client = createAnalysisClient(() => (worker = { postMessage: (message) => sent.push(message), terminate() {} }),
    { onReport() {}, onFailure() {} });
  const large = (c) => `<EntityDescriptor>${c.repeat(2 << 20)}</EntityDescriptor>`;
  const decoded = (m) => new TextDecoder().decode(new Uint8Array(m.bytes, 0, m.length));
  const answer = (message, json = '{"findings":[]}') => worker.onmessage({ data: { id: message.id, json, spare: message.bytes } });

  const same = (a, b) => a === b;  // (assert.equal would print 2 MB buffers)
  client.analyze(large('a'), {});
  answer(sent[0]);
  client.analyze('<small/>', {});
  assert.ok(!same(sent[1].bytes, sent[0].bytes), 'a small input takes a fresh buffer');
  answer(sent[1]);
  client.analyze(large('b'), {});
  assert.ok(same(sent[2].bytes, sent[0].bytes), 'the buffer handed back is written again');
  assert.ok(decoded(sent[2]) === large('b'));
  answer(sent[2]);
  client.analyze(large('é'), {});  // longer in UTF-8 than the buffer: a larger one, kept in its place
  assert.ok(!same(sent[3].bytes, sent[0].bytes));
  assert.ok(decoded(sent[3]) === large('é'));
  answer(sent[3]);
  const file = new TextEncoder().encode(large('c'));
  client.analyze(file, {});
  assert.ok(same(sent[4].bytes, sent[3].bytes), 'a file is copied into it too');
  assert.ok(decoded(sent[4]) === large('c'));
  assert.equal(file.length, large('c').length);  // still the page's
  // A Report that says something must not be kept (a private key pasted by mistake): the buffer
  // that carried it is let go, not written again.
  answer(sent[4], '{"findings":[],"discard":["input"]}');
  client.analyze(large('d'), {});
  assert.ok(!same(sent[5].bytes, sent[3].bytes));
});
