// The page's side of the analysis worker: sends what was pasted (text, or a file's bytes, handed
// over without a copy) with the options, and hands back the Report of the newest request only.
// A worker that dies after it had worked is replaced, a few times running at most; one that
// cannot start at all is reported, not retried forever.
// onProgress (optional) is told { stage, fraction } while a long analysis runs.
const encoder = new TextEncoder();

// The UTF-8 of `text` in a buffer of its own (`into`, an ArrayBuffer, when one is given and has
// room for the first guess). A string sent to a worker is copied twice (out and in) and then still
// has to be encoded there: for a 22 MB paste, 70 ms on this thread and 80 in the worker before its
// own 80 ms of encoding; encodeInto here costs 80 ms and the buffer moves for free
// (TextEncoder.encode, which sizes its own output, is four times slower). Of those 80 ms, 70 are
// the system handing over fresh memory: into a buffer written before, the same takes 11 ms, which
// is why the worker hands the buffer back. The first guess is the length for ASCII with a little
// room; the buffer is grown if the text needs more.
const firstGuess = (text) => text.length + (text.length >> 7) + 16;

export function utf8(text, into = null) {
  const guess = firstGuess(text);
  let buffer = into && into.byteLength >= guess ? new Uint8Array(into) : new Uint8Array(guess);
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

// Inputs from this size on are written into the buffer the worker handed back, if it is large
// enough; smaller ones cost nothing to allocate afresh and leave it for the next large one.
const REUSE_FROM = 1 << 20;

export function createAnalysisClient(createWorker, { onReport, onFailure, onProgress = () => {} }) {
  let worker = null;
  let latest = 0;
  let failuresInARow = 0;
  // The largest buffer the worker handed back, written again for the next large input: the page
  // holds at most one, no larger than the largest input it was given.
  let spare = null;
  const keep = (buffer) => {
    if (buffer && buffer.byteLength >= REUSE_FROM && !(spare && spare.byteLength >= buffer.byteLength)) spare = buffer;
  };
  const reuse = (size) => {
    if (size < REUSE_FROM || !spare || spare.byteLength < size) return null;
    const buffer = spare;
    spare = null;
    return buffer;
  };

  function start() {
    let started = false;
    worker = createWorker();
    worker.onmessage = ({ data }) => {
      if (data.ready) {
        started = true;
        failuresInARow = 0;
        return;
      }
      keep(data.spare);
      if (data.id !== latest) return;  // an answer to an older request
      if (data.progress) onProgress(data.progress);
      else if (data.failure) onFailure(data.failure, true);
      else if (data.json !== undefined) {
        const report = JSON.parse(data.json);
        if (report.discard?.length) spare = null;  // it may hold what must not be kept (a private key)
        onReport(report, data.millis);
      }
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
  // way the worker is handed a buffer it takes over without a copy, and hands it back.
  function analyze(input, options) {
    latest += 1;
    let bytes;
    if (typeof input === 'string') {
      bytes = utf8(input, reuse(firstGuess(input)));
    } else {
      const into = reuse(input.length);
      bytes = into ? new Uint8Array(into, 0, input.length) : input.slice();
      if (into) bytes.set(input);
    }
    worker.postMessage({ id: latest, bytes: bytes.buffer, length: bytes.length, options }, [bytes.buffer]);
  }

  // Answers to requests made before now are dropped (the input changed; a new request follows).
  function cancel() {
    latest += 1;
  }

  start();
  return { analyze, cancel, worker: () => worker };
}
