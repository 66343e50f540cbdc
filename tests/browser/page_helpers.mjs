// What the browser tests share: the built page served as ./build.sh serve serves it, pasting as
// a person would, reading back what the page shows, and the CLI's Report to compare with.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { launchChromium } from './browser.mjs';
import { serveFolder } from '../../tools/static_server.mjs';
import { root } from '../node/load_module.mjs';

export const web = join(root, 'build', 'web');
export const cli = join(root, 'build', 'native', 'twilio-sso');

export async function startBrowserAndServer() {
  const browser = await launchChromium();
  const server = await serveFolder(web);
  return { browser, server, close: async () => { await browser.close(); server.close(); } };
}

// The CLI's Report for a file, with the same options (CLI flags) the page was given.
export function cliReport(file, args = []) {
  try {
    return JSON.parse(execFileSync(cli, ['--json', ...args, file], { encoding: 'utf8', maxBuffer: 1 << 28 }));
  } catch (e) {
    return JSON.parse(e.stdout);
  }
}

// Puts text into the helper's input as a paste would, and waits for its answer to be shown.
export async function paste(scope, text) {
  await scope.locator('#tsh-input').evaluate((el, value) => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  await settled(scope);
}

export async function settled(scope) {
  await scope.locator('.tsh-root[data-ready]:not([data-pending])').waitFor({ state: 'attached', timeout: 60000 });
}

export async function shownValue(scope, field) {
  const pre = scope.locator(`[data-field="${field}"]`);
  return (await pre.getAttribute('class')).includes('tsh-empty') ? null : pre.textContent();
}

export async function shownCodes(scope) {
  return [...await scope.locator('.tsh-finding code').allTextContents()].sort();
}

export async function openPage(browser, url, { viewport = { width: 1280, height: 1800 }, ...options } = {}) {
  const context = await browser.newContext({ viewport, ...options });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(url);
  await settled(page);
  return { context, page, requests, errors };
}
