// The page: the helper mounted on #app. Its worker was started by index.html's one inline line
// (or here, if that did not run), so the wasm loads while the interface does.
const worker = window.tshEarlyWorker ?? new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
delete window.tshEarlyWorker;
const { mountHelper } = await import('./helper-ui.js');

let first = worker;
mountHelper(document.getElementById('app'), {
  createWorker: () => {
    const w = first ?? new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
    first = null;
    return w;
  },
});
