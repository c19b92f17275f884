import { Tensor } from '@convkit/engine';
import { NotImplemented } from '../not-implemented.ts';

export interface SgdOptions {
  /** Learning rate. */
  lr: number;
  /** Momentum μ in [0, 1). */
  momentum: number;
}

/**
 * One step of SGD with momentum for every parameter tensor θ = params[k]:
 *   v ← μ·v − lr·g
 *   θ ← θ + v
 * v is an exponentially decaying sum of past gradients (×−lr): on a steady gradient the step
 * grows to about lr/(1 − μ), 10× lr at μ = 0.9.
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
