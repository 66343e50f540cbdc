// The one JavaScript entry over the wasm module, used by the page, the embed and the Node tests.
// It only carries: text or bytes in, the Report (schema 1) out.

const encoder = new TextEncoder();

// factory: the module factory (createTwilioSsoModule); moduleOptions go to it (e.g. wasmBinary).
export async function createAnalyzer(factory, moduleOptions = {}) {
  const module = await factory(moduleOptions);
  // Returns the Report as JSON text, `indent` spaces deep (-1: compact).
  function analyzeJson(input, options = {}, indent = -1) {
    const bytes = typeof input === 'string' ? encoder.encode(input) : input;
    const pointer = module._malloc(Math.max(bytes.length, 1));
    if (!pointer) {
      return JSON.stringify({ error: `not enough memory for ${bytes.length} bytes` });
    }
    try {
      module.HEAPU8.set(bytes, pointer);
      return module.analyzeBytes(pointer, bytes.length, options, indent);
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
