// The worker's side of the page: loads the module once, analyses what it is sent (and what was
// sent before it was ready: `early`), replies with the Report's JSON. Text arrives as a string and
// is encoded into the module's memory here, off the page's main thread. If the module aborts (it
// should not; memory is capped), a fresh one is loaded for the next request.
// loadPublicSuffixes() gives the Public Suffix List's rules (a promise): asked for the first time
// a request lists trusted domains, so the page's first load does without its 32 KB.
export function serve(scope, makeAnalyzer, early = [], loadPublicSuffixes = null) {
  let analyzer = null;
  const load = () => (analyzer ??= makeAnalyzer());
  scope.onmessage = async ({ data }) => {
    const { id, text, bytes, options } = data;
    try {
      const a = await load();
      if (options?.trustedDomains?.length && loadPublicSuffixes && !a.hasPublicSuffixes()) {
        a.setPublicSuffixes(await loadPublicSuffixes());
      }
      const started = performance.now();
      const onProgress = (stage, fraction) => scope.postMessage({ id, progress: { stage, fraction } });
      const json = a.analyzeJson(text ?? new Uint8Array(bytes), { ...options, onProgress });
      scope.postMessage({ id, json, millis: performance.now() - started });
    } catch (error) {
      analyzer = null;
      scope.postMessage({ id, failure: String(error && error.message ? error.message : error) });
    }
  };
  load().then(() => scope.postMessage({ ready: true }), (e) => scope.postMessage({ failure: String(e) }));
  for (const event of early) scope.onmessage(event);
}
