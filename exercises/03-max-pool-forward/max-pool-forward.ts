import { Tensor, index4, type PoolParams } from '@convkit/engine';
import { NotImplemented } from '../not-implemented.ts';

/**
 * Max pooling: each `size × size` window of each channel is replaced by its largest value.
 *
 * @param x input volume `[N, C, H, W]`
 * @param params `{ size, stride }`: the window's side and its step (no padding)
 * @returns `[N, C, H', W']` with `H' = (H − size)/stride + 1`, `W' = (W − size)/stride + 1`
 */
export function maxPool2dForward(x: Tensor, { size, stride }: PoolParams): Tensor {
  // TODO: x = [[0,1,2],[3,4,5],[6,7,8]] as [1,1,3,3] with size 2, stride 1 gives [[4,5],[7,8]].
  throw new NotImplemented('maxPool2dForward');
}
