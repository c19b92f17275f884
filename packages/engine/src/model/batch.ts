/** Mini-batches: copying chosen examples (rows of the batch axis) out of a dataset. */
import { Tensor, type DType } from '../tensor.ts';

/**
 * A tensor of the examples `order[start..end)` of `x` (batch axis first), in the
 * given dtype: the shuffled order of an epoch, or 0..N−1 for predict. `out`,
 * when given (fit's reused batch), must have the batch's shape and dtype; it is overwritten.
 */
export function gatherRows(x: Tensor, order: ArrayLike<number>, start: number, end: number, dtype: DType, out?: Tensor): Tensor {
  const per = x.size / x.shape[0];
  out ??= Tensor.zeros([end - start, ...x.shape.slice(1)], dtype);
  for (let row = start; row < end; row++) {
    const from = order[row] * per;
    out.data.set(x.data.subarray(from, from + per), (row - start) * per);
  }
  return out;
}

/** The labels of `order[start..end)`, into `out` when given (of length end − start). */
export function gatherLabels(y: ArrayLike<number>, order: ArrayLike<number>, start: number, end: number, out?: Int32Array): Int32Array {
  out ??= new Int32Array(end - start);
  for (let row = start; row < end; row++) out[row - start] = y[order[row]];
  return out;
}

/** 0, 1, …, n − 1. */
export function range(n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => i);
}
