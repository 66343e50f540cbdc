// One module in place of a module and what it imports, for what the page loads: its interface
// (app.js) and its worker (worker.js, with the module factory, the API and the loop). Each import
// is otherwise fetched only once the module that asks for it has arrived and been read; bundled
// (esbuild, Debian's), a module arrives with all it needs, and one file compresses better than
// several. A module named with --apart stays a file of its own, loaded when asked for (the Public
// Suffix List, when a trusted domain is typed). The result is checked, or the build stops: it
// parses as a module, imports and re-exports nothing statically, imports dynamically only what was
// kept apart, and esbuild had nothing to warn about.
// Usage: node tools/bundle.mjs FILE.js [--apart ./NAME.js]... (in place, from build/web's copies)
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { dynamicImports } from './minify.mjs';

const require = createRequire(import.meta.url);
const acorn = require('/usr/share/nodejs/acorn');  // Debian's node-acorn (build.sh installs it)

const [file, ...rest] = process.argv.slice(2);
const apart = [];
for (let i = 0; i < rest.length; i += 2) {
  if (rest[i] !== '--apart' || !rest[i + 1]) throw new Error(`usage: bundle.mjs FILE.js [--apart ./NAME.js]...`);
  apart.push(rest[i + 1]);
}
// Emscripten's factory reaches for Node's fs and path only when it runs under Node.
const run = spawnSync('esbuild', [resolve(file), '--bundle', '--format=esm', '--log-level=warning',
  ...apart.map((name) => `--external:${name}`), '--external:fs', '--external:path'],
{ cwd: dirname(file), encoding: 'utf8', maxBuffer: 1 << 26 });
if (run.error || run.status !== 0) throw new Error(`${file}: esbuild could not bundle it: ${run.error?.message ?? run.stderr}`);
if (run.stderr.trim()) throw new Error(`${file}: esbuild warns:\n${run.stderr}`);
const bundle = run.stdout;

const program = acorn.parse(bundle, { ecmaVersion: 'latest', sourceType: 'module' });
const dynamic = dynamicImports(program);
const importsStatically = (node) => node.type === 'ImportDeclaration' || node.type === 'ExportAllDeclaration' ||
  (node.type === 'ExportNamedDeclaration' && node.source);
if (program.body.some(importsStatically)) throw new Error(`${file}: the bundle still imports (or re-exports) a module`);
const unexpected = dynamic.filter((name) => !apart.includes(name));
if (unexpected.length) throw new Error(`${file}: the bundle still imports ${unexpected.join(', ')}`);
writeFileSync(file, bundle);
console.log(`${file}: ${readFileSync(file).length} bytes, one module (apart: ${apart.join(', ') || 'nothing'})`);
