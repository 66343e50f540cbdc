// Writes the helper's markup (web/helper-markup.js) into a page's empty <main id="app">, so that
// the browser draws the interface as it reads the HTML, before any script has arrived; the
// script then wires up what is there (mountHelper keeps it, and what was typed into it).
// Usage: node tools/prerender.mjs PAGE.html (in place; the page must hold the empty element once)
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const EMPTY_APP = '<main id="app" class="tsh-root"></main>';

export async function helperMarkup(webFolder) {
  return (await import(pathToFileURL(resolve(webFolder, 'helper-markup.js')))).HELPER_MARKUP;
}

export function prerender(html, markup) {
  const at = html.indexOf(EMPTY_APP);
  if (at < 0 || html.indexOf(EMPTY_APP, at + 1) >= 0) throw new Error(`the page must hold ${EMPTY_APP} exactly once`);
  if (/<\/?script/i.test(markup)) throw new Error('the markup holds a script tag');
  const open = EMPTY_APP.slice(0, -'</main>'.length);
  return `${html.slice(0, at)}${open}${markup}</main>${html.slice(at + EMPTY_APP.length)}`;
}

if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? '')).href) {
  const page = process.argv[2];
  if (!page) throw new Error('usage: prerender.mjs PAGE.html');
  const html = prerender(readFileSync(page, 'utf8'), await helperMarkup(resolve(page, '..')));
  writeFileSync(page, html);
  console.log(`${page}: ${html.length} bytes, the helper's markup written in`);
}
