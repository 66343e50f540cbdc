// Loads the wasm module under Node the way the tests and benchmarks need it: Emscripten 3.1.6's
// ES-module output still reaches for CommonJS `require` and `__dirname` in Node, and Node 20's
// fetch() cannot read a file path, so both are supplied here and the wasm bytes handed over.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const interop = process.env.SSO_INTEROP_DIR || join(root, '..', 'shared', 'interop');
export const fixtures = process.env.SSO_FIXTURES_DIR || join(root, 'build', 'fixtures');
// The interop corpus is an extra suite: where it is absent, tests that need it are skipped and
// say so in one line.
export const interopPresent = existsSync(join(interop, 'metadata', 'MANIFEST.tsv'));
export const interopSkip = interopPresent ? false : 'interop corpus: not present, skipped';
const wasmDir = join(root, 'build', 'wasm');

// name: the build's base name ('twilio-sso', or 'twilio-sso-64mib' for the memory-capped one).
export async function loadAnalyzer(name = 'twilio-sso') {
  globalThis.require ??= createRequire(import.meta.url);
  globalThis.__dirname ??= wasmDir;
  const { default: factory } = await import(join(wasmDir, `${name}.mjs`));
  const { createAnalyzer } = await import(join(root, 'web', 'twilio-sso-api.js'));
  const { PUBLIC_SUFFIX_RULES } = await import(join(wasmDir, 'public-suffixes.js'));
  return createAnalyzer(factory, { wasmBinary: readFileSync(join(wasmDir, `${name}.wasm`)) },
    { publicSuffixes: PUBLIC_SUFFIX_RULES });
}
