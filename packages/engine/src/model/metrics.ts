/** Classification metrics computed from scores [N, K] and integer labels. */
import { checkRank } from '../check.ts';
import type { Tensor } from '../tensor.ts';

/** The predicted class of each row of scores [N, K]: the index of its largest score (the first on ties). */
export function argmax(scores: Tensor): Int32Array {
  checkRank('argmax', 'scores', scores, 2, 'N, K');
  const [N, K] = scores.shape;
  const out = new Int32Array(N);
  for (let n = 0; n < N; n++) {
    let best = 0;
    for (let k = 1; k < K; k++) if (scores.data[n * K + k] > scores.data[n * K + best]) best = k;
    out[n] = best;
  }
  return out;
}

function checkSameLength(op: string, predicted: ArrayLike<number>, labels: ArrayLike<number>): void {
  if (predicted.length !== labels.length) {
    throw new Error(`${op}: expected labels of length ${predicted.length} like predicted, got ${labels.length}`);
  }
  if (predicted.length === 0) throw new Error(`${op}: expected at least one prediction, got 0`);
}

/** The fraction of predictions equal to their label, in [0, 1]. */
export function accuracy(predicted: ArrayLike<number>, labels: ArrayLike<number>): number {
  checkSameLength('accuracy', predicted, labels);
  let correct = 0;
  for (let i = 0; i < labels.length; i++) if (predicted[i] === labels[i]) correct++;
  return correct / labels.length;
}

/**
 * counts[t][p] = how many examples of true class t were predicted as class p.
 * The diagonal holds the correct predictions; a large off-diagonal cell names a confusion (e.g. 4 read as 9).
 */
export function confusionMatrix(predicted: ArrayLike<number>, labels: ArrayLike<number>, classes: number): number[][] {
  const op = 'confusionMatrix';
  checkSameLength(op, predicted, labels);
  const counts = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < labels.length; i++) {
    for (const [name, v] of [
      ['labels', labels[i]],
      ['predicted', predicted[i]],
    ] as const) {
      if (!Number.isInteger(v) || v < 0 || v >= classes) {
        throw new Error(`${op}: expected ${name}[${i}] to be an integer class in [0, ${classes}), got ${v}`);
      }
    }
    counts[labels[i]][predicted[i]]++;
  }
  return counts;
}
