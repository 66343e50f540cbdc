// The page for everyone: an automated accessibility audit (axe-core) with no serious or critical
// violation, empty and with a result shown, light and dark; and the whole task done from the
// keyboard alone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fixtures } from '../node/load_module.mjs';
import { openPage, paste, settled, shownValue, startBrowserAndServer } from './page_helpers.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let env;

before(async () => { env = await startBrowserAndServer(); });
after(async () => { await env?.close(); });

// axe's serious and critical violations, as "rule: target" lines.
async function audit(page) {
  await page.addScriptTag({ content: axeSource });  // the test's own script: allowed by bypassCSP
  const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

for (const colorScheme of ['light', 'dark']) {
  test(`no serious or critical accessibility violation, empty and with a result (${colorScheme})`, async () => {
    const { context, page } = await openPage(env.browser, `${env.server.url}/`, { bypassCSP: true, colorScheme });
    assert.deepEqual(await audit(page), [], 'empty page');
    await page.locator('[data-option="twilioId"]').fill('JQ0123456789abcdef0123456789abcdef');
    await page.locator('[data-option="trustedDomains"]').fill('*.example.com');
    await paste(page, readFileSync(join(fixtures, 'metadata', 'entra-id.xml'), 'utf8'));
    await page.locator('summary', { hasText: 'Check values' }).click();
    assert.deepEqual(await audit(page), [], 'with a result, findings and certificates shown');
    // The metadata's own card: its signature, and the plan of a rollover.
    await page.locator('summary', { hasText: 'Verify the metadata' }).click();
    await page.locator('[data-option="previousMetadata"]').fill(readFileSync(join(fixtures, 'rollover', 'second-certificate-added.before.xml'), 'utf8'));
    await paste(page, readFileSync(join(fixtures, 'rollover', 'second-certificate-added.after.xml'), 'utf8'));
    await page.locator('[data-role="rollover"] .tsh-plan').waitFor();
    await page.locator('[data-option="signer"]').fill(readFileSync(join(fixtures, 'signed-metadata', 'certs', 'federation.pem'), 'utf8'));
    await paste(page, readFileSync(join(fixtures, 'signed-metadata', 'aggregate-intact.xml'), 'utf8'));
    await page.locator('[data-role="metadata-signature"] h3').waitFor();
    assert.deepEqual(await audit(page), [], 'with the metadata\'s signature and versions shown');
    await context.close();
  });
}

test('the whole task from the keyboard alone', async () => {
  const { context, page } = await openPage(env.browser, `${env.server.url}/`);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
  // Tab from the top of the page reaches the input box before any other control.
  await page.bringToFront();
  await page.evaluate(() => { document.activeElement?.blur(); window.focus(); });
  const visited = [];
  for (let i = 0; i < 3 && visited.at(-1) !== 'tsh-input'; i++) {
    await page.keyboard.press('Tab');
    visited.push(await page.evaluate(() => document.activeElement.id || document.activeElement.tagName));
  }
  assert.deepEqual(visited.filter((v) => v !== 'BODY'), ['tsh-input']);
  await page.evaluate((text) => navigator.clipboard.writeText(text), readFileSync(join(fixtures, 'metadata', 'okta.xml'), 'utf8'));
  await page.keyboard.press('Control+V');
  await settled(page);
  assert.equal(await shownValue(page, 'identityProviderIssuer'), 'http://www.okta.com/exk9fx2ytoTwiLio0h8');
  // Choose the product with the arrow keys, type the id, then tab on to the first Copy button.
  let guard = 0;
  while (await page.evaluate(() => document.activeElement.dataset.option) !== 'product' && guard++ < 20) await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  await settled(page);
  assert.equal(await page.locator('[data-role="id-label"]').textContent(), 'Account SID');
  await page.keyboard.press('Tab');
  await page.keyboard.type('AC0123456789abcdef0123456789abcdef');
  await settled(page);
  assert.match(await shownValue(page, 'acsUrl'), /^https:\/\/iam\.twilio\.com\/v1\/Accounts\/AC0123456789abcdef/);
  guard = 0;
  while (!(await page.evaluate(() => document.activeElement.getAttribute('aria-label') ?? '')).startsWith('Copy X.509')
    && guard++ < 40) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  assert.match(await page.evaluate(() => navigator.clipboard.readText()), /^-----BEGIN CERTIFICATE-----/);
  // The focused control is visibly outlined.
  assert.notEqual(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle), 'none');
  await context.close();
});
