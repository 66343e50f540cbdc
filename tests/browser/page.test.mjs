// The page in Debian's Chromium, used as an admin would: opened at the address ./build.sh serve
// prints, every fixture pasted and read back against the CLI, the page's own controls set, copy
// buttons, a private key pasted by mistake, no network, the single-file build from file://, the
// embed, hostile input, and screenshots for review.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fixtures, interop, interopSkip, root } from '../node/load_module.mjs';
import {
  cliReport, openPage, paste, settled, shownCodes, shownValue, startBrowserAndServer, web,
} from './page_helpers.mjs';

const FIELDS = ['friendlyName', 'singleSignOnMethod', 'x509Certificate', 'identityProviderIssuer', 'singleSignOnUrl',
  'defaultRedirectUrl'];
const JQ = 'JQ0123456789abcdef0123456789abcdef';
let env;

before(async () => { env = await startBrowserAndServer(); });
after(async () => { await env?.close(); });

async function sameAsCli(page, file, args = [], label = file) {
  const expected = cliReport(file, args);
  for (const field of FIELDS) assert.equal(await shownValue(page, field), expected.twilio[field], `${label} ${field}`);
  assert.equal(await shownValue(page, 'trustedDomains'), expected.twilio.trustedDomains.join('\n') || null, `${label} trustedDomains`);
  assert.deepEqual(await shownCodes(page), expected.findings.map((f) => f.code).sort(), `${label} findings`);
  return expected;
}

test('the address ./build.sh serve prints shows the page', async () => {
  // The server as build.sh serve starts it, on a free port; the address it prints, opened as is.
  const server = spawn('node', [join(root, 'tools', 'static_server.mjs'), web, '0']);
  try {
    const address = await new Promise((resolve, reject) => {
      server.stdout.on('data', (d) => {
        const m = /on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(String(d));
        if (m) resolve(m[1]);
      });
      server.on('exit', () => reject(new Error('the server stopped')));
    });
    assert.match(address, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const response = await fetch(address);
    assert.match(response.headers.get('content-type'), /^text\/html/);
    assert.equal(response.headers.get('cache-control'), 'no-cache');  // the page and its scripts always of one build
    const { context, page, errors } = await openPage(env.browser, address);
    assert.equal(await page.locator('h1').textContent(), 'Twilio SSO Helper');
    await paste(page, readFileSync(join(fixtures, 'metadata', 'okta.xml'), 'utf8'));
    assert.equal(await shownValue(page, 'identityProviderIssuer'), 'http://www.okta.com/exk9fx2ytoTwiLio0h8');
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    server.kill();
  }
});

test('the empty page is calm: nothing red before anything is pasted', async () => {
  const { context, page } = await openPage(env.browser, `${env.server.url}/`);
  assert.equal(await page.locator('[data-role="awaiting"]').isVisible(), true);
  assert.equal(await page.locator('.tsh-finding:visible').count(), 0);
  assert.equal(await page.locator('.tsh-error:visible, .tsh-verdict-error:visible').count(), 0);
  // Typing a setting before pasting keeps it calm too.
  await page.locator('[data-option="trustedDomains"]').fill('*.example.com');
  await settled(page);
  assert.equal(await page.locator('.tsh-finding:visible').count(), 0);
  await context.close();
});

test('the page is drawn before its script runs; what is pasted meanwhile is read, and a reload starts empty', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 1800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // The interface's script is held back until the text is in the box.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/app.js', async (route) => { await held; await route.continue(); });
  await page.goto(`${env.server.url}/`, { waitUntil: 'commit' });
  await page.locator('#tsh-input').waitFor({ state: 'visible' });
  assert.equal(await page.locator('h1').textContent(), 'Twilio SSO Helper');
  assert.equal(await page.locator('.tsh-root[data-ready]').count(), 0, 'no Report before the script has run');
  const okta = readFileSync(join(fixtures, 'metadata', 'okta.xml'), 'utf8');
  await page.locator('#tsh-input').fill(okta);
  await page.locator('[data-option="trustedDomains"]').fill('example.com');
  release();
  await settled(page);
  assert.equal(await page.locator('#tsh-input').inputValue(), okta, 'the text pasted early is still in the box');
  await sameAsCli(page, join(fixtures, 'metadata', 'okta.xml'), ['--trusted-domain', 'example.com'], 'pasted before the script');
  // Nothing pasted is kept by the browser either: every control says autocomplete="off", so
  // neither a reload nor going back restores it.
  await page.unroute('**/app.js');
  await page.reload();
  await settled(page);
  assert.equal(await page.locator('#tsh-input').inputValue(), '');
  await page.locator('#tsh-input').fill(okta);
  await page.locator('[data-option="trustedDomains"]').fill('example.com');
  await settled(page);
  await page.goto(`${env.server.url}/docs-example.html`);
  await page.goBack();
  await settled(page);
  assert.equal(await page.locator('#tsh-input').inputValue(), '');
  assert.equal(await page.locator('[data-option="trustedDomains"]').inputValue(), '');
  assert.equal(await page.locator('[data-role="awaiting"]').isVisible(), true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('every fixture shows the CLI Report\'s values and findings', async () => {
  const { context, page, errors } = await openPage(env.browser, `${env.server.url}/`);
  const files = readdirSync(join(fixtures, 'metadata')).filter((f) => f.endsWith('.xml'));
  assert.ok(files.length >= 19);
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  for (const name of files) {
    await paste(page, readFileSync(join(fixtures, 'metadata', name), 'utf8'));
    await sameAsCli(page, join(fixtures, 'metadata', name), ['--now', now], name);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('every interop metadata file shows the CLI Report\'s values and findings', { skip: interopSkip }, async () => {
  const { context, page, errors } = await openPage(env.browser, `${env.server.url}/`);
  const files = readdirSync(join(interop, 'metadata')).filter((f) => f.endsWith('.xml'));
  assert.equal(files.length, 24);
  for (const name of files) {
    await paste(page, readFileSync(join(interop, 'metadata', name), 'utf8'));
    await sameAsCli(page, join(interop, 'metadata', name), [], name);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('the page\'s own controls give what the CLI gives with the same options', async () => {
  const { context, page } = await openPage(env.browser, `${env.server.url}/`);
  const file = join(fixtures, 'metadata', 'citrix-gateway-service.xml');
  await paste(page, readFileSync(file, 'utf8'));
  const ac = 'AC0123456789abcdef0123456789abcdef';
  await page.locator('[data-option="product"]').selectOption('flex-legacy');
  await settled(page);
  assert.equal(await page.locator('[data-role="id-label"]').textContent(), 'Account SID');
  await page.locator('[data-option="twilioId"]').fill(ac);
  await page.locator('[data-option="redirectUrl"]').fill('https://app.netscalergateway.net/cgi/logout');
  await page.locator('[data-option="trustedDomains"]').fill('bücher.de\n*.example.com');
  await page.locator('summary', { hasText: 'Check values' }).click();
  await page.locator('[data-option="issuer"]').fill('https://citrix.com/fx7k2m9q4w1e/');
  await settled(page);
  const expected = await sameAsCli(page, file, ['--product', 'flex-legacy', '--account-sid', ac,
    '--redirect-url', 'https://app.netscalergateway.net/cgi/logout', '--trusted-domain', 'bücher.de',
    '--trusted-domain', '*.example.com', '--issuer', 'https://citrix.com/fx7k2m9q4w1e/']);
  assert.ok(expected.findings.some((f) => f.code === 'redirect-url.logout-url'));
  assert.equal(await shownValue(page, 'trustedDomains'), 'xn--bcher-kva.de\n*.example.com');
  // The Public Suffix List is fetched only now, when a trusted domain was typed: co.uk is refused.
  await page.locator('[data-option="trustedDomains"]').fill('co.uk');
  await settled(page);
  assert.ok((await shownCodes(page)).includes('trusted-domain.public-suffix'));
  assert.equal(await shownValue(page, 'acsUrl'), expected.serviceProvider.acsUrl);
  // Each finding names the control that changes it, in the page's words.
  assert.match(await page.locator('.tsh-finding', { hasText: 'redirect-url.logout-url' }).textContent(),
    /Change it in: Default redirect URL/);
  await context.close();
});

test('an aggregate: its identity providers listed, the first hundred, a search finds the rest, the one picked fills the form', async () => {
  const MD = 'urn:oasis:names:tc:SAML:2.0:metadata';
  const cert = readFileSync(join(fixtures, 'responses', 'certs', 'main.pem'), 'utf8').split('\n').filter((l) => !l.startsWith('-----')).join('');
  const idp = (n) => `<md:EntityDescriptor entityID="https://idp${n}.example.org/saml"><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">`
    + `<md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>${cert}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`
    + `<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp${n}.example.org/sso"/></md:IDPSSODescriptor></md:EntityDescriptor>`;
  const aggregate = `<md:EntitiesDescriptor xmlns:md="${MD}">${Array.from({ length: 150 }, (_, n) => idp(n)).join('\n')}</md:EntitiesDescriptor>`;
  const { context, page, errors } = await openPage(env.browser, `${env.server.url}/`);
  await paste(page, aggregate);
  const list = page.locator('[data-role="entity-list"] option');
  assert.equal(await list.count(), 100);
  assert.equal(await page.locator('[data-role="entity-count"]').textContent(),
    '150 identity providers; showing 100. The chosen one fills the form.');
  await page.locator('[data-role="entity-search"]').fill('idp142.');
  assert.deepEqual(await list.allTextContents(), ['https://idp142.example.org/saml']);
  await page.locator('[data-role="entity-list"]').selectOption('https://idp142.example.org/saml');
  await settled(page);
  assert.equal(await shownValue(page, 'identityProviderIssuer'), 'https://idp142.example.org/saml');
  assert.equal(await shownValue(page, 'singleSignOnUrl'), 'https://idp142.example.org/sso');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the vendor\'s own steps are shown with Twilio\'s values', async () => {
  const { context, page } = await openPage(env.browser, `${env.server.url}/`);
  await page.locator('[data-option="twilioId"]').fill(JQ);
  await paste(page, readFileSync(join(fixtures, 'metadata', 'entra-id.xml'), 'utf8'));
  const steps = page.locator('[data-role="idp-steps"]');
  assert.equal(await steps.locator('h3').textContent(), 'In Microsoft Entra ID, in its own words');
  const text = await steps.textContent();
  assert.match(text, /Reply URL \(Assertion Consumer Service URL\)/);
  assert.ok(text.includes(`urn:flex:${JQ}`));
  await context.close();
});

test('a failed login\'s response after its metadata: the verdict first, every reason, the decoded response', async () => {
  const dir = join(fixtures, 'responses');
  const { context, page, errors } = await openPage(env.browser, `${env.server.url}/`);
  await page.locator('[data-option="twilioId"]').fill(JQ);
  await paste(page, readFileSync(join(dir, 'idp-metadata.xml'), 'utf8'));
  await paste(page, readFileSync(join(dir, 'nameid-one-character.xml'), 'utf8'));
  const expected = cliReport(join(dir, 'nameid-one-character.xml'), ['--metadata', join(dir, 'idp-metadata.xml'), '--connection-id', JQ]);
  assert.equal(await page.locator('[data-role="verdict"]').textContent(), expected.response.verdict);
  assert.match(expected.response.verdict, /^Twilio will reject this login/);
  assert.deepEqual(await shownCodes(page), expected.findings.map((f) => f.code).sort());
  assert.match(await page.locator('[data-role="trust-note"]').textContent(), /metadata you pasted before/);
  assert.equal(await page.locator('[data-role="form-card"]').isVisible(), true);
  assert.equal(await page.locator('.tsh-canonical').count(), 2, 'the canonical bytes of both failed digests, collapsed');
  assert.equal(await page.locator('.tsh-canonical[open]').count(), 0);
  assert.match(await page.locator('.tsh-table').first().textContent(), /full_name/);
  // A HAR file with two responses: a list to pick from, each analysed as the CLI does with --pick.
  await paste(page, readFileSync(join(dir, 'captured.har'), 'utf8'));
  const choices = page.locator('.tsh-capture button');
  assert.equal(await choices.count(), 2);
  await choices.nth(1).click();
  await settled(page);
  const second = cliReport(join(dir, 'captured.har'), ['--metadata', join(dir, 'idp-metadata.xml'), '--connection-id', JQ, '--pick', '2']);
  assert.equal(await page.locator('[data-role="verdict"]').textContent(), second.response.verdict);
  assert.equal(await page.locator('.tsh-capture button[aria-pressed="true"]').textContent(), await choices.nth(1).textContent());
  assert.ok((await shownCodes(page)).includes('response.live-credential'));
  await page.screenshot({ path: join(root, 'build', 'screenshots', 'response.png'), fullPage: true });
  // Signed with a key the kept metadata does not list: what to change is that metadata, not a
  // certificate the admin entered (none was).
  await paste(page, readFileSync(join(dir, 'other-key.xml'), 'utf8'));
  const untrusted = page.locator('.tsh-finding').filter({ has: page.locator('code', { hasText: 'signature.untrusted-key' }) });
  assert.equal(await untrusted.first().locator('.tsh-setting').textContent(),
    'Change it in: the metadata pasted before this response.');
  assert.match(await untrusted.first().locator('p').first().textContent(), /than the metadata's signing certificate\(s\)/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the metadata kept for responses travels only with a response, not with every request', async () => {
  const dir = join(fixtures, 'responses');
  const context = await env.browser.newContext();
  // What the page hands its worker: whether each request carried the kept metadata.
  await context.addInitScript(() => {
    window.sentToWorker = [];
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (message, ...rest) {
      if (message && 'options' in message) window.sentToWorker.push(Boolean(message.options.metadata));
      return post.call(this, message, ...rest);
    };
  });
  const page = await context.newPage();
  await page.goto(`${env.server.url}/`);
  await settled(page);
  await paste(page, readFileSync(join(dir, 'idp-metadata.xml'), 'utf8'));
  await paste(page, readFileSync(join(fixtures, 'metadata', 'okta.xml'), 'utf8'));
  await paste(page, readFileSync(join(dir, 'idp-metadata.xml'), 'utf8'));
  assert.ok(!(await page.evaluate(() => window.sentToWorker)).includes(true), 'metadata went out with metadata');
  await paste(page, readFileSync(join(dir, 'nameid-one-character.xml'), 'utf8'));
  assert.match(await page.locator('[data-role="trust-note"]').textContent(), /metadata you pasted before/);
  const sent = await page.evaluate(() => window.sentToWorker);
  assert.equal(sent.at(-1), true, 'the response was read again with the metadata kept');
  // Typing in a field while the response is shown sends the metadata at once, in one request.
  const before = sent.length;
  await page.locator('[data-option="twilioId"]').fill(JQ);
  await settled(page);
  assert.deepEqual((await page.evaluate(() => window.sentToWorker)).slice(before), [true]);
  await context.close();
});

test('signed metadata: verified with the signer pasted in its field, and a rollover plan beside it', async () => {
  const { context, page, errors } = await openPage(env.browser, `${env.server.url}/`);
  const signed = join(fixtures, 'signed-metadata', 'aggregate-intact.xml');
  await paste(page, readFileSync(signed, 'utf8'));
  const heading = page.locator('[data-role="metadata-signature"] h3');
  assert.match(await heading.textContent(), /intact by its own KeyInfo certificate/);
  await page.locator('summary', { hasText: 'Verify the metadata' }).click();
  const signer = join(fixtures, 'signed-metadata', 'certs', 'federation.pem');
  await page.locator('[data-option="signer"]').fill(readFileSync(signer, 'utf8'));
  await settled(page);
  assert.match(await heading.textContent(), /verified with the certificate you trust/);
  assert.deepEqual(await shownCodes(page), cliReport(signed, ['--signer', signer]).findings.map((f) => f.code).sort());
  // Re-indented after signing: changed, and said so in the page's summary.
  await paste(page, readFileSync(join(fixtures, 'signed-metadata', 'aggregate-reindented.xml'), 'utf8'));
  assert.match(await heading.textContent(), /not verified/);
  assert.ok((await shownCodes(page)).includes('signature.digest-mismatch'));
  // Two versions of one IdP: the certificates, and the plan, as the CLI gives them.
  const before = join(fixtures, 'rollover', 'second-certificate-added.before.xml');
  const after = join(fixtures, 'rollover', 'second-certificate-added.after.xml');
  await page.locator('[data-option="previousMetadata"]').fill(readFileSync(before, 'utf8'));
  await paste(page, readFileSync(after, 'utf8'));
  const expected = cliReport(after, ['--compare', before]);
  const plan = await page.locator('[data-role="rollover"] .tsh-plan li').allTextContents();
  assert.deepEqual(plan, expected.rollover.plan);
  assert.equal(await page.locator('[data-role="rollover"] tbody tr').count(), 2);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a long verification shows where it is, stage and percentage, then the result', async () => {
  const { context, page } = await openPage(env.browser, `${env.server.url}/`);
  // Progress shows past a second; here from the start, so that the test does not depend on speed.
  await page.locator('.tsh-root').evaluate((root) => {
    root.dataset.progressAfterMs = '0';
    window.statusTexts = [];
    const status = root.querySelector('[data-role="status"]');
    new MutationObserver(() => window.statusTexts.push(status.textContent)).observe(status, { childList: true, characterData: true, subtree: true });
  });
  const text = readFileSync(join(fixtures, 'signed-metadata', 'aggregate-intact.xml'), 'utf8');
  const entities = text.slice(text.indexOf('  <md:EntityDescriptor'), text.lastIndexOf('</md:EntitiesDescriptor>'));
  await paste(page, text.replace('</md:EntitiesDescriptor>', `${entities.repeat(100)}</md:EntitiesDescriptor>`));
  const seen = await page.evaluate(() => window.statusTexts);
  assert.ok(seen.some((t) => /^Verifying the signature… \d+ %$/.test(t)), seen.join(' | '));
  assert.ok(seen.some((t) => t === 'Listing the entities…'), seen.join(' | '));
  assert.match(seen.at(-1), /^Read .* of metadata in/);
  await context.close();
});

test('a private key pasted by mistake is cleared from the box and never shown', async () => {
  const { context, page } = await openPage(env.browser, `${env.server.url}/`);
  const key = readFileSync(join(root, 'tests', 'data', 'keys', 'rsa_pkcs8.pem'), 'utf8');
  await paste(page, key);
  assert.equal(await page.locator('#tsh-input').inputValue(), '');
  assert.match(await page.locator('#tsh-input').getAttribute('placeholder'), /private key/);
  assert.ok((await shownCodes(page)).includes('input.private-key'));
  const body = key.split('\n')[3];
  assert.equal((await page.content()).includes(body), false, 'no line of the key anywhere in the page');
  // In the certificate field too.
  await paste(page, readFileSync(join(fixtures, 'metadata', 'okta.xml'), 'utf8'));
  await page.locator('summary', { hasText: 'Check values' }).click();
  await page.locator('[data-option="certificate"]').fill(key);
  await settled(page);
  assert.equal(await page.locator('[data-option="certificate"]').inputValue(), '');
  assert.match(await page.locator('[data-role="announce"]').textContent(), /private key/);
  await context.close();
});

test('copy buttons put the exact value on the clipboard', async () => {
  const { context, page } = await openPage(env.browser, `${env.server.url}/`);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
  const file = join(fixtures, 'metadata', 'okta.xml');
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
  const { context, page, requests } = await openPage(env.browser, `${env.server.url}/`);
  const own = new Set(['/', ...readdirSync(web).map((f) => `/${f}`)].map((p) => `${env.server.url}${p}`));
  for (const name of readdirSync(join(fixtures, 'metadata')).slice(0, 8)) {
    await paste(page, readFileSync(join(fixtures, 'metadata', name), 'utf8'));
  }
  assert.deepEqual(requests.filter((u) => !own.has(u)), [], 'requests to anything but the page\'s own files');
  const blocked = await page.evaluate(() => fetch('https://example.com/').then(() => 'sent', () => 'blocked'));
  assert.equal(blocked, 'blocked');
  assert.match(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'), /connect-src 'none'/);
  await context.close();
});

test('the single-file build works from file://, with no request at all', async () => {
  const url = pathToFileURL(join(web, 'twilio-sso-helper.html')).href;
  const { context, page, requests, errors } = await openPage(env.browser, url);
  const file = join(fixtures, 'metadata', 'google-workspace.xml');
  await paste(page, readFileSync(file, 'utf8'));
  assert.equal(await shownValue(page, 'x509Certificate'), cliReport(file).twilio.x509Certificate);
  // The Public Suffix List, loaded on demand in the served page, is inlined here.
  await page.locator('[data-option="trustedDomains"]').fill('co.uk');
  await settled(page);
  assert.ok((await shownCodes(page)).includes('trusted-domain.public-suffix'));
  assert.deepEqual(requests.filter((u) => u !== url && !u.startsWith('blob:') && !u.startsWith('data:')), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the <twilio-sso-helper> element works inside a documentation page, without a console error', async () => {
  const { context, page, errors } = await openPage(env.browser, `${env.server.url}/docs-example.html`);
  const helper = page.locator('twilio-sso-helper');
  assert.equal(await page.evaluate(() => !!document.querySelector('twilio-sso-helper').shadowRoot), true);
  await paste(helper, readFileSync(join(fixtures, 'metadata', 'entra-id.xml'), 'utf8'));
  assert.match(await shownValue(helper, 'identityProviderIssuer'), /^https:\/\/sts\.windows\.net\/[0-9a-f-]+\/$/);
  assert.equal(await page.evaluate(() => document.querySelector('#tsh-input')), null,
    'the helper lives in its Shadow DOM, not in the page');
  assert.deepEqual(errors, []);
  await context.close();
});

test('hostile input leaves the page responsive, and a valid paste afterwards works', async () => {
  const { context, page } = await openPage(env.browser, `${env.server.url}/`);
  await paste(page, '<EntityDescriptor><unclosed>');
  assert.ok((await shownCodes(page)).includes('xml.malformed'));
  // 30 MB of elements: the main thread must keep answering while the worker reads it.
  await page.evaluate(() => {
    const el = document.querySelector('#tsh-input');
    el.value = `<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata">${'<md:EntityDescriptor entityID="x"/>'.repeat(850000)}</md:EntitiesDescriptor>`;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  let answered = 0;
  for (let i = 0; i < 10; i++) answered += await page.evaluate(() => 1);
  assert.equal(answered, 10);
  await settled(page);
  await paste(page, readFileSync(join(fixtures, 'metadata', 'okta.xml'), 'utf8'));
  assert.equal(await shownValue(page, 'identityProviderIssuer'), 'http://www.okta.com/exk9fx2ytoTwiLio0h8');
  await context.close();
});

test('screenshots of the Citrix admin\'s page, light and narrow dark, for review and the README', async () => {
  const shots = join(root, 'build', 'screenshots');
  mkdirSync(shots, { recursive: true });
  const { context, page } = await openPage(env.browser, `${env.server.url}/`, { viewport: { width: 1280, height: 1800 } });
  await page.locator('[data-option="twilioId"]').fill(JQ);
  await page.locator('[data-option="redirectUrl"]').fill('https://app.netscalergateway.net/cgi/logout');
  await paste(page, readFileSync(join(fixtures, 'metadata', 'citrix-gateway-service.xml'), 'utf8'));
  assert.equal(await page.locator('[data-role="idp-steps"] h3').textContent(), 'In Citrix Gateway service, in its own words');
  assert.ok((await shownCodes(page)).includes('redirect-url.logout-url'));
  await page.screenshot({ path: join(shots, 'page.png'), fullPage: true });
  await page.screenshot({ path: join(shots, 'page.jpg'), type: 'jpeg', quality: 70, fullPage: true });
  await context.close();
  const dark = await env.browser.newContext({ viewport: { width: 390, height: 900 }, colorScheme: 'dark' });
  const narrow = await dark.newPage();
  await narrow.goto(`${env.server.url}/`);
  await settled(narrow);
  await paste(narrow, readFileSync(join(fixtures, 'metadata', 'okta.xml'), 'utf8'));
  // Nothing wider than the screen: the page reflows.
  assert.ok(await narrow.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1));
  await narrow.screenshot({ path: join(shots, 'page-narrow-dark.png'), fullPage: true });
  await dark.close();
  for (const f of ['page.png', 'page.jpg', 'page-narrow-dark.png']) assert.ok(statSync(join(shots, f)).size > 20000, f);
});
