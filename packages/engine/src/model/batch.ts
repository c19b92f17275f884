/**
 * Mini-batches: which examples each gradient step sees (shuffled anew every epoch), and copying those
 * examples (rows of the batch axis) out of a dataset. `Sequential.fit` and the site's playground
 * worker both draw their batches from {@link shuffledBatches}.
 */
import { checkInt } from '../check.ts';
import type { Rng } from '../random.ts';
import { Tensor, type DType } from '../tensor.ts';

/** One mini-batch: which examples, and where it stands in the run. */
export interface MiniBatch {
  /** Index of the epoch, from 0. */
  epoch: number;
  /** Index of this batch in its epoch, from 0. */
  batch: number;
  /** Batches per epoch, ⌈n / batchSize⌉. */
  batches: number;
  /**
   * The examples (indices 0..n−1) of this batch in the epoch's shuffled order: batchSize of them, but
   * the last batch of an epoch may be smaller. A view of the epoch's order: copy it to keep it.
   */
  indices: Int32Array;
}

/**
 * Shuffled mini-batches of n examples: each epoch shuffles 0..n−1 with `rng` (Fisher–Yates, so the
 * same seed gives the same batches) and cuts that order into batches of `batchSize`; every example is
 * in exactly one batch of each epoch. Runs `epochs` epochs, or forever when left out, so a loop that
 * trains in chunks and pauses (the playground) can pull one batch at a time with `next()`.
 *
 * @example for (const { epoch, indices } of shuffledBatches(10, 4, new Rng(1), 2)) … // 2 epochs of batches of 4, 4, 2
 */
export function* shuffledBatches(n: number, batchSize: number, rng: Rng, epochs = Infinity): Generator<MiniBatch, void, undefined> {
  const op = 'shuffledBatches';
  checkInt(op, 'n', n, 1);
  checkInt(op, 'batchSize', batchSize, 1);
  if (epochs !== Infinity) checkInt(op, 'epochs', epochs, 1);
  const batches = Math.ceil(n / batchSize);
  for (let epoch = 0; epoch < epochs; epoch++) {
    const order = Int32Array.from(rng.shuffle(Array.from(range(n))));
    for (let batch = 0; batch < batches; batch++) {
      yield { epoch, batch, batches, indices: order.subarray(batch * batchSize, Math.min(n, (batch + 1) * batchSize)) };
    }
  }
}

/** The examples `indices` of a dataset (`x` batch axis first, `y` its labels) as one batch, sharing nothing with it. */
export function examplesAt(set: { x: Tensor; y: ArrayLike<number> }, indices: ArrayLike<number>): { x: Tensor; y: Int32Array } {
  return { x: gatherRows(set.x, indices, 0, indices.length, set.x.dtype), y: gatherLabels(set.y, indices, 0, indices.length) };
}

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
