/**
 * How many positions a sliding window takes along one axis. The notes write it
 * (N - F) / S + 1 for an input of size N, a filter of size F and a stride S;
 * with P zeros of padding on each side the input grows to N + 2P.
 *
 * The division must come out even: when it does not, the last window would hang
 * over the edge. Frameworks differ in what they do then (drop it, pad more), so
 * the course kit refuses and says why, instead of silently flooring the size.
 */
import { checkInt } from '../check.ts';

/**
 * How the formula's symbols read in an error message: the op that asks and its
 * own names for the input size, the window size and whether there is padding
 * (pooling has none), e.g. `{ op: 'conv2dForward', n: 'H', f: 'HH', withPad: true }`.
 */
export interface SizeLabels {
  op: string;
  n: string;
  f: string;
  withPad: boolean;
}

const PUBLIC_LABELS: SizeLabels = { op: 'outputSize', n: 'n', f: 'f', withPad: true };

/**
 * The output size `(n - f + 2*pad) / stride + 1` of a window of size `f` sliding
 * with `stride` over an input of size `n` padded with `pad` zeros on each side.
 * Throws when it is not a positive integer, showing the arithmetic.
 *
 * @example outputSize(227, 11, 4, 0) // 55
 */
export function outputSize(n: number, f: number, stride: number, pad: number): number {
  return windowPositions(PUBLIC_LABELS, n, f, stride, pad);
}

/**
 * The formula itself, `(n - f + 2*pad) / stride + 1`, or null when the window does not fit or the
 * stride does not divide the travel: for callers that must not throw (the fast path's predicates,
 * which send any doubt to the reference op). Assumes integer arguments; {@link outputSize} checks them.
 */
export function windowCount(n: number, f: number, stride: number, pad: number): number | null {
  const travel = n - f + 2 * pad;
  return travel >= 0 && travel % stride === 0 ? travel / stride + 1 : null;
}

/** Rounds a non-integer for display (7 / 3 + 1 shows as 3.3333…). */
function show(value: number): string {
  const rounded = Math.round(value * 1e4) / 1e4;
  return rounded === value ? String(value) : `${rounded}…`;
}

/** {@link outputSize} for an op that names the symbols its own way in the error messages. */
export function windowPositions(labels: SizeLabels, n: number, f: number, stride: number, pad: number): number {
  const { op } = labels;
  checkInt(op, labels.n, n, 1);
  checkInt(op, labels.f, f, 1);
  checkInt(op, 'stride', stride, 1);
  checkInt(op, 'pad', pad, 0);

  const padded = n + 2 * pad;
  if (f > padded) {
    const paddedText = labels.withPad ? `${labels.n} + 2*pad = ${n} + ${2 * pad} = ${padded}` : `${labels.n} = ${n}`;
    const where = labels.withPad ? 'the padded input' : 'the input';
    throw new Error(`${op}: expected ${labels.f} ≤ ${paddedText} (the window must fit inside ${where}), got ${labels.f} = ${f}`);
  }

  const count = windowCount(n, f, stride, pad);
  if (count === null) {
    // How far the window can travel from its first position to its last.
    const travel = n - f + 2 * pad;
    const formula = labels.withPad
      ? `(${labels.n} - ${labels.f} + 2*pad) / stride + 1 = (${n} - ${f} + ${2 * pad}) / ${stride} + 1`
      : `(${labels.n} - ${labels.f}) / stride + 1 = (${n} - ${f}) / ${stride} + 1`;
    throw new Error(`${op}: ${formula} = ${show(travel / stride + 1)} is not an integer; choose a stride that divides ${travel}`);
  }
  return count;
}
