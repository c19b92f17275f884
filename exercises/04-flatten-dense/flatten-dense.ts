import { Tensor } from '@convkit/engine';
import { NotImplemented } from '../not-implemented.ts';

/**
 * Flattens each example of a volume into one row: `[N, C, H, W]` → `[N, C·H·W]`, keeping the
 * row-major order of its values. Returns a new tensor (it must not share `x`'s data).
 */
export function flattenForward(x: Tensor): Tensor {
  // TODO: [[[[1, 2], [3, 4]]]] (shape [1,1,2,2]) becomes [[1, 2, 3, 4]] (shape [1,4]).
  throw new NotImplemented('flattenForward');
}

/**
 * A fully connected (dense) layer: `out[n, m] = b[m] + Σ_d x[n, d] · w[d, m]`.
 *
 * @param x `[N, D]`, @param w `[D, M]`, @param b `[M]`; @returns `[N, M]` in the dtype of `x`
 */
export function denseForward(x: Tensor, w: Tensor, b: Tensor): Tensor {
  // TODO: x = [[1, 2]], w = [[1, 0, -1], [2, 3, 0.5]], b = [0.5, -1, 0] gives [[5.5, 5, 0]].
  throw new NotImplemented('denseForward');
}
