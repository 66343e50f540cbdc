// tools/minify.mjs: what the page is served is its scripts minified, and what they do unchanged.
// Each case runs the source and the result and compares what they give.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { minifyCss, minifyJs } from '../../tools/minify.mjs';
import { fixtures, loadAnalyzer, root } from './load_module.mjs';

// Each case is a function body; the script calls it and keeps what it returns, and run() gives that
// (in strict mode, as in a module).
const script = (body) => `const result = (function () {\n${body}\n})();\n`;
const run = (code) => new Function(`'use strict';\n${code}\nreturn result;`)();

const CASES = {
  'a line break before ++ ends the statement': 'let a = 1, b = 2;\na\n++b\nreturn [a, b];',
  'unary plus and minus after binary ones': 'const x = 3; return [x + +x, x - -x, x+ ++[1][0], x - --[1][0]];',
  'a number then a member': 'return 1 .toString() + 2..toFixed(1);',
  'division, then a regular expression': 'const a = 10, g = 2; const r = a / g / 1; return [r, / \\/ x/.test(" / x"), "a b".split(/ /)];',
  'strings and templates keep their spaces and comment-like text': 'const n = "  // no  "; return `${n} /* ${1 + 1} */  ` + \'  x \';',
  'keywords and names keep one space': 'const o = { a: 1 }; return typeof o === "object" && "a" in o && !(o instanceof Array) ? void 0 ?? "v" : 0;',
  'a regular expression after a closing parenthesis of if': 'let m = null; if (true) /a b/.test("a b") && (m = 1); return m;',
  'arrow bodies and optional chaining': 'const f = (x) => x?.y ?? "none"; return [f(), f({ y: 2 })];',
};

for (const [name, body] of Object.entries(CASES)) {
  test(name, () => {
    const source = script(body);
    const minified = minifyJs(source, { name, sourceType: 'script' });
    assert.ok(minified.length < source.length + 2, `not longer: ${JSON.stringify(minified)}`);
    assert.deepEqual(run(minified), run(source));
  });
}

test('comments and indentation go; a module keeps its imports and exports, its locals shrink', () => {
  const source = "import { x } from './x.js';\n// a comment\nconst longLocalName = x + 1;   // trailing\n\n" +
    "  /* block */  export const exported = longLocalName +\n    2;\nexport default function named() { return exported; }\n";
  const minified = minifyJs(source);
  assert.ok(!/comment|block|trailing|longLocalName/.test(minified), minified);
  assert.match(minified, /from\s*"\.\/x\.js"/);
  assert.match(minified, /exported/);
  assert.match(minified, /as default|export default/);
});

test('a classic script keeps its top-level names, which are global', () => {
  const source = 'var sharedAcrossScripts = 1;\nfunction alsoGlobal(longParameter) { return longParameter + 1; }\n';
  const minified = minifyJs(source, { sourceType: 'script' });
  assert.match(minified, /sharedAcrossScripts/);
  assert.match(minified, /alsoGlobal/);
  assert.ok(!minified.includes('longParameter'), minified);
  assert.equal(new Function(`${minified}; return alsoGlobal(sharedAcrossScripts);`)(), 2);
});

test('a module with top-level await and import.meta stays a module', () => {
  const source = "const url = new URL('./x.wasm', import.meta.url);\nawait Promise.resolve(url);\n";
  const minified = minifyJs(source);
  assert.match(minified, /import\.meta\.url/);
  assert.match(minified, /^await |[;\n]await /m);
});

test('code esbuild warns about stops the build: a return cut from its value by a line break', () => {
  assert.throws(() => minifyJs(script('return /* why */\n  42;'), { sourceType: 'script' }), /semicolon/);
  assert.throws(() => minifyJs(script('return /* one\n two */ 42;'), { sourceType: 'script' }), /semicolon/);
});

test('a script that does not parse stops the build rather than being passed on', () => {
  assert.throws(() => minifyJs('const = 1;', { name: 'broken.js' }));
});

// build/web's minified module factory and API (the npm package's; the page's worker holds the same
// code, bundled, which the Chromium suite runs) must analyse as the unminified ones do.
const served = join(root, 'build', 'web');
test('the served, minified module factory and API give the same Report', {
  skip: existsSync(join(served, 'twilio-sso.mjs')) ? false : 'build/web not built (./build.sh wasm)',
}, async () => {
  const plain = await loadAnalyzer();  // first: it supplies what Emscripten's module wants in Node
  const source = readFileSync(join(served, 'twilio-sso.mjs'), 'utf8');
  assert.ok(!source.includes('\n  '), 'the served module factory is minified');
  const { default: factory } = await import(join(served, 'twilio-sso.mjs'));
  const { createAnalyzer } = await import(join(served, 'twilio-sso-api.js'));
  const minified = await createAnalyzer(factory, { wasmBinary: readFileSync(join(served, 'twilio-sso.wasm')) });
  const metadata = readdirSync(join(fixtures, 'metadata')).map((f) => join(fixtures, 'metadata', f));
  assert.ok(metadata.length >= 10, `found ${metadata.length} fixtures`);
  for (const file of metadata) {
    const options = { now: '2026-11-28T00:00:00Z' };
    assert.equal(minified.analyzeJson(readFileSync(file), options, 2), plain.analyzeJson(readFileSync(file), options, 2), file);
  }
});

test('a style sheet loses comments and white space, and keeps its rules and selectors', () => {
  const source = '/* why */\n.tsh-root  > .a:hover ,\n.b {\n  color: #ff0000;\n  margin: 0px 0px;\n}\n@media (max-width: 600px) {\n  .b { display: none }\n}\n';
  const minified = minifyCss(source);
  assert.ok(!minified.includes('why') && minified.length < source.length * 0.7, minified);
  assert.match(minified, /\.tsh-root>\.a:hover,\.b\{/);
  assert.match(minified, /color:(red|#f00)/);
  assert.match(minified, /@media \(max-width:\s?600px\)\{\.b\{display:none\}\}/);
});
