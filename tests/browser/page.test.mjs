// The page in Debian's Chromium: every interop file pasted and read back against the CLI, copy
// buttons, no network, the single-file build from file://, the embed, hostile input, a screenshot.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from './browser.mjs';
import { serveFolder } from '../../tools/static_server.mjs';
import { interop, root } from '../node/load_module.mjs';

const web = join(root, 'build', 'web');
const cli = join(root, 'build', 'native', 'twilio-sso');
const FIELDS = ['friendlyName', 'x509Certificate', 'identityProviderIssuer', 'singleSignOnUrl', 'defaultRedirectUrl'];
let browser, server;

before(async () => {
  browser = await launchChromium();
  server = await serveFolder(web);
});
after(async () => {
  await browser?.close();
  server?.close();
});

function cliReport(file) {
  try {
    return JSON.parse(execFileSync(cli, ['--json', file], { encoding: 'utf8' }));
  } catch (e) {
    return JSON.parse(e.stdout);
  }
}

// Puts text into the helper's input as a paste would, and waits for its answer to be shown.
async function paste(scope, text) {
  await scope.locator('#tsh-input').evaluate((el, value) => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  await scope.locator('.tsh-root:not([data-pending])').waitFor({ state: 'attached', timeout: 60000 });
}

async function shownValue(scope, field) {
  const pre = scope.locator(`[data-field="${field}"]`);
  return (await pre.getAttribute('class')).includes('tsh-empty') ? null : pre.textContent();
}

async function openPage(url, viewport = { width: 1280, height: 1800 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.locator('.tsh-root:not([data-pending])').waitFor({ state: 'attached' });
  return { context, page, requests, errors };
}

test('every interop metadata file shows the CLI Report\'s Twilio values', async () => {
  const { context, page, errors } = await openPage(`${server.url}/index.html`);
  const files = readdirSync(join(interop, 'metadata')).filter((f) => f.endsWith('.xml'));
  assert.equal(files.length, 24);
  for (const name of files) {
    const file = join(interop, 'metadata', name);
    await paste(page, readFileSync(file, 'utf8'));
    const expected = cliReport(file);
    for (const field of FIELDS) assert.equal(await shownValue(page, field), expected.twilio[field], `${name} ${field}`);
    const codes = await page.locator('.tsh-finding code').allTextContents();
    assert.deepEqual([...codes].sort(), expected.findings.map((f) => f.code).sort(), `${name} findings`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('copy buttons put the exact value on the clipboard', async () => {
  const { context, page } = await openPage(`${server.url}/index.html`);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const file = join(interop, 'metadata', 'okta_dev-513394_crewjam.xml');
  await paste(page, readFileSync(file, 'utf8'));
  const expected = cliReport(file);
  for (const field of ['x509Certificate', 'identityProviderIssuer', 'singleSignOnUrl']) {
    await page.locator(`[data-field="${field}"] + .tsh-copy`).click();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), expected.twilio[field], field);
  }
  assert.match(expected.twilio.x509Certificate, /^-----BEGIN CERTIFICATE-----\n[\s\S]+\n-----END CERTIFICATE-----$/);
  await context.close();
});

test('no network request but the page\'s own files; the policy forbids connections', async () => {
  const { context, page, requests } = await openPage(`${server.url}/index.html`);
  const own = new Set(readdirSync(web).map((f) => `${server.url}/${f}`));
  for (const name of readdirSync(join(interop, 'metadata')).slice(0, 8)) {
    await paste(page, readFileSync(join(interop, 'metadata', name), 'utf8'));
  }
  const foreign = requests.filter((u) => !own.has(u));
  assert.deepEqual(foreign, [], 'requests to anything but the page\'s own files');
  const blocked = await page.evaluate(() => fetch('https://example.com/').then(() => 'sent', () => 'blocked'));
  assert.equal(blocked, 'blocked');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp, /connect-src 'none'/);
  await context.close();
});

test('the single-file build works from file://, with no request at all', async () => {
  const url = pathToFileURL(join(web, 'twilio-sso-helper.html')).href;
  const { context, page, requests, errors } = await openPage(url);
  const file = join(interop, 'metadata', 'google_workspace_boxyhq.xml');
  await paste(page, readFileSync(file, 'utf8'));
  assert.equal(await shownValue(page, 'identityProviderIssuer'), 'https://accounts.google.com/o/saml2');
  assert.equal(await shownValue(page, 'x509Certificate'), cliReport(file).twilio.x509Certificate);
  assert.deepEqual(requests.filter((u) => u !== url && !u.startsWith('blob:') && !u.startsWith('data:')), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the <twilio-sso-helper> element works inside a documentation page', async () => {
  const { context, page, errors } = await openPage(`${server.url}/docs-example.html`);
  const helper = page.locator('twilio-sso-helper');
  assert.equal(await page.evaluate(() => !!document.querySelector('twilio-sso-helper').shadowRoot), true);
  await paste(helper, readFileSync(join(interop, 'metadata', 'entra_tenant_81c1df79.xml'), 'utf8'));
  assert.equal(await shownValue(helper, 'identityProviderIssuer'),
    'https://sts.windows.net/81c1df79-e153-4f9d-a101-8dcf04af6c2c/');
  assert.equal(await page.evaluate(() => document.querySelector('#tsh-input')), null,
    'the helper lives in its Shadow DOM, not in the page');
  assert.deepEqual(errors, []);
  await context.close();
});

test('hostile input leaves the page responsive, and a valid paste afterwards works', async () => {
  const { context, page } = await openPage(`${server.url}/index.html`);
  await paste(page, '<EntityDescriptor><unclosed>');
  assert.ok((await page.locator('.tsh-finding code').allTextContents()).includes('xml.malformed'));
  // 30 MB of elements: the main thread must keep answering while the worker reads it.
  await page.evaluate(() => {
    const el = document.querySelector('#tsh-input');
    el.value = `<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata">${'<md:EntityDescriptor entityID="x"/>'.repeat(850000)}</md:EntitiesDescriptor>`;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  let answered = 0;
  for (let i = 0; i < 10; i++) answered += await page.evaluate(() => 1);
  assert.equal(answered, 10);
  await page.locator('.tsh-root:not([data-pending])').waitFor({ state: 'attached', timeout: 60000 });
  const file = join(interop, 'metadata', 'okta_dev-513394_crewjam.xml');
  await paste(page, readFileSync(file, 'utf8'));
  assert.equal(await shownValue(page, 'identityProviderIssuer'), 'http://www.okta.com/exkppsa1qwuFV4D7z0h7');
  await context.close();
});

test('a screenshot with real metadata, light and narrow dark, for review', async () => {
  mkdirSync(join(root, 'build', 'screenshots'), { recursive: true });
  const { context, page } = await openPage(`${server.url}/index.html`, { width: 1280, height: 1800 });
  await page.locator('[data-option="twilioId"]').fill('JQ0123456789abcdef0123456789abcdef');
  await paste(page, readFileSync(join(interop, 'metadata', 'entra_tenant_81c1df79.xml'), 'utf8'));
  await page.screenshot({ path: join(root, 'build', 'screenshots', 'page.png'), fullPage: true });
  await page.screenshot({ path: join(root, 'build', 'screenshots', 'page.jpg'), type: 'jpeg', quality: 70 });
  await context.close();
  const dark = await browser.newContext({ viewport: { width: 390, height: 900 }, colorScheme: 'dark' });
  const narrow = await dark.newPage();
  await narrow.goto(`${server.url}/index.html`);
  await paste(narrow, readFileSync(join(interop, 'metadata', 'okta_dev-513394_crewjam.xml'), 'utf8'));
  await narrow.screenshot({ path: join(root, 'build', 'screenshots', 'page-narrow-dark.png'), fullPage: true });
  await dark.close();
});
