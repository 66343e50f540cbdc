// The page's side of the analysis worker: sends what was pasted (text, or a file's bytes, handed
// over without a copy) with the options, and hands back the Report of the newest request only.
// A worker that dies after it had worked is replaced, a few times running at most; one that
// cannot start at all is reported, not retried forever.
// onProgress (optional) is told { stage, fraction } while a long analysis runs.
const encoder = new TextEncoder();

// The UTF-8 of `text` in a buffer of its own. A string sent to a worker is copied twice (out and
// in) and then still has to be encoded there: for a 22 MB paste, 70 ms on this thread and 80 in
// the worker before its own 80 ms of encoding; encodeInto here costs 80 ms and the buffer moves
// for free (TextEncoder.encode, which sizes its own output, is four times slower). The buffer is
// sized for ASCII with a little room and grown if the text needs more.
export function utf8(text) {
  let buffer = new Uint8Array(text.length + (text.length >> 7) + 16);
  let { read, written } = encoder.encodeInto(text, buffer);
  while (read < text.length) {
    const bigger = new Uint8Array(written + (text.length - read) * 3 + 16);
    bigger.set(buffer.subarray(0, written));
    buffer = bigger;
    const more = encoder.encodeInto(text.slice(read), buffer.subarray(written));
    read += more.read;
    written += more.written;
  }
  return buffer.subarray(0, written);
}

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

  // input: a string (encoded to UTF-8 here) or a Uint8Array (copied: the page keeps it). Either
  // way the worker is handed a buffer it takes over without a copy.
  function analyze(input, options) {
    latest += 1;
    const bytes = typeof input === 'string' ? utf8(input) : input.slice();
    worker.postMessage({ id: latest, bytes: bytes.buffer, length: bytes.length, options }, [bytes.buffer]);
  }

  // Answers to requests made before now are dropped (the input changed; a new request follows).
  function cancel() {
    latest += 1;
  }

  start();
  return { analyze, cancel, worker: () => worker };
}
