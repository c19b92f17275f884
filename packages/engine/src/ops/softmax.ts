/**
 * Softmax: a classifier's scores as probabilities. The model's last Dense
 * layer gives K raw scores per example (what `Sequential.predict` returns);
 * softmax turns each row into K positive numbers that sum to 1, keeping the
 * order, so the largest score is still the predicted class:
 *
 *   softmax(s)_k = exp(s_k − max_j s_j) / Σ_j exp(s_j − max_j s_j)
 *
 * Subtracting the row's maximum changes no probability (it cancels) but keeps
 * every exponent ≤ 0, so exp never overflows, even for scores like 1000.
 * No backward here: training uses softmaxCrossEntropy, whose gradient is the
 * simpler softmax − onehot.
 */
import { Tensor } from '../tensor.ts';
import { checkFinite, checkNonEmpty, checkRank } from '../check.ts';

/** Probabilities [N, K] from scores [N, K], row by row; keeps the dtype. */
export function softmax(scores: Tensor): Tensor {
  const op = 'softmax';
  checkRank(op, 'scores', scores, 2, 'N, K');
  checkNonEmpty(op, 'scores', scores, 'N, K');
  checkFinite(op, 'scores', scores);
  const [N, K] = scores.shape;
  const s = scores.data;
  const probabilities = Tensor.zerosLike(scores);
  const p = probabilities.data;
  for (let n = 0; n < N; n++) {
    const row = n * K;
    let max = -Infinity;
    for (let k = 0; k < K; k++) max = Math.max(max, s[row + k]);
    let sum = 0;
    for (let k = 0; k < K; k++) sum += Math.exp(s[row + k] - max);
    for (let k = 0; k < K; k++) p[row + k] = Math.exp(s[row + k] - max) / sum;
  }
  return probabilities;
}
