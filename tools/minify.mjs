// Makes what the page is served small: the page's scripts, its style sheet and Emscripten's module
// factory lose their comments and white space and the scripts' local names are shortened, by
// esbuild (Debian's `esbuild`, which build.sh installs; the sources in web/ keep their comments).
// Nothing is bundled and no syntax is lowered: each file stays the module or script it was.
// What a minifier must not touch is checked here on each script, or the build stops: it parses
// (acorn, Debian's node-acorn, which Emscripten needs anyway) as the same kind of script, a module
// imports the same specifiers, in order, and exports the same names, its dynamic imports are the
// same, and esbuild had nothing to warn about (for a style sheet, only the last). What the code
// does is held by the tests, which run what is served (tests/node/minify.test.mjs runs source and
// result side by side and holds a style sheet's rules; the Chromium suite drives the page from
// build/web).
// Usage: node tools/minify.mjs FILE.js|FILE.css... (in place; each script a module)
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const acorn = require('/usr/share/nodejs/acorn');  // Debian's node-acorn (build.sh installs it)
const walk = require('/usr/share/nodejs/acorn-walk');

const PARSE = { ecmaVersion: 'latest', allowHashBang: true };

// The specifiers a parsed program imports with import(), in order (tools/bundle.mjs too).
export function dynamicImports(program) {
  const found = [];
  walk.full(program, (node) => {
    if (node.type === 'ImportExpression') found.push(node.source.type === 'Literal' ? node.source.value : '(computed)');
  });
  return found;
}

// What a module shows the world: the specifiers it imports and the names it exports, in order.
function interfaceOf(source, sourceType, name) {
  let program;
  try {
    program = acorn.parse(source, { ...PARSE, sourceType });
  } catch (error) {
    throw new Error(`${name}: does not parse as a ${sourceType}: ${error.message}`);
  }
  const imports = [];
  const exports = [];
  for (const node of program.body) {
    if (node.type === 'ImportDeclaration') imports.push(node.source.value);
    if (node.type === 'ExportDefaultDeclaration') exports.push('default');
    if (node.type === 'ExportAllDeclaration') imports.push(node.source.value), exports.push('*');
    if (node.type === 'ExportNamedDeclaration') {
      if (node.source) imports.push(node.source.value);
      for (const spec of node.specifiers) exports.push(spec.exported.name ?? spec.exported.value);
      const declaration = node.declaration;
      if (declaration?.id) exports.push(declaration.id.name);
      for (const d of declaration?.declarations ?? []) exports.push(d.id.name);
    }
  }
  exports.sort();  // esbuild gathers a module's exports into one statement at its end
  return JSON.stringify({ imports, exports, dynamic: dynamicImports(program) });
}

// sourceType: 'module', whose top-level names are its own and are shortened too, or 'script' for a
// classic script, whose top-level names are global and stay as they are.
export function minifyJs(source, { name = 'script', sourceType = 'module' } = {}) {
  const before = interfaceOf(source, sourceType, name);
  // Emscripten's module factory calls require() in its Node-only branch, which an ES module keeps
  // as it is: esbuild's warning about that one thing is not asked for.
  const args = ['--minify', '--log-level=warning', '--charset=ascii', '--log-override:unsupported-require-call=silent'];
  if (sourceType === 'module') args.push('--format=esm');
  const run = spawnSync('esbuild', args, { input: source, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (run.error) throw new Error(`${name}: esbuild could not run (${run.error.message}); ./build.sh installs it`);
  if (run.status !== 0) throw new Error(`${name}: esbuild refused it:\n${run.stderr}`);
  if (run.stderr.trim()) throw new Error(`${name}: esbuild warns:\n${run.stderr}`);
  const out = run.stdout;
  if (interfaceOf(out, sourceType, name) !== before) throw new Error(`${name}: minifying changed its imports or exports`);
  return out;
}

// A style sheet: esbuild's CSS minifier (white space, comments, shorter colours and numbers).
export function minifyCss(source, { name = 'style sheet' } = {}) {
  const run = spawnSync('esbuild', ['--loader=css', '--minify', '--log-level=warning', '--charset=ascii'],
    { input: source, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.error) throw new Error(`${name}: esbuild could not run (${run.error.message}); ./build.sh installs it`);
  if (run.status !== 0) throw new Error(`${name}: esbuild refused it:\n${run.stderr}`);
  if (run.stderr.trim()) throw new Error(`${name}: esbuild warns:\n${run.stderr}`);
  return run.stdout;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  let before = 0;
  let after = 0;
  const files = process.argv.slice(2);
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    const result = file.endsWith('.css') ? minifyCss(source, { name: file }) : minifyJs(source, { name: file });
    before += source.length;
    after += result.length;
    writeFileSync(file, result);
  }
  console.log(`minified ${files.length} scripts: ${before} -> ${after} bytes`);
}
