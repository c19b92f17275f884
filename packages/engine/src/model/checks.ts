/** The checks Sequential makes once at its entry points, so the layers inside can trust their input. */
import { checkFinite, checkTensor, fmtShape } from '../check.ts';
import type { Tensor } from '../tensor.ts';

/** x is a batch [N ≥ 1, ...inputShape] of finite values (NaN/±Infinity named with the first bad index). */
export function checkInput(op: string, x: Tensor, inputShape: readonly number[]): void {
  checkTensor(op, 'x', x);
  const expected = ['N', ...inputShape];
  const ok = x.rank === expected.length && x.shape[0] > 0 && inputShape.every((d, i) => x.shape[i + 1] === d);
  if (!ok) throw new Error(`${op}: expected x of shape [${expected.join(', ')}] with N ≥ 1, got ${fmtShape(x.shape)}`);
  checkFinite(op, 'x', x);
}

/** y holds N integer labels in [0, classes). */
export function checkLabels(op: string, y: ArrayLike<number>, N: number, classes: number): void {
  if (y == null || typeof y.length !== 'number') throw new Error(`${op}: expected y to be an array of ${N} labels, got ${String(y)}`);
  if (y.length !== N) throw new Error(`${op}: expected y of length ${N} (one label per example of x), got ${y.length}`);
  for (let i = 0; i < N; i++) {
    if (!Number.isInteger(y[i]) || y[i] < 0 || y[i] >= classes) {
      throw new Error(`${op}: expected y[${i}] to be an integer class in [0, ${classes}), got ${y[i]}`);
    }
  }
}
