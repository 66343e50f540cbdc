// The page: the helper mounted on #app, its worker next to this file.
import { mountHelper } from './helper-ui.js';

mountHelper(document.getElementById('app'), {
  createWorker: () => new Worker(new URL('./worker.js', import.meta.url), { type: 'module' }),
});
