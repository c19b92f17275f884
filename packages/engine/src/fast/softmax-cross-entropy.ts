/**
 * Softmax cross-entropy for a float32 model's training step: the reference
 * op's arithmetic (ops/softmax-cross-entropy.ts: subtract the row maximum,
 * log Σ exp, dscores = (softmax − onehot) / N) writing dscores into a buffer
 * the model reuses, each exp computed once. Labels are assumed checked (the
 * model checks them). Non-finite scores (a diverged model) give a NaN loss
 * instead of a throw, so the caller can report it in its own words.
 */
import type { Tensor } from '../tensor.ts';

/** The mean loss over the N rows; `dscores` must have the shape of `scores` [N, K] and is overwritten. */
export function fastSoftmaxCrossEntropy(scores: Tensor, labels: ArrayLike<number>, dscores: Tensor): number {
  const [N, K] = scores.shape;
  const s = scores.data,
    d = dscores.data;
  let loss = 0;
  for (let n = 0; n < N; n++) {
    const row = n * K;
    let max = -Infinity;
    for (let k = row; k < row + K; k++) {
      if (s[k] - s[k] !== 0) return Number.NaN;
      if (s[k] > max) max = s[k];
    }
    let sumExp = 0;
    for (let k = row; k < row + K; k++) {
      const e = Math.exp(s[k] - max);
      d[k] = e;
      sumExp += e;
    }
    const label = labels[n];
    loss += Math.log(sumExp) - (s[row + label] - max);
    for (let k = row; k < row + K; k++) d[k] = d[k] / sumExp / N;
    // (p − 1)/N from the exact p, as the reference does: p is often ≈ 1, and p/N − 1/N would cancel.
    d[row + label] = (Math.exp(s[row + label] - max) / sumExp - 1) / N;
  }
  return loss / N;
}
