import { Tensor } from '@convkit/engine';
import { NotImplemented } from '../not-implemented.ts';

export interface SgdOptions {
  /** Learning rate. */
  lr: number;
  /** Momentum μ in [0, 1). */
  momentum: number;
}

/**
 * One step of SGD with momentum for every parameter tensor k:
 *   v ← μ·v − lr·g
 *   p ← p + v
 * Returns NEW tensors; the inputs are left unchanged.
 *
 * @param params the weights, @param grads their gradients, @param velocities their velocities (same shapes)
 */
export function sgdMomentumStep(
  params: readonly Tensor[],
  grads: readonly Tensor[],
  velocities: readonly Tensor[],
  { lr, momentum }: SgdOptions,
): { params: Tensor[]; velocities: Tensor[] } {
  // TODO: params [[0, 1]], grads [[-6, 4]], velocities [[0, 0]], lr 0.1, momentum 0.9 gives
  //       velocities [[0.6, -0.4]] and params [[0.6, 0.6]].
  throw new NotImplemented('sgdMomentumStep');
}
