// tools/minify.mjs: what the page is served is its scripts without comments and white space, and
// nothing else changed. Each case runs the source and the result and compares what they give.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minifyJs } from '../../tools/minify.mjs';

// Each case is a function body; the script calls it and keeps what it returns, and run() gives that
// (in strict mode, as in a module).
const script = (body) => `const result = (function () {\n${body}\n})();\n`;
const run = (code) => new Function(`'use strict';\n${code}\nreturn result;`)();

const CASES = {
  'a return then a line break returns nothing (automatic semicolon)': 'return /* why */\n  42;',
  'a comment spanning lines after return is a line break too': 'return /* one\n two */ 42;',
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

test('comments go, and indentation, but every line break between tokens stays one', () => {
  const source = '// a comment\nconst a = 1;   // trailing\n\n\n  /* block */  const b = a +\n    2;\nexport { a, b };\n';
  assert.equal(minifyJs(source), 'const a=1;\nconst b=a+\n2;\nexport{a,b};\n');
});

test('a module with top-level await and import.meta stays a module', () => {
  const source = "const url = new URL('./x.wasm', import.meta.url);\nawait Promise.resolve(url);\n";
  assert.equal(minifyJs(source), "const url=new URL('./x.wasm',import.meta.url);\nawait Promise.resolve(url);\n");
});

test('a script that does not parse stops the build rather than being passed on', () => {
  assert.throws(() => minifyJs('const = 1;', { name: 'broken.js' }));
});
