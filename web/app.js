// The page: the helper mounted on #app. Its worker starts first, while the interface loads.
const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
const { mountHelper } = await import('./helper-ui.js');

let first = worker;
mountHelper(document.getElementById('app'), {
  createWorker: () => {
    const w = first ?? new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
    first = null;
    return w;
  },
});
