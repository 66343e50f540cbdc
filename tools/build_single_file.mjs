// Builds the single-file page: one HTML file with the styles, the interface and the wasm module
// (base64) inlined, which works opened from file:// or a USB stick. The analysis runs in a classic
// Worker made from a Blob (a file:// page's opaque origin refuses module Workers from blob: URLs),
// so the worker's modules are joined with their import/export words removed; the
// Content-Security-Policy allows exactly the inline code by hash. Both scripts are minified
// (tools/minify.mjs). The page carries the helper's markup, drawn before its scripts run.
// Usage: node tools/build_single_file.mjs build/web build/wasm/twilio-sso-single.js out.html
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minifyCss, minifyJs } from './minify.mjs';
import { EMPTY_APP, helperMarkup, prerender } from './prerender.mjs';

const [web, singleModule, out] = process.argv.slice(2);
const read = (name) => readFileSync(join(web, name), 'utf8');
const noImports = (source) => source.replace(/^import\s[^;]*;[ \t]*$/gm, '');
const plainScript = (source) => noImports(source).replace(/^export /gm, '');
const hash = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const scriptSafe = (text) => text.replace(/<\/script/gi, '<\\/script');

// The worker: the module factory, the API and the worker's loop, as one module.
const workerSource = minifyJs([readFileSync(singleModule, 'utf8'), plainScript(read('twilio-sso-api.js')),
  plainScript(read('worker-serve.js')), plainScript(read('public-suffixes.js')),
  'serve(self, () => createAnalyzer(createTwilioSsoModule, {}, { publicSuffixes: PUBLIC_SUFFIX_RULES }));'].join('\n'),
  { name: 'the worker', sourceType: 'script' });
const style = minifyCss(read('app.css'), { name: 'app.css' });
// The interface's modules, dependencies first, joined into one module.
const UI_MODULES = ['render-report.js', 'render-response.js', 'render-metadata.js', 'analysis-client.js', 'helper-ui.js'];
// Joined into one scope, two modules must not declare the same top-level name.
const declared = new Map();
for (const name of UI_MODULES) {
  for (const [, id] of read(name).matchAll(/^(?:export )?(?:async )?(?:function\*?|const|let|class) ([A-Za-z_$][\w$]*)/gm)) {
    if (declared.has(id)) throw new Error(`${name} and ${declared.get(id)} both declare ${id}: rename one`);
    declared.set(id, name);
  }
}
const main = minifyJs(`${UI_MODULES.map((name) => plainScript(read(name))).join('\n')}
const workerUrl = URL.createObjectURL(new Blob([document.getElementById('tsh-worker-source').textContent],
  { type: 'text/javascript' }));
mountHelper(document.getElementById('app'), { createWorker: () => new Worker(workerUrl) });
`, { name: 'the interface' });
const csp = [`default-src 'none'`, `script-src ${hash(main)} 'wasm-unsafe-eval'`, `worker-src blob:`,
  `style-src ${hash(style)}`, `img-src data:`, `connect-src 'none'`, `base-uri 'none'`, `form-action 'none'`].join('; ');
const html = prerender(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>Twilio SSO Helper</title>
<style>${style}</style>
</head>
<body>
${EMPTY_APP}
<script type="text/plain" id="tsh-worker-source">${scriptSafe(workerSource)}</script>
<script type="module">${main}</script>
</body>
</html>
`, await helperMarkup(web));
if (scriptSafe(main) !== main) throw new Error('the interface code holds "</script"');
writeFileSync(out, html);
console.log(`${out}: ${html.length} bytes`);
