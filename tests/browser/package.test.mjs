// The npm package as a documentation site would install it: `npm pack` of the web build, the
// tarball installed into an empty folder, <twilio-sso-helper> mounted from node_modules in
// Chromium, and the ES module API used from Node with the package's own files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from './browser.mjs';
import { serveFolder } from '../../tools/static_server.mjs';
import { fixtures } from '../node/load_module.mjs';
import { paste, settled, shownValue, web } from './page_helpers.mjs';

let site;
before(() => {
  site = mkdtempSync(join(tmpdir(), 'sso-docs-site-'));
  const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', site, web], { encoding: 'utf8' }).trim();
  writeFileSync(join(site, 'package.json'), '{"name":"docs-site","private":true}');
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--offline', join(site, tarball.split('\n').pop())], { cwd: site, stdio: 'pipe' });
});
after(() => rmSync(site, { recursive: true, force: true }));

test('the package holds the element, the API, the module and the types, and nothing else', () => {
  const pkg = join(site, 'node_modules', 'twilio-sso-helper');
  for (const f of ['index.js', 'index.d.ts', 'twilio-sso-embed.js', 'twilio-sso.wasm', 'twilio-sso.mjs', 'worker.js', 'app.css'])
    assert.ok(existsSync(join(pkg, f)), f);
  assert.equal(existsSync(join(pkg, 'index.html')), false);
  const types = readFileSync(join(pkg, 'index.d.ts'), 'utf8');
  assert.match(types, /export interface Report \{/);
  assert.match(types, /identityProviderIssuer: string \| null;/);
  assert.match(types, /export function createAnalyzer/);
});

test('the ES module API from the installed package, in Node', async () => {
  const pkg = join(site, 'node_modules', 'twilio-sso-helper');
  globalThis.require ??= (await import('node:module')).createRequire(import.meta.url);
  globalThis.__dirname ??= pkg;
  const { createAnalyzer } = await import(pathToFileURL(join(pkg, 'index.js')).href);
  const analyzer = await createAnalyzer({ wasmBinary: readFileSync(join(pkg, 'twilio-sso.wasm')) });
  const report = analyzer.analyze(readFileSync(join(fixtures, 'metadata', 'keycloak.xml'), 'utf8'));
  assert.equal(report.idp.vendor, 'keycloak');
  assert.match(report.twilio.x509Certificate, /^-----BEGIN CERTIFICATE-----/);
});

test('<twilio-sso-helper> mounted from node_modules in a documentation page', async () => {
  writeFileSync(join(site, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Docs</title>
<link rel="icon" href="data:,">
<script type="module" src="node_modules/twilio-sso-helper/twilio-sso-embed.js"></script></head>
<body><h1>Set up SSO</h1><twilio-sso-helper></twilio-sso-helper></body></html>`);
  const server = await serveFolder(site);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(`${server.url}/`);
    const helper = page.locator('twilio-sso-helper');
    await settled(helper);
    await paste(helper, readFileSync(join(fixtures, 'metadata', 'adfs.xml'), 'utf8'));
    assert.equal(await shownValue(helper, 'identityProviderIssuer'), 'http://adfs.contoso-fixture.com/adfs/services/trust');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    server.close();
  }
});

test('the ES module API in a page finds the wasm where locateFile says (as a bundler moves it)', async () => {
  const pkg = join(site, 'node_modules', 'twilio-sso-helper');
  execFileSync('mkdir', ['-p', join(site, 'assets')]);
  writeFileSync(join(site, 'assets', 'sso-3f9a1c.wasm'), readFileSync(join(pkg, 'twilio-sso.wasm')));
  writeFileSync(join(site, 'api.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>API</title><link rel="icon" href="data:,"></head><body></body></html>');
  const server = await serveFolder(site);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}/api.html`);
    const text = readFileSync(join(fixtures, 'metadata', 'keycloak.xml'), 'utf8');
    const result = await page.evaluate(async (metadata) => {
      const { createAnalyzer } = await import('/node_modules/twilio-sso-helper/index.js');
      const asked = [];
      const analyzer = await createAnalyzer({ locateFile: (name) => { asked.push(name); return '/assets/sso-3f9a1c.wasm'; } });
      return { asked, vendor: analyzer.analyze(metadata).idp.vendor };
    }, text);
    assert.deepEqual(result, { asked: ['twilio-sso.wasm'], vendor: 'keycloak' });
    assert.ok(server.requests.includes('/assets/sso-3f9a1c.wasm'));
    assert.ok(!server.requests.includes('/node_modules/twilio-sso-helper/twilio-sso.wasm'));
  } finally {
    await browser.close();
    server.close();
  }
});
