// The page's first act: a classic script in <head> runs while the document is still being read,
// well before any module, so the analysis worker (and its wasm) starts loading at once and is
// ready sooner after the interface appears. app.js takes the worker from here.
window.tshEarlyWorker = new Worker(new URL('./worker.js', document.currentScript.src), { type: 'module' });
