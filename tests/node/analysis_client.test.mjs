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
