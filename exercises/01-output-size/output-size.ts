import { NotImplemented } from '../not-implemented.ts';

/**
 * How many positions a window of size `f` takes when it slides with step `stride` over an input of
 * size `n` that has `pad` zeros added on each side: `(n − f + 2·pad) / stride + 1`, the course's
 * `W' = (W − F + 2P)/S + 1` (n = W or H, f = F, stride = S, pad = P).
 *
 * Throws an Error (message starting `outputSize:`) when the result is not a positive integer —
 * e.g. `outputSize(10, 3, 2, 0)` would be 4.5 — or when an argument is not a valid integer
 * (n, f, stride ≥ 1; pad ≥ 0).
 *
 * @example outputSize(5, 3, 1, 0)    // 3
 * @example outputSize(227, 11, 4, 0) // 55
 */
export function outputSize(n: number, f: number, stride: number, pad: number): number {
  // TODO: outputSize(7, 3, 2, 0) should return 3; outputSize(10, 3, 2, 0) should throw.
  throw new NotImplemented('outputSize');
}
