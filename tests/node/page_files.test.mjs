// What the page is served: its one inline script is allowed by the hash in its own
// Content-Security-Policy (a wrong hash would silently leave the worker to start later, from
// app.js); it carries the helper's markup, drawn before any script runs; its interface is one
// module, and its worker one that imports nothing but the Public Suffix List.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './load_module.mjs';

const served = join(root, 'build', 'web');
const builtSkip = existsSync(join(served, 'worker.js')) ? false : 'build/web not built (./build.sh wasm)';

function inlineScriptsAllowed(html) {
  const policy = html.match(/http-equiv="Content-Security-Policy" content="([^"]*)"/)[1];
  const scriptSrc = policy.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src '));
  // Every script element without a src, whatever its other attributes: the browser runs its text.
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter((m) => !/\ssrc\s*=/.test(m[1])).map((m) => m[2]);
  return { scriptSrc, scripts, hashes: scripts.map((s) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`) };
}

for (const [name, folder] of [['web/index.html', join(root, 'web')], ['build/web/index.html', served]]) {
  test(`${name}: its inline script is allowed by its hash, and nothing else inline is`, {
    skip: existsSync(join(folder, 'index.html')) ? false : 'not built',
  }, () => {
    const { scriptSrc, scripts, hashes } = inlineScriptsAllowed(readFileSync(join(folder, 'index.html'), 'utf8'));
    assert.equal(scripts.length, 1);
    assert.match(scripts[0], /new Worker\('worker\.js'/);
    const allowed = scriptSrc.split(/\s+/).filter((s) => s.startsWith("'sha256-"));
    assert.deepEqual(allowed, hashes);
    assert.ok(!scriptSrc.includes("'unsafe-inline'"));
  });
}

const importsOf = (code) => ({
  dynamic: [...code.matchAll(/\bimport\s*\(\s*["'`]([^"'`]*)/g)].map((m) => m[1]),
  // import … from, import "…", or a re-export (export … from "…")
  static: /(^|[;}])\s*import\s*[\s{*"']/m.test(code) || /\bexport\s*(\*|\{[^}]*\})\s*from\s*["']/.test(code),
});

test('the served interface is one module: the helper and its renderers are in it, the markup is not', { skip: builtSkip }, () => {
  const app = readFileSync(join(served, 'app.js'), 'utf8');
  assert.deepEqual(importsOf(app), { dynamic: [], static: false });
  assert.match(app, /data-role="input"/);  // the helper, which finds the markup's input box
  assert.match(app, /tsh-verdict/);  // the renderers
  assert.doesNotMatch(app, /tsh-awaiting-title/);  // the markup itself is index.html's alone
  assert.match(app, /new Worker\(/);  // the fallback that starts the worker if index.html did not
});

test('the served page carries the helper\'s markup, exactly, in its <main>', { skip: builtSkip }, async () => {
  const { HELPER_MARKUP } = await import(join(root, 'web', 'helper-markup.js'));
  for (const page of ['index.html', 'twilio-sso-helper.html']) {
    const html = readFileSync(join(served, page), 'utf8');
    const main = html.match(/<main id="app" class="tsh-root">([\s\S]*?)<\/main>/);
    assert.ok(main, page);
    assert.equal(main[1], HELPER_MARKUP, page);
  }
});

test('every control of the helper\'s markup says autocomplete="off" (none is suggested or kept by the browser)', async () => {
  const { HELPER_MARKUP } = await import(join(root, 'web', 'helper-markup.js'));
  const controls = [...HELPER_MARKUP.matchAll(/<(input|textarea|select)\b[^>]*>/g)].map((m) => m[0])
    .filter((tag) => !/type="file"/.test(tag));  // (the attribute is not allowed on a file input)
  assert.ok(controls.length >= 10);
  for (const tag of controls) assert.match(tag, /\sautocomplete="off"/, tag);
});

test('the served worker is one module: the module factory and the API are in it', { skip: builtSkip }, () => {
  const worker = readFileSync(join(served, 'worker.js'), 'utf8');
  assert.deepEqual(importsOf(worker), { dynamic: ['./public-suffixes.js'], static: false });
  assert.match(worker, /createTwilioSsoModule|wasmBinary/);
  assert.match(worker, /analyzeJson/);
});
