// Differential test of the core's URL reader against Node's WHATWG `URL`, on 300+ tricky strings
// (tests/data/urls.json), through both builds: the native CLI (IDNA by libidn2) and the wasm
// module (IDNA by the host's URL parser).
//
// The rule: what we accept, Node accepts, with the same scheme, host and port. What Node accepts
// and we refuse must be one of the deliberate, explained stricter rules below.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { loadAnalyzer, root } from './load_module.mjs';

const urls = JSON.parse(readFileSync(join(root, 'tests', 'data', 'urls.json'), 'utf8'));
const analyzer = await loadAnalyzer();

// Each stricter rule: the words of our refusal, and why we refuse what browsers take.
const DELIBERATE = [
  [/white space or control characters around it/, 'browsers trim it; a pasted URL with it was cut or joined wrongly'],
  [/tab or line break inside/, 'browsers delete them silently; in a pasted URL they are damage'],
  [/control character/, 'browsers percent-encode some; in a pasted URL they are damage'],
  [/has a space/, 'browsers percent-encode it; an IdP URL never has one'],
  [/backslash/, "browsers read '\\' as '/' in http(s) URLs; nothing else does"],
  [/scheme is/, 'only http(s) URLs go into these fields'],
  [/has no host/, "browsers repair 'https:host' and 'https:///host'; we ask for the usual form"],
  [/percent-encoded/, 'browsers decode %xx in hosts; a real host name is never written so'],
  [/ends in a number/, 'browsers read 127.1, 0x7f.1 or 2130706433 as IPv4 addresses; we take only a.b.c.d'],
  [/which no DNS name has/, 'browsers allow !$&\'()*+,;=~ in hosts; DNS names have letters, digits, - and _'],
  [/empty label|characters long; DNS allows|starts or ends with '-'/, 'browsers skip DNS length and hyphen checks'],
  [/path or query has non-ASCII/, 'browsers percent-encode it; we ask for the encoded form, which IdPs give'],
  [/cannot be read at character/, "RFC 3986 refuses characters browsers percent-encode (\"<>^`{|}, raw %)"],
  [/cannot be converted to ASCII/, 'IDNA2008 (libidn2) refuses names UTS #46 maps, such as emoji and some mixed scripts'],
];

function node(text) {
  try {
    const u = new URL(text);
    return { accepted: true, scheme: u.protocol.slice(0, -1), host: u.hostname, port: u.port === '' ? null : Number(u.port) };
  } catch {
    return { accepted: false };
  }
}

function nativeReadings() {
  const out = execFileSync(join(root, 'build', 'native', 'twilio-sso'), ['--read-urls'],
    { input: urls.map((u) => JSON.stringify(u)).join('\n') + '\n', encoding: 'utf8' });
  return out.trim().split('\n').map((line) => JSON.parse(line));
}

const defaultPort = { http: 80, https: 443 };

function compare(name, readings) {
  const stricter = new Map();
  const problems = [];
  let agreed = 0;
  readings.forEach((ours, i) => {
    const text = urls[i];
    const theirs = node(text);
    const where = `${name}: ${JSON.stringify(text)} ours ${JSON.stringify(ours)} node ${JSON.stringify(theirs)}`;
    if (ours.accepted) {
      const port = ours.port === defaultPort[ours.scheme] ? null : ours.port;
      if (!theirs.accepted) problems.push(`we accept what a browser refuses: ${where}`);
      else if (ours.scheme !== theirs.scheme || ours.host !== theirs.host || port !== theirs.port) problems.push(`differ: ${where}`);
      else agreed++;
    } else if (theirs.accepted) {
      const rule = DELIBERATE.find(([pattern]) => pattern.test(ours.reason));
      if (!rule) problems.push(`refused without a deliberate rule: ${where}`);
      else if (ours.stricter !== true) problems.push(`a stricter refusal must say so: ${where}`);
      else stricter.set(rule[1], (stricter.get(rule[1]) ?? 0) + 1);
    } else {
      agreed++;
    }
  });
  assert.deepEqual(problems, []);
  return { agreed, stricter };
}

test('at least 300 URL strings', () => assert.ok(urls.length >= 300, `${urls.length}`));

test('native reader (libidn2) agrees with WHATWG URL, or is deliberately stricter', () => {
  const { agreed, stricter } = compare('native', nativeReadings());
  console.log(`native: ${agreed} agree, ${[...stricter.values()].reduce((a, b) => a + b, 0)} deliberately stricter`);
  for (const [why, n] of stricter) console.log(`  ${n} x ${why}`);
});

test('wasm reader (host URL parser for IDNA) agrees with WHATWG URL, or is deliberately stricter', () => {
  const { agreed } = compare('wasm', urls.map((u) => analyzer.readUrl(u)));
  assert.ok(agreed > 150);
});

test('native and wasm accept the same URLs with the same hosts, but for IDNA2008 vs UTS #46', () => {
  const native = nativeReadings();
  urls.forEach((text, i) => {
    const a = native[i], b = analyzer.readUrl(text);
    if (a.accepted === b.accepted) {
      if (a.accepted) assert.equal(a.host, b.host, JSON.stringify(text));
    } else {
      // libidn2 refuses some names UTS #46 maps (emoji, symbols): the native build is stricter there.
      assert.match(a.reason ?? '', /cannot be converted to ASCII/, JSON.stringify(text));
    }
  });
});
