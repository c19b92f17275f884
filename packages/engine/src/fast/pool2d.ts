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
import { wasmKernels } from './gemm.ts';
import { stagedMaxPool, stagedMaxPoolBackward } from './staged.ts';

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

/**
 * Flat index of the first maximum of the 2×2 window whose top-left is `top`
 * (strict >, row-major: the reference's tie rule). No branches: the winner is
 * chosen with arithmetic on the comparisons, because on real activations
 * which element wins is random and a branch per comparison mispredicts
 * often enough to double the cost of the pass.
 */
function firstMax2x2(xs: Float32Array, top: number, W: number): number {
  let at = top;
  at += Number(xs[top + 1] > xs[at]) * (top + 1 - at);
  at += Number(xs[top + W] > xs[at]) * (top + W - at);
  at += Number(xs[top + W + 1] > xs[at]) * (top + W + 1 - at);
  return at;
}

/**
 * The common 2×2 window with stride 2, unrolled. These windows tile x
 * exactly, so the pass also checks every input for finiteness (a window's
 * sum times 0 is 0 when all four are finite, NaN otherwise; float64 sums of
 * float32 values cannot overflow): false means a non-finite value was found
 * and the result must not be used.
 */
function maxPool2x2(xs: Float32Array, g: PoolGeometry, o: Float32Array): boolean {
  let d = 0,
    check = 0;
  for (let plane = 0; plane < g.N * g.C * g.H * g.W; plane += g.H * g.W) {
    for (let outRow = 0; outRow < g.outHeight; outRow++) {
      let top = plane + 2 * outRow * g.W;
      for (let outCol = 0; outCol < g.outWidth; outCol++, top += 2) {
        check += (xs[top] + xs[top + 1] + xs[top + g.W] + xs[top + g.W + 1]) * 0;
        o[d++] = xs[firstMax2x2(xs, top, g.W)];
      }
    }
  }
  return check === 0;
}

/** Backward of maxPool2x2: each window's gradient goes to its first maximum; false on a non-finite x or dout. */
function maxPool2x2Backward(xs: Float32Array, up: Float32Array, g: PoolGeometry, dxs: Float32Array): boolean {
  let d = 0,
    check = 0;
  for (let plane = 0; plane < g.N * g.C * g.H * g.W; plane += g.H * g.W) {
    for (let outRow = 0; outRow < g.outHeight; outRow++) {
      let top = plane + 2 * outRow * g.W;
      for (let outCol = 0; outCol < g.outWidth; outCol++, top += 2) {
        const grad = up[d++];
        check += (xs[top] + xs[top + 1] + xs[top + g.W] + xs[top + g.W + 1] + grad) * 0;
        // Write all four entries (the windows tile x), so a reused dx needs no clearing pass.
        dxs[top] = 0;
        dxs[top + 1] = 0;
        dxs[top + g.W] = 0;
        dxs[top + g.W + 1] = 0;
        dxs[firstMax2x2(xs, top, g.W)] = grad;
      }
    }
  }
  return check === 0;
}

/** Whether the fast kernels check finiteness themselves (the 2×2/2 case); otherwise the caller must. */
export const checksFiniteness = (params: PoolParams): boolean => params.size === 2 && params.stride === 2;

/**
 * null when the 2×2/2 kernel met a non-finite input (other sizes: the caller checked finiteness).
 * `out`, when given, must have the output shape [N, C, H', W']; it is overwritten and returned.
 */
export function fastMaxPool2dForward(x: Tensor, params: PoolParams, out?: Tensor): Tensor | null {
  const g = poolGeometry(x.shape, params);
  out ??= new Tensor([g.N, g.C, g.outHeight, g.outWidth]);
  const xs = x.data as Float32Array,
    o = out.data as Float32Array;
  if (checksFiniteness(params)) {
    const finite = wasmKernels() !== null ? stagedMaxPool(xs, g, o) : maxPool2x2(xs, g, o);
    return finite ? out : null;
  }
  let d = 0;
  for (let plane = 0; plane < g.N * g.C * g.H * g.W; plane += g.H * g.W) {
    for (let outRow = 0; outRow < g.outHeight; outRow++) {
      for (let outCol = 0; outCol < g.outWidth; outCol++) o[d++] = xs[firstMaxAt(xs, g, plane, outRow, outCol)];
    }
  }
  return out;
}

/**
 * null when the 2×2/2 kernel met a non-finite x or dout (other sizes: the caller checked finiteness).
 * `dx`, when given, must have x's shape; it is overwritten and returned.
 */
export function fastMaxPool2dBackward(dout: Tensor, x: Tensor, params: PoolParams, dx?: Tensor): Tensor | null {
  const g = poolGeometry(x.shape, params);
  const xs = x.data as Float32Array,
    up = dout.data as Float32Array;
  if (checksFiniteness(params)) {
    dx ??= new Tensor(x.shape);
    const dxs = dx.data as Float32Array;
    const finite = wasmKernels() !== null ? stagedMaxPoolBackward(xs, up, g, dxs) : maxPool2x2Backward(xs, up, g, dxs);
    return finite ? dx : null;
  }
  // Windows may overlap or leave inputs out: accumulate into a cleared buffer.
  if (dx === undefined) dx = new Tensor(x.shape);
  else dx.data.fill(0);
  const dxs = dx.data as Float32Array;
  let d = 0;
  for (let plane = 0; plane < g.N * g.C * g.H * g.W; plane += g.H * g.W) {
    for (let outRow = 0; outRow < g.outHeight; outRow++) {
      for (let outCol = 0; outCol < g.outWidth; outCol++) dxs[firstMaxAt(xs, g, plane, outRow, outCol)] += up[d++];
    }
  }
  return dx;
}
