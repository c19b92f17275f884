/** Reference solution of exercise 05: backprop through dense, ReLU and softmax cross-entropy. */
import { Tensor, type WeightGradients } from '@convkit/engine';

export function denseBackward(dout: Tensor, x: Tensor, w: Tensor): WeightGradients<Tensor> {
  const [N, D] = x.shape;
  const M = w.shape[1];
  const dx = new Tensor([N, D], undefined, x.dtype);
  const dw = new Tensor([D, M], undefined, x.dtype);
  const db = new Tensor([M], undefined, x.dtype);
  for (let n = 0; n < N; n++) {
    for (let m = 0; m < M; m++) {
      const g = dout.data[n * M + m];
      db.data[m] += g; // every example adds its gradient to the shared bias
      for (let d = 0; d < D; d++) {
        dx.data[n * D + d] += g * w.data[d * M + m];
        dw.data[d * M + m] += g * x.data[n * D + d];
      }
    }
  }
  return { dx, dw, db };
}

export function reluBackward(dout: Tensor, x: Tensor): Tensor {
  const dx = new Tensor(x.shape, undefined, x.dtype);
  // The gradient passes where the input was positive; at x = 0 we take the slope 0.
  for (let i = 0; i < x.size; i++) dx.data[i] = x.data[i] > 0 ? dout.data[i] : 0;
  return dx;
}

export function softmaxCrossEntropy(scores: Tensor, labels: ArrayLike<number>): { loss: number; dscores: Tensor } {
  const [N, K] = scores.shape;
  const dscores = new Tensor([N, K], undefined, scores.dtype);
  let loss = 0;
  for (let n = 0; n < N; n++) {
    let max = -Infinity;
    for (let k = 0; k < K; k++) max = Math.max(max, scores.data[n * K + k]);
    let sumExp = 0;
    for (let k = 0; k < K; k++) sumExp += Math.exp(scores.data[n * K + k] - max);
    // −log p_y = log Σ exp(s − max) − (s_y − max): no overflow, no log(0).
    loss += Math.log(sumExp) - (scores.data[n * K + labels[n]] - max);
    for (let k = 0; k < K; k++) {
      const p = Math.exp(scores.data[n * K + k] - max) / sumExp;
      dscores.data[n * K + k] = (p - (k === labels[n] ? 1 : 0)) / N;
    }
  }
  return { loss: loss / N, dscores };
}
