/**
 * Fast float32 max pooling: flat index arithmetic instead of per-window
 * offset lists and callbacks. The backward pass recomputes each window's
 * first maximum (strict `>`, row-major window order, the reference's tie
 * rule) rather than caching argmaxes, so the functional API stays stateless;
 * the recompute costs about as much as the forward pass.
 */
import { Tensor } from '../tensor.ts';
import type { PoolParams } from '../ops/params.ts';
import { poolGeometry, type PoolGeometry } from './geometry.ts';

/** Flat index into x of the first maximum of window (outRow, outCol) in the plane starting at `plane`. */
function firstMaxAt(x: Float32Array, g: PoolGeometry, plane: number, outRow: number, outCol: number): number {
  let rowStart = plane + outRow * g.stride * g.W + outCol * g.stride;
  let best = rowStart;
  let bestValue = x[best];
  for (let i = 0; i < g.size; i++, rowStart += g.W) {
    for (let at = rowStart; at < rowStart + g.size; at++) {
      if (x[at] > bestValue) {
        bestValue = x[at];
        best = at;
      }
    }
  }
  return best;
}

/** The common 2×2 window with stride 2, unrolled: same first-maximum rule (strict >, row-major). */
function maxPool2x2(xs: Float32Array, g: PoolGeometry, o: Float32Array): void {
  let d = 0;
  for (let plane = 0; plane < g.N * g.C * g.H * g.W; plane += g.H * g.W) {
    for (let outRow = 0; outRow < g.outHeight; outRow++) {
      let top = plane + 2 * outRow * g.W;
      for (let outCol = 0; outCol < g.outWidth; outCol++, top += 2) {
        let m = xs[top];
        if (xs[top + 1] > m) m = xs[top + 1];
        if (xs[top + g.W] > m) m = xs[top + g.W];
        if (xs[top + g.W + 1] > m) m = xs[top + g.W + 1];
        o[d++] = m;
      }
    }
  }
}

export function fastMaxPool2dForward(x: Tensor, params: PoolParams): Tensor {
  const g = poolGeometry(x.shape, params);
  const out = new Tensor([g.N, g.C, g.outHeight, g.outWidth]);
  const xs = x.data as Float32Array, o = out.data as Float32Array;
  if (g.size === 2 && g.stride === 2) {
    maxPool2x2(xs, g, o);
    return out;
  }
  let d = 0;
  for (let plane = 0; plane < g.N * g.C * g.H * g.W; plane += g.H * g.W) {
    for (let outRow = 0; outRow < g.outHeight; outRow++) {
      for (let outCol = 0; outCol < g.outWidth; outCol++) o[d++] = xs[firstMaxAt(xs, g, plane, outRow, outCol)];
    }
  }
  return out;
}

export function fastMaxPool2dBackward(dout: Tensor, x: Tensor, params: PoolParams): Tensor {
  const g = poolGeometry(x.shape, params);
  const dx = new Tensor(x.shape);
  const xs = x.data as Float32Array, dxs = dx.data as Float32Array, up = dout.data as Float32Array;
  let d = 0;
  for (let plane = 0; plane < g.N * g.C * g.H * g.W; plane += g.H * g.W) {
    for (let outRow = 0; outRow < g.outHeight; outRow++) {
      for (let outCol = 0; outCol < g.outWidth; outCol++) dxs[firstMaxAt(xs, g, plane, outRow, outCol)] += up[d++];
    }
  }
  return dx;
}
