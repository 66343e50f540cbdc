// The case tables of tests/cases/ through the wasm module: the same rows tests/unit/
// case_table_test.cpp runs natively, held to the same expectations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fixtures, loadAnalyzer, root } from './load_module.mjs';

const analyzer = await loadAnalyzer();
const casesDir = join(root, 'tests', 'cases');

function resolve(spec) {
  if (spec.startsWith('fixture:')) return readFileSync(join(fixtures, spec.slice(8)));
  if (spec.startsWith('text:')) return spec.slice(5);
  return spec;
}

function atPath(report, path) {
  let node = report;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object' || !(key in node)) return `<no value at ${path}>`;
    node = node[key];
  }
  return node;
}

for (const file of readdirSync(casesDir).filter((f) => f.endsWith('.json'))) {
  const table = JSON.parse(readFileSync(join(casesDir, file), 'utf8'));
  test(`${file}: every row through wasm`, () => {
    for (const c of table.cases) {
      const options = { ...c.options };
      if (!options.now && table.now) options.now = table.now;
      if (options.certificate) options.certificate = resolve(options.certificate).toString();
      const report = analyzer.analyze(resolve(c.input), options);
      assert.equal(report.error, undefined, `${c.name}: ${report.error}`);
      for (const [code, severity] of Object.entries(c.expect ?? {})) {
        const found = report.findings.find((f) => f.code === code);
        assert.equal(found ? found.severity : 'none', severity, `${c.name}: ${code}`);
      }
      for (const [code, part] of Object.entries(c.messages ?? {})) {
        const found = report.findings.find((f) => f.code === code);
        assert.ok(found && found.message.includes(part), `${c.name}: ${code} should say "${part}"`);
      }
      for (const [path, value] of Object.entries(c.values ?? {})) {
        assert.deepEqual(atPath(report, path), value, `${c.name}: ${path}`);
      }
    }
    assert.ok(table.cases.length >= 80);
  });
}
