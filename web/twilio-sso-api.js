// The one JavaScript entry over the wasm module, used by the page, the embed and the Node tests.
// It only carries: text or bytes in, the Report (schema 1) out. The input is written straight
// into the module's memory (text encoded there, not copied twice) and read there in place; the
// options go as JSON; the Report comes back as JSON bytes the module hands over (wasm/exports.cpp,
// one Embind layer of four functions taking addresses and lengths).

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// factory: the module factory (createTwilioSsoModule); moduleOptions go to it (e.g. wasmBinary).
// publicSuffixes: the Public Suffix List's rules (public-suffixes.js), now or later through
// setPublicSuffixes(); until given, trusted domains are said not to be checked against it.
export async function createAnalyzer(factory, moduleOptions = {}, { publicSuffixes } = {}) {
  const module = await factory(moduleOptions);
  let suffixesGiven = false;

  // `text` (or bytes) in the module's heap: [pointer, length], or null when memory ran out.
  function place(input) {
    if (typeof input !== 'string') {
      const pointer = module._malloc(Math.max(input.length, 1));
      if (pointer) module.HEAPU8.set(input, pointer);
      return pointer ? [pointer, input.length] : null;
    }
    // UTF-8 is at least as long as the string (in UTF-16 units) and, for metadata, rarely much
    // longer: start with that and a little room (1/128 more), and if the text needs more, grow the
    // same block (realloc extends it in place when it is the heap's last, as a fresh large one is).
    let size = input.length + (input.length >> 7) + 16;
    let pointer = module._malloc(size);
    let written = 0;
    let read = 0;
    while (pointer) {
      const result = encoder.encodeInto(read ? input.slice(read) : input,
        module.HEAPU8.subarray(pointer + written, pointer + size));
      read += result.read;
      written += result.written;
      if (read >= input.length) return [pointer, written];
      size = written + (input.length - read) * 3 + 16;
      const bigger = module._realloc(pointer, size);
      if (!bigger) module._free(pointer);
      pointer = bigger;
    }
    return null;
  }

  // The text of a buffer the module handed over ([4-byte length][UTF-8]), which is then freed.
  function take(pointer) {
    if (!pointer) return null;
    const length = new DataView(module.HEAPU8.buffer, pointer, 4).getUint32(0, true);
    const text = decoder.decode(module.HEAPU8.subarray(pointer + 4, pointer + 4 + length));
    module._free(pointer);
    return text;
  }

  function setPublicSuffixes(rules) {
    const placed = place(rules);
    if (!placed) return false;
    module.setPublicSuffixes(placed[0], placed[1]);
    module._free(placed[0]);
    suffixesGiven = true;
    return true;
  }
  if (publicSuffixes) setPublicSuffixes(publicSuffixes);

  // Returns the Report as JSON text, `indent` spaces deep (-1: compact). options.onProgress, a
  // function, is told (stage, fraction) while a long analysis runs.
  function analyzeJson(input, options = {}, indent = -1) {
    const { onProgress, ...rest } = options ?? {};
    if (onProgress !== undefined && onProgress !== null && typeof onProgress !== 'function') {
      return JSON.stringify({ error: 'option onProgress must be a function' });
    }
    const placedOptions = place(JSON.stringify(rest));
    const placed = placedOptions && place(input);
    if (!placed) {
      if (placedOptions) module._free(placedOptions[0]);
      return JSON.stringify({ error: `not enough memory for ${input.length} bytes` });
    }
    module.onProgress = onProgress ?? null;
    try {
      const report = take(module.analyze(placed[0], placed[1], placedOptions[0], placedOptions[1], indent, !!onProgress));
      return report ?? JSON.stringify({ error: 'not enough memory for the Report' });
    } finally {
      module.onProgress = null;
      module._free(placed[0]);
      module._free(placedOptions[0]);
    }
  }

  return {
    analyzeJson,
    analyze: (input, options = {}) => JSON.parse(analyzeJson(input, options)),
    setPublicSuffixes,
    // Runs a synthetic aggregate of `entities` IdPs through the module, so that the browser
    // compiles its paths before an input arrives (src/warm_up.hpp): 200 (about 0.1 s the first
    // time) has the hot paths compiled for speed; 1 (a few ms) has them compiled at all.
    warmUp: (entities = 200) => module.warmUp(entities),
    // Whether the Public Suffix List was given (the page loads it when a trusted domain is typed).
    hasPublicSuffixes: () => suffixesGiven,
    // The module's memory in bytes (it grows up to 1 GiB and never shrinks): for benchmarks.
    heapBytes: () => module.HEAPU8.length,
    // How the core reads one URL (for tests and diagnostics).
    readUrl: (text) => {
      const placed = place(text);
      try {
        return JSON.parse(take(module.readUrl(placed[0], placed[1])));
      } finally {
        module._free(placed[0]);
      }
    },
  };
}
