/**
 * The loss of a classifier: softmax turns each row of K scores into
 * probabilities, and cross-entropy is −log of the probability given to the
 * correct class, averaged over the N examples of the batch.
 */
import { Tensor } from '../tensor.ts';
import { checkFinite, checkNonEmpty, checkRank } from '../check.ts';

/** The loss and its gradient with respect to the scores. */
export interface LossAndGradient {
  loss: number;
  dscores: Tensor;
}

function checkLabels(op: string, labels: unknown, N: number, K: number): asserts labels is ArrayLike<number> {
  if (labels instanceof Tensor) {
    throw new Error(`${op}: expected labels to be an array of ${N} integers, got a Tensor (pass its .data)`);
  }
  const arrayLike = Array.isArray(labels) || ArrayBuffer.isView(labels);
  if (!arrayLike) {
    throw new Error(`${op}: expected labels to be an array of ${N} integers, got ${labels === null ? 'null' : typeof labels}`);
  }
  const list = labels as ArrayLike<number>;
  if (list.length !== N) {
    throw new Error(`${op}: expected labels of length N = ${N} (one per row of scores), got length ${list.length}`);
  }
  for (let n = 0; n < N; n++) {
    const y = list[n];
    if (typeof y !== 'number' || !Number.isInteger(y) || y < 0 || y >= K) {
      const got = typeof y === 'string' ? `the string ${JSON.stringify(y)}` : String(y);
      throw new Error(`${op}: expected labels[${n}] to be an integer class in [0, ${K}), got ${got}`);
    }
  }
}

/**
 * Mean softmax cross-entropy of scores [N, K] against integer labels in [0, K).
 *
 * Numerically stable: subtracting each row's maximum before exp changes no
 * probability but keeps every exponent ≤ 0, so exp never overflows; the loss is
 * computed as log Σ exp(s − max) − (s_y − max), which never takes log(0).
 *
 * dscores = (softmax(scores) − onehot(labels)) / N.
 */
export function softmaxCrossEntropy(scores: Tensor, labels: ArrayLike<number>): LossAndGradient {
  const op = 'softmaxCrossEntropy';
  checkRank(op, 'scores', scores, 2, 'N, K');
  checkNonEmpty(op, 'scores', scores, 'N, K');
  const [N, K] = scores.shape;
  checkLabels(op, labels, N, K);
  checkFinite(op, 'scores', scores);

  const dscores = Tensor.zerosLike(scores);
  let loss = 0;
  for (let n = 0; n < N; n++) {
    const row = n * K;
    let max = -Infinity;
    for (let k = 0; k < K; k++) max = Math.max(max, scores.data[row + k]);
    let sumExp = 0;
    for (let k = 0; k < K; k++) sumExp += Math.exp(scores.data[row + k] - max);
    const label = labels[n];
    loss += Math.log(sumExp) - (scores.data[row + label] - max);
    for (let k = 0; k < K; k++) {
      const probability = Math.exp(scores.data[row + k] - max) / sumExp;
      dscores.data[row + k] = (probability - (k === label ? 1 : 0)) / N;
    }
  }
  return { loss: loss / N, dscores };
}
