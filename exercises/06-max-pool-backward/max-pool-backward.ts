import { Tensor, index4, type PoolParams } from '@convkit/engine';
import { NotImplemented } from '../not-implemented.ts';

/**
 * Backward pass of max pooling: each window's gradient `dout[n, c, i, j]` goes entirely to the input
 * that was the window's maximum. On a tie it goes to the FIRST maximum in row-major order (top row
 * first, then left to right). Overlapping windows add up.
 *
 * @param dout `[N, C, H', W']`; @param x the forward input `[N, C, H, W]`; @param params `{ size, stride }`
 * @returns dx `[N, C, H, W]`
 */
export function maxPool2dBackward(dout: Tensor, x: Tensor, { size, stride }: PoolParams): Tensor {
  // TODO: dout = [[[[5]]]], x = [[[[3, 9], [-1, 4]]]], size 2, stride 2 gives [[[[0, 5], [0, 0]]]].
  throw new NotImplemented('maxPool2dBackward');
}
