import { Tensor, index4, type ConvParams, type WeightGradients } from '@convkit/engine';
import { NotImplemented } from '../not-implemented.ts';

/**
 * Backward pass of the convolution of exercise 02.
 *
 * @param dout gradient w.r.t. the output (the course's dy) `[N, T, H', W']`
 * @param x the forward input `[N, C, H, W]`; @param w the T filters `[T, C, FH, FW]` (CS231n: `[F, C, HH, WW]`)
 * @param params the same `{ stride, pad }` as the forward pass
 * @returns `{ dx [N, C, H, W], dw [T, C, FH, FW], db [T] }`
 */
export function conv2dBackward(dout: Tensor, x: Tensor, w: Tensor, { stride, pad }: ConvParams): WeightGradients<Tensor> {
  // TODO: dout = [[[[2]]]], x = [[[[1, 2], [3, 4]]]], w = [[[[0.5, -1], [0, 2]]]], stride 1, pad 0 gives
  //       dx = 2·w = [[[[1, -2], [0, 4]]]], dw = 2·x = [[[[2, 4], [6, 8]]]], db = [2].
  throw new NotImplemented('conv2dBackward');
}
