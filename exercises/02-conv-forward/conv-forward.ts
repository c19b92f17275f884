import { Tensor, index4, type ConvParams } from '@convkit/engine';
import { NotImplemented } from '../not-implemented.ts';

/**
 * The forward pass of a convolutional layer (cross-correlation, NCHW layout).
 *
 * @param x input volume `[N, C, H, W]`
 * @param w T filters `[T, C, FH, FW]` (CS231n: `[F, C, HH, WW]`)
 * @param b one bias per filter `[T]`
 * @param params `{ stride, pad }`: the step S of the sliding window and the P zeros added on each side
 * @returns `[N, T, H', W']` with `H' = (H − FH + 2·pad)/stride + 1` and `W' = (W − FW + 2·pad)/stride + 1`,
 *          in the dtype of `x`
 */
export function conv2dForward(x: Tensor, w: Tensor, b: Tensor, { stride, pad }: ConvParams): Tensor {
  // TODO: with x = [[0,1,2],[3,4,5],[6,7,8]] as [1,1,3,3], w = [[0,1],[2,3]] as [1,1,2,2], b = [0],
  //       stride 1, pad 0, the output is [[19,25],[37,43]] as [1,1,2,2].
  throw new NotImplemented('conv2dForward');
}
