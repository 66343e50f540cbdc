// Running out of memory gives a finding, and the next analysis works. Proven on a build of the
// module capped at 64 MiB (the page's is capped at 1 GiB, which no input under the 64 MiB input
// limit reaches: the worst, 64 MiB of empty elements, peaks at 669 MiB).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtures, loadAnalyzer } from './load_module.mjs';

test('a document too big for memory gives input.out-of-memory, and the module keeps working', async () => {
  const analyzer = await loadAnalyzer('twilio-sso-64mib');
  const big = `<root>${'<a/>'.repeat(7 << 20)}</root>`;  // 28 MiB of elements
  const report = analyzer.analyze(big, { now: '2026-11-28T00:00:00Z' });
  assert.equal(report.error, undefined, JSON.stringify(report).slice(0, 200));
  assert.ok(report.findings.some((f) => f.code === 'input.out-of-memory'), JSON.stringify(report.findings));
  assert.equal(analyzer.heapBytes(), 64 << 20);
  const okta = readFileSync(join(fixtures, 'metadata', 'okta.xml'));
  const after = analyzer.analyze(okta, {});
  assert.equal(after.twilio.identityProviderIssuer, 'http://www.okta.com/exk9fx2ytoTwiLio0h8');
});

test('input that does not fit the heap at all is refused with an error value, not an abort', async () => {
  const analyzer = await loadAnalyzer('twilio-sso-64mib');
  const result = analyzer.analyze(new Uint8Array(80 << 20), {});
  assert.match(result.error, /not enough memory/);
  assert.equal(analyzer.analyze('', {}).findings[0].code, 'input.empty');
});
