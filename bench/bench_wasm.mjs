// In-process timing of analyze() in the wasm module under Node: milliseconds per call on one
// file, and the module's heap size after it (its peak memory, as wasm memory never shrinks).
// Usage: node bench/bench_wasm.mjs FILE REPETITIONS [CERTIFICATE CONNECTION_ID]
// (prints: ms_per_call heap_bytes; with a certificate, a response is verified with it)
import { readFileSync } from 'node:fs';
import { loadAnalyzer } from '../tests/node/load_module.mjs';

const [file, repsText, certificate, connectionId] = process.argv.slice(2);
const options = certificate ? { certificate: readFileSync(certificate, 'utf8'), connectionId } : {};
const bytes = readFileSync(file);
const reps = Number(repsText ?? 1);
const analyzer = await loadAnalyzer();
analyzer.analyzeJson(bytes, options);  // warm up: compile and first-touch
const start = performance.now();
for (let i = 0; i < reps; i++) analyzer.analyzeJson(bytes, options);
const perCall = (performance.now() - start) / reps;
console.log(`${perCall.toFixed(3)} ${analyzer.heapBytes()}`);
