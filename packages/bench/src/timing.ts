/** Wall-clock timing with warm-up and medians, and peak-memory sampling. */
import type { Workloads } from './workloads.ts';

export interface Timing {
  /** Median seconds per run. */
  median: number;
  /** Every timed run, in seconds. */
  runs: number[];
}

let peakHeap = 0;

/** Samples the JS heap plus ArrayBuffer memory (typed arrays, wasm memories); the child reports the maximum seen. */
export function sampleMemory(): void {
  const m = process.memoryUsage();
  peakHeap = Math.max(peakHeap, m.heapUsed + m.arrayBuffers);
}

export function peakHeapBytes(): number {
  return peakHeap;
}

/** A run slower than this is not warmed up further and is repeated only SLOW_REPS times (peers taking seconds). */
const SLOW_SECONDS = 0.3;
const SLOW_REPS = 3;

/**
 * Runs `fn` `w.warmup` times untimed, then times it until minReps and
 * minSeconds are both reached (or maxReps). A slow `fn` (the first warm-up
 * takes more than SLOW_SECONDS) gets one warm-up and SLOW_REPS timed runs.
 */
export function measure(fn: () => void, w: Workloads): Timing {
  const t0 = performance.now();
  fn();
  const slow = (performance.now() - t0) / 1000 > SLOW_SECONDS;
  if (!slow) for (let i = 1; i < w.warmup; i++) fn();
  const [minReps, maxReps] = slow ? [Math.min(SLOW_REPS, w.minReps), SLOW_REPS] : [w.minReps, w.maxReps];
  const runs: number[] = [];
  let total = 0;
  while (runs.length < maxReps && (runs.length < minReps || total < w.minSeconds)) {
    const t0 = performance.now();
    fn();
    const seconds = (performance.now() - t0) / 1000;
    runs.push(seconds);
    total += seconds;
    sampleMemory();
  }
  const sorted = [...runs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, runs };
}
