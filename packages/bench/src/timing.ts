/**
 * Wall-clock timing with warm-up and medians. Peers are timed INTERLEAVED
 * (convkit, peer, convkit, peer, …) in one process, so on a shared machine a
 * burst of load from elsewhere hits both sides of a ratio alike.
 */
import type { Workloads } from './workloads.ts';

/** A run slower than this is not warmed up further and is repeated only SLOW_REPS times (peers taking seconds). */
const SLOW_SECONDS = 0.3;
const SLOW_REPS = 3;
/** A first run slower than this (tfjs-cpu's conv backward on B takes minutes) is the only one: its time is reported as is. */
const VERY_SLOW_SECONDS = 10;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

function timeOnce(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return (performance.now() - t0) / 1000;
}

/**
 * Median seconds per run of each function (null stays null). Each runs
 * `w.warmup` times untimed, then the functions take turns until every one
 * has minReps runs and minSeconds have passed (at most maxReps). When any
 * single run takes more than SLOW_SECONDS, everyone gets one warm-up and
 * SLOW_REPS timed turns; a function whose first run takes more than
 * VERY_SLOW_SECONDS is not run again and reports that first run.
 */
export function measureInterleaved(fns: ((() => void) | null)[], w: Workloads): (number | null)[] {
  const live = fns.map((fn, i) => [fn, i] as const).filter((e): e is readonly [() => void, number] => e[0] !== null);
  const first = live.map(([fn]) => timeOnce(fn));
  const slow = first.some((s) => s > SLOW_SECONDS);
  if (!slow) for (let k = 1; k < w.warmup; k++) for (const [fn] of live) fn();
  const [minReps, maxReps] = slow ? [Math.min(SLOW_REPS, w.minReps), SLOW_REPS] : [w.minReps, w.maxReps];
  const runs: number[][] = fns.map(() => []);
  let total = 0;
  const once = new Set(live.filter((_, k) => first[k] > VERY_SLOW_SECONDS).map(([, i]) => i));
  live.forEach(([, i], k) => once.has(i) && runs[i].push(first[k]));
  for (let r = 0; r < maxReps && (r < minReps || total < w.minSeconds); r++) {
    for (const [fn, i] of live) {
      if (once.has(i)) continue;
      const s = timeOnce(fn);
      runs[i].push(s);
      total += s;
    }
  }
  return fns.map((fn, i) => (fn === null ? null : median(runs[i])));
}
