/**
 * Pooling: down-sampling each activation map on its own. A size × size window
 * slides over every channel separately, moving `stride` positions each step,
 * and keeps one number per window: its maximum (max pooling) or its mean
 * (average pooling). Pooling has no weights and never mixes channels, so the
 * output has the input's N and C. There is no padding.
 */
import { Tensor, index4 } from '../tensor.ts';
import { checkFinite, checkNonEmpty, checkRank, checkSameDtype, checkShapeEquals } from '../check.ts';
import { checkPoolParams, type PoolParams } from './params.ts';
import { windowPositions } from './output-size.ts';

interface PoolGeometry {
  N: number;
  C: number;
  size: number;
  stride: number;
  outHeight: number;
  outWidth: number;
}

function poolGeometry(op: string, x: unknown, params: unknown): PoolGeometry {
  checkRank(op, 'x', x, 4, 'N, C, H, W');
  checkNonEmpty(op, 'x', x, 'N, C, H, W');
  const [N, C, H, W] = x.shape;
  const { size, stride } = checkPoolParams(op, params);
  const outHeight = windowPositions({ op, n: 'H', f: 'size', withPad: false }, H, size, stride, 0);
  const outWidth = windowPositions({ op, n: 'W', f: 'size', withPad: false }, W, size, stride, 0);
  checkFinite(op, 'x', x);
  return { N, C, size, stride, outHeight, outWidth };
}

/** Checks dout against the forward output shape [N, C, H', W'] and x's dtype. */
function checkDout(op: string, dout: unknown, x: Tensor, g: PoolGeometry): asserts dout is Tensor {
  checkRank(op, 'dout', dout, 4, "N, C, H', W'");
  checkShapeEquals(op, 'dout', dout, [g.N, g.C, g.outHeight, g.outWidth]);
  checkSameDtype(op, ['x', x], ['dout', dout]);
  checkFinite(op, 'dout', dout);
}

/**
 * Visits every window: `visit(n, c, outRow, outCol, offsets)` where `offsets`
 * are the flat indices into x of the window's size × size inputs, in row-major
 * order (so "the first maximum" below means the top-most, then left-most).
 */
function forEachWindow(x: Tensor, g: PoolGeometry, visit: (n: number, c: number, outRow: number, outCol: number, offsets: number[]) => void): void {
  const offsets: number[] = new Array<number>(g.size * g.size);
  for (let n = 0; n < g.N; n++) {
    for (let c = 0; c < g.C; c++) {
      for (let outRow = 0; outRow < g.outHeight; outRow++) {
        for (let outCol = 0; outCol < g.outWidth; outCol++) {
          for (let i = 0; i < g.size; i++) {
            for (let j = 0; j < g.size; j++) {
              offsets[i * g.size + j] = index4(x.shape, n, c, outRow * g.stride + i, outCol * g.stride + j);
            }
          }
          visit(n, c, outRow, outCol, offsets);
        }
      }
    }
  }
}

/** The offset of the window's first maximum (a later equal value does not replace it). */
function firstMax(x: Tensor, offsets: number[]): number {
  let best = offsets[0];
  for (const at of offsets) if (x.data[at] > x.data[best]) best = at;
  return best;
}

/** Max pooling forward: each output is the largest value of its window. [N, C, H, W] → [N, C, H', W']. */
export function maxPool2dForward(x: Tensor, params: PoolParams): Tensor {
  const g = poolGeometry('maxPool2dForward', x, params);
  const out = Tensor.zeros([g.N, g.C, g.outHeight, g.outWidth], x.dtype);
  forEachWindow(x, g, (n, c, outRow, outCol, offsets) => {
    out.data[index4(out.shape, n, c, outRow, outCol)] = x.data[firstMax(x, offsets)];
  });
  return out;
}

/**
 * Max pooling backward: only the input that won its window influenced the
 * output, so it alone receives the gradient. On a tie the first maximum in
 * row-major window order wins: the convention of an implementation that stores
 * one argmax per window (the derivative does not exist at a tie, so this is a
 * choice). CS231n's shipped fast layer (`max_pool_backward_reshape` in
 * fast_layers.py) differs: it gives the gradient to every tied maximum, as its
 * docstring says. When windows overlap (stride < size) one input can win
 * several windows, and its gradients add up.
 */
export function maxPool2dBackward(dout: Tensor, x: Tensor, params: PoolParams): Tensor {
  const op = 'maxPool2dBackward';
  const g = poolGeometry(op, x, params);
  checkDout(op, dout, x, g);
  const dx = Tensor.zeros(x.shape, 'float64');
  forEachWindow(x, g, (n, c, outRow, outCol, offsets) => {
    dx.data[firstMax(x, offsets)] += dout.data[index4(dout.shape, n, c, outRow, outCol)];
  });
  return dx.astype(x.dtype);
}

/** Average pooling forward: each output is the mean of its window. [N, C, H, W] → [N, C, H', W']. */
export function avgPool2dForward(x: Tensor, params: PoolParams): Tensor {
  const g = poolGeometry('avgPool2dForward', x, params);
  const out = Tensor.zeros([g.N, g.C, g.outHeight, g.outWidth], x.dtype);
  forEachWindow(x, g, (n, c, outRow, outCol, offsets) => {
    let sum = 0;
    for (const at of offsets) sum += x.data[at];
    out.data[index4(out.shape, n, c, outRow, outCol)] = sum / offsets.length;
  });
  return out;
}

/**
 * Average pooling backward: every input of a window counted 1 / (size·size)
 * towards its mean, so each receives that share of the window's gradient
 * (added up over overlapping windows).
 */
export function avgPool2dBackward(dout: Tensor, x: Tensor, params: PoolParams): Tensor {
  const op = 'avgPool2dBackward';
  const g = poolGeometry(op, x, params);
  checkDout(op, dout, x, g);
  const dx = Tensor.zeros(x.shape, 'float64');
  forEachWindow(x, g, (n, c, outRow, outCol, offsets) => {
    const share = dout.data[index4(dout.shape, n, c, outRow, outCol)] / offsets.length;
    for (const at of offsets) dx.data[at] += share;
  });
  return dx.astype(x.dtype);
}
