import { Tensor, type WeightGradients } from '@convkit/engine';
import { NotImplemented } from '../not-implemented.ts';

/**
 * Backward pass of the dense layer `out = x·w + b`.
 *
 * @param dout gradient of the loss w.r.t. `out` (the course's dy), `[N, M]`
 * @param x the forward input `[N, D]`; @param w the weights `[D, M]`
 * @returns `{ dx [N, D], dw [D, M], db [M] }`
 */
export function denseBackward(dout: Tensor, x: Tensor, w: Tensor): WeightGradients<Tensor> {
  // TODO: dout = [[1, -1]], x = [[2, 3]], w = [[1, 2], [3, 4]] gives
  //       dx = [[-1, -1]], dw = [[2, -2], [3, -3]], db = [1, -1].
  throw new NotImplemented('denseBackward');
}

/**
 * Backward pass of ReLU, `max(0, x)`: the gradient flows where the forward INPUT `x` was > 0
 * (slope 0 at exactly 0). Same shape as `x`.
 */
export function reluBackward(dout: Tensor, x: Tensor): Tensor {
  // TODO: dout = [[1, 2, 3, 4]], x = [[-1, 0.5, 0, 2]] gives [[0, 2, 0, 4]].
  throw new NotImplemented('reluBackward');
}

/**
 * Mean softmax cross-entropy of `scores [N, K]` against integer `labels` in [0, K), and its gradient
 * `dscores [N, K]`. Must be numerically stable (scores of 1000 must not give NaN or Infinity).
 */
export function softmaxCrossEntropy(scores: Tensor, labels: ArrayLike<number>): { loss: number; dscores: Tensor } {
  // TODO: scores = [[0, 0, 0]], labels = [0] gives loss = log 3 ≈ 1.0986 and dscores = [[-2/3, 1/3, 1/3]].
  throw new NotImplemented('softmaxCrossEntropy');
}
