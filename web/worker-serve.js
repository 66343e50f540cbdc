// The worker's side of the page: loads the module once, analyses what it is sent (and what was
// sent before it was ready: `early`), replies with the Report's JSON. The page sends UTF-8 bytes in
// a buffer it hands over (analysis-client.js), and gets that buffer back with the reply (`spare`),
// to write the next large input into memory already in use; a string is taken too, and encoded here. If the
// module aborts (it should not; memory is capped), a fresh one is loaded for the next request.
// loadPublicSuffixes() gives the Public Suffix List's rules (a promise): asked for the first time
// a request lists trusted domains, so the page's first load does without its 32 KB.
const WARM_UP_FROM = 8 << 20;  // characters or bytes: below this, the rehearsal costs more than it saves
const WARM_UP_AFTER_MS = 1000;

export function serve(scope, makeAnalyzer, early = [], loadPublicSuffixes = null) {
  let analyzer = null;
  let warmedUp = false;
  let suffixesMissing = false;
  const load = () => (analyzer ??= makeAnalyzer());
  // A rehearsal on a small synthetic aggregate (about 0.1 s, once per module) has the browser
  // compile the hot paths for speed, so that a large input reads about twice as fast. It runs a
  // second after the module is ready, when the page is most likely idle, or at the latest just
  // before the first large input.
  // A rehearsal that fails (the module aborted; it should not) drops the module, as a failed
  // request does: the next request loads a fresh one.
  const rehearse = (a, entities) => {
    try {
      a.warmUp(entities);
    } catch {
      analyzer = null;
      warmedUp = false;
    }
  };
  const warmUp = (a) => {
    if (warmedUp) return;
    warmedUp = true;
    rehearse(a, 200);
  };
  // Chromium compiles each function of the module on its first call: a first analysis of a
  // typical file pays about 10 ms for the paths it takes on a quiet machine, more while the page
  // is still being drawn. A one-entity rehearsal, run as soon as the module is ready, pays it before
  // anything is pasted, unless an input came first.
  let analysed = false;  // whether an input has been analysed (its paths compiled) yet
  let newest = -Infinity;  // the id of the newest request received (ids only grow)
  scope.onmessage = async ({ data }) => {
    const { id, text, bytes, length, options } = data;  // text, or UTF-8 bytes (length of them)
    newest = Math.max(newest, id);
    // Every reply to a request that came with a buffer hands the buffer back (it was copied into
    // the module's memory, or not needed).
    const reply = (message) => (bytes ? scope.postMessage({ ...message, spare: bytes }, [bytes]) : scope.postMessage(message));
    try {
      const a = await load();
      if (options?.trustedDomains?.length && loadPublicSuffixes && !a.hasPublicSuffixes() && !suffixesMissing) {
        // If they cannot be loaded, the analysis goes on without them and the Report says the
        // trusted domains were not checked against them (trusted-domain.not-checked).
        try {
          a.setPublicSuffixes(await loadPublicSuffixes());
        } catch {
          suffixesMissing = true;
        }
      }
      // The page keeps only the newest answer (analysis-client.js drops the others), so a request
      // overtaken while the module or the suffix list loaded is not analysed: on load the page
      // asks for the empty input's Report and, at once, for what was pasted.
      if (id < newest) {
        reply({ id, skipped: true });
        return;
      }
      const started = performance.now();  // the time shown includes the rehearsal below
      const input = text ?? new Uint8Array(bytes, 0, length ?? bytes.byteLength);
      if (input.length >= WARM_UP_FROM) warmUp(a);
      const onProgress = (stage, fraction) => scope.postMessage({ id, progress: { stage, fraction } });
      const json = a.analyzeJson(input, { ...options, onProgress });
      analysed ||= input.length > 0;
      reply({ id, json, millis: performance.now() - started });
    } catch (error) {
      analyzer = null;
      warmedUp = false;
      reply({ id, failure: String(error && error.message ? error.message : error) });
    }
  };
  load().then(() => {
    scope.postMessage({ ready: true });
    setTimeout(() => load().then((a) => analysed || rehearse(a, 1), () => {}), 0);
    setTimeout(() => load().then(warmUp, () => {}), WARM_UP_AFTER_MS);
  }, (e) => scope.postMessage({ failure: String(e) }));
  for (const event of early) scope.onmessage(event);
}
