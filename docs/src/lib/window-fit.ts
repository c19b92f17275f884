/**
 * Why a window does not fit, in numbers: the size calculator's explanation of an invalid
 * (W − F + 2P)/S + 1. The window's left edge can travel W − F + 2P positions; with stride S it starts
 * at 0, S, 2S, … and the last start inside the input is S·⌊travel/S⌋. When S does not divide the travel,
 * the next start, S·(⌊travel/S⌋ + 1), leaves its window S − (travel mod S) positions past the edge.
 */
export interface WindowFit {
  /** W − F + 2P: how far the window's first position is from the last one that still fits. */
  travel: number;
  /** Where the windows start (0, S, 2S, …) while they fit inside the padded input. */
  starts: number[];
  /** The first start whose window would not fit, or null when S divides the travel. */
  nextStart: number | null;
  /** How many positions that window hangs over the edge: S − (travel mod S), or 0 when it fits. */
  overhang: number;
  /** The strides that divide the travel (1 always does). */
  stridesThatFit: number[];
}

export function windowFit(w: number, f: number, s: number, p: number): WindowFit {
  const travel = w - f + 2 * p;
  const starts: number[] = [];
  for (let at = 0; at <= travel; at += s) starts.push(at);
  const rest = travel % s;
  const stridesThatFit: number[] = [];
  for (let d = 1; d <= Math.max(1, travel); d++) if (travel % d === 0) stridesThatFit.push(d);
  return {
    travel,
    starts,
    nextStart: rest === 0 ? null : starts[starts.length - 1] + s,
    overhang: rest === 0 ? 0 : s - rest,
    stridesThatFit,
  };
}
