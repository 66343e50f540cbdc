// The one JavaScript entry over the wasm module, used by the page, the embed and the Node tests.
// It only carries: text or bytes in, the Report (schema 1) out. The input is written straight
// into the module's memory (text encoded there, not copied twice) and read there in place.

const encoder = new TextEncoder();

// factory: the module factory (createTwilioSsoModule); moduleOptions go to it (e.g. wasmBinary).
export async function createAnalyzer(factory, moduleOptions = {}) {
  const module = await factory(moduleOptions);

  // The input in the module's heap: [pointer, length], or null when memory ran out.
  function place(input) {
    if (typeof input !== 'string') {
      const pointer = module._malloc(Math.max(input.length, 1));
      if (pointer) module.HEAPU8.set(input, pointer);
      return pointer ? [pointer, input.length] : null;
    }
    // UTF-8 is at least as long as the string (in UTF-16 units) and, for metadata, rarely much
    // longer: start with that, and grow only if the text needs it.
    let size = input.length + 16;
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
      const bigger = module._malloc(size);
      if (bigger) module.HEAPU8.copyWithin(bigger, pointer, pointer + written);
      module._free(pointer);
      pointer = bigger;
    }
    return null;
  }

  // Returns the Report as JSON text, `indent` spaces deep (-1: compact).
  function analyzeJson(input, options = {}, indent = -1) {
    const placed = place(input);
    if (!placed) return JSON.stringify({ error: `not enough memory for ${input.length} bytes` });
    const [pointer, length] = placed;
    try {
      return module.analyzeBytes(pointer, length, options, indent);
    } finally {
      module._free(pointer);
    }
  }
  return {
    analyzeJson,
    analyze: (input, options = {}) => JSON.parse(analyzeJson(input, options)),
    // The module's memory in bytes (it grows up to 1 GiB and never shrinks): for benchmarks.
    heapBytes: () => module.HEAPU8.length,
    // How the core reads one URL (for tests and diagnostics).
    readUrl: (text) => module.readUrl(text),
  };
}
