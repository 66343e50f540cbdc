// The analysis runs here, off the page's main thread, so a 30 MB aggregate never freezes it.
// The wasm is fetched and compiled from the first moment, in parallel with the modules below
// (which ./build.sh bundles into this file, tools/bundle.mjs: served, they arrive with it).
// Requests that arrive while the modules load are kept and answered once they have.
const early = [];
self.onmessage = (event) => early.push(event);
const compiled = WebAssembly.compileStreaming(fetch(new URL('./twilio-sso.wasm', import.meta.url)));

const [{ default: createTwilioSsoModule }, { createAnalyzer }, { serve }] = await Promise.all([
  import('./twilio-sso.mjs'), import('./twilio-sso-api.js'), import('./worker-serve.js')]);

serve(self, () => createAnalyzer(createTwilioSsoModule, {
  instantiateWasm(imports, receive) {
    compiled.then((module) => WebAssembly.instantiate(module, imports)).then((instance) => receive(instance));
    return {};
  },
}), early, () => import('./public-suffixes.js').then((m) => m.PUBLIC_SUFFIX_RULES));
