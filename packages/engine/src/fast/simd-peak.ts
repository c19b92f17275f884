/**
 * Measures this machine's WebAssembly SIMD throughput: PEAK_CHAINS independent
 * f32x4 multiply-then-add chains in registers, no memory traffic: the ceiling
 * any f32x4 kernel (ours, XNNPACK's) can reach on one core, without FMA.
 */
import { PEAK_CHAINS } from './gemm-wasm.ts';
import { loadWasmKernels } from './wasm-module.ts';

/** Best GFLOP/s over `trials` runs of `iterations` loop turns each (8·PEAK_CHAINS flops per turn); null without SIMD. */
export function measureSimdPeak(iterations = 2e7, trials = 5): number | null {
  const wasm = loadWasmKernels();
  if (wasm === null) return null;
  wasm.peak(1e5); // compile and tier up before timing
  let best = 0;
  for (let t = 0; t < trials; t++) {
    const t0 = performance.now();
    wasm.peak(iterations);
    const seconds = (performance.now() - t0) / 1000;
    best = Math.max(best, (iterations * 8 * PEAK_CHAINS) / seconds / 1e9);
  }
  return best;
}
