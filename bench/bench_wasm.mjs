// In-process timing of analyze() in the wasm module under Node: milliseconds per call on one
// file, and the module's heap size after it (its peak memory, as wasm memory never shrinks).
// Usage: node bench/bench_wasm.mjs FILE REPETITIONS [--certificate PEM] [--connection-id ID] [--signer PEM]
// (prints: ms_per_call heap_bytes)
import { readFileSync } from 'node:fs';
import { loadAnalyzer } from '../tests/node/load_module.mjs';

const [file, repsText, ...flags] = process.argv.slice(2);
const options = {};
for (let i = 0; i + 1 < flags.length; i += 2) {
  const value = flags[i + 1];
  if (flags[i] === '--certificate') options.certificate = readFileSync(value, 'utf8');
  else if (flags[i] === '--signer') options.signer = readFileSync(value, 'utf8');
  else if (flags[i] === '--connection-id') options.connectionId = value;
  else throw new Error(`unknown flag ${flags[i]}`);
}
const bytes = readFileSync(file);
const reps = Number(repsText ?? 1);
const analyzer = await loadAnalyzer();
analyzer.analyzeJson(bytes, options);  // warm up: compile and first-touch
const start = performance.now();
for (let i = 0; i < reps; i++) analyzer.analyzeJson(bytes, options);
const perCall = (performance.now() - start) / reps;
console.log(`${perCall.toFixed(3)} ${analyzer.heapBytes()}`);
