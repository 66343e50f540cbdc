// The page's worker as one file: web/worker.js imports the module factory, its API and the worker's
// loop, and a worker fetches each only after its own script has run; bundled (esbuild, Debian's),
// they arrive with it. Measured on the page's first result for a typical paste: about 20 ms sooner
// (medians of 15 interleaved loads). The Public Suffix List stays a module of its own, fetched
// only once a trusted domain is typed. The result is checked, or the build stops: it parses as a
// module, imports nothing statically, and its one dynamic import is that list.
// Usage: node tools/bundle_worker.mjs build/web/worker.js (in place, from build/web's copies)
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const acorn = require('/usr/share/nodejs/acorn');  // Debian's node-acorn (build.sh installs it)
const walk = require('/usr/share/nodejs/acorn-walk');

const KEPT_APART = './public-suffixes.js';

const [file] = process.argv.slice(2);
// Emscripten's factory reaches for Node's fs and path only when it runs under Node.
const run = spawnSync('esbuild', [resolve(file), '--bundle', '--format=esm', '--log-level=error', `--external:${KEPT_APART}`,
  '--external:fs', '--external:path'], { cwd: dirname(file), encoding: 'utf8', maxBuffer: 1 << 26 });
if (run.error || run.status !== 0) throw new Error(`${file}: esbuild could not bundle it: ${run.error?.message ?? run.stderr}`);
const bundle = run.stdout;

const program = acorn.parse(bundle, { ecmaVersion: 'latest', sourceType: 'module' });
const dynamic = [];
walk.full(program, (node) => {
  if (node.type === 'ImportExpression') dynamic.push(node.source.type === 'Literal' ? node.source.value : '(computed)');
});
if (program.body.some((node) => node.type === 'ImportDeclaration')) throw new Error(`${file}: the bundle still imports`);
if (dynamic.length !== 1 || dynamic[0] !== KEPT_APART) throw new Error(`${file}: the bundle imports ${dynamic.join(', ')}`);
writeFileSync(file, bundle);
console.log(`${file}: ${readFileSync(file).length} bytes, one module`);
