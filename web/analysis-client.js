// The page's side of the analysis worker: sends what was pasted (text, or a file's bytes, handed
// over without a copy) with the options, and hands back the Report of the newest request only.
// A worker that dies after it had worked is replaced, a few times running at most; one that
// cannot start at all is reported, not retried forever.
// onProgress (optional) is told { stage, fraction } while a long analysis runs.
export function createAnalysisClient(createWorker, { onReport, onFailure, onProgress = () => {} }) {
  let worker = null;
  let latest = 0;
  let failuresInARow = 0;

  function start() {
    let started = false;
    worker = createWorker();
    worker.onmessage = ({ data }) => {
      if (data.ready) {
        started = true;
        failuresInARow = 0;
        return;
      }
      if (data.id !== latest) return;  // an answer to an older request
      if (data.progress) onProgress(data.progress);
      else if (data.failure) onFailure(data.failure, true);
      else onReport(JSON.parse(data.json), data.millis);
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      worker.terminate();
      failuresInARow += 1;
      if (started && failuresInARow <= 3) {
        onFailure(event.message || 'the analysis stopped', true);
        start();
      } else {
        onFailure(`The analysis could not start in this browser${event.message ? `: ${event.message}` : ''}.`, false);
      }
    };
  }

  // input: a string (encoded in the worker) or a Uint8Array (its buffer is transferred).
  function analyze(input, options) {
    latest += 1;
    if (typeof input === 'string') {
      worker.postMessage({ id: latest, text: input, options });
    } else {
      const copy = input.slice();
      worker.postMessage({ id: latest, bytes: copy.buffer, options }, [copy.buffer]);
    }
  }

  // Answers to requests made before now are dropped (the input changed; a new request follows).
  function cancel() {
    latest += 1;
  }

  start();
  return { analyze, cancel, worker: () => worker };
}
