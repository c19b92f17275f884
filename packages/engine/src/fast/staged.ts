/**
 * Runs the ReLU and max-pool kernels of elementwise-wasm.ts: copy the inputs
 * into the arena (a memcpy each), run, copy the result out. Each returns
 * false when the data held NaN or ±Infinity (the result must not be used),
 * and is only called when `wasmKernels()` is not null.
 */
import { reserveArena, roundUp, wasmKernels } from './gemm.ts';
import type { PoolGeometry } from './geometry.ts';

/**
 * Start offsets (floats) of consecutive arena regions of the given sizes, each
 * padded to 4 floats plus 4 of slack, padding zeroed: a kernel may read a few
 * lanes past the data (and ignores them), and zeros are finite.
 */
function place(...sizes: number[]): number[] {
  let end = 0;
  const starts = sizes.map((n) => {
    const at = end;
    end += roundUp(n, 4) + 4;
    return at;
  });
  const mem = reserveArena(end);
  sizes.forEach((n, i) => mem.fill(0, starts[i] + n, starts[i] + roundUp(n, 4) + 4));
  return starts;
}

export function stagedReluForward(x: Float32Array, out: Float32Array): boolean {
  const n = x.length,
    [at] = place(n);
  const mem = reserveArena(0);
  mem.set(x, at);
  const bad = wasmKernels()!.reluForward(4 * at, roundUp(n, 4));
  out.set(mem.subarray(at, at + n));
  return bad === 0;
}

export function stagedReluBackward(x: Float32Array, dout: Float32Array, dx: Float32Array): boolean {
  const n = x.length,
    [xAt, gAt] = place(n, n);
  const mem = reserveArena(0);
  mem.set(x, xAt);
  mem.set(dout, gAt);
  const bad = wasmKernels()!.reluBackward(4 * xAt, 4 * gAt, roundUp(n, 4));
  dx.set(mem.subarray(gAt, gAt + n));
  return bad === 0;
}

/** 2×2 windows, stride 2 (H and W even). */
export function stagedMaxPool(x: Float32Array, g: PoolGeometry, out: Float32Array): boolean {
  const [xAt, outAt] = place(x.length, out.length);
  const mem = reserveArena(0);
  mem.set(x, xAt);
  const bad = wasmKernels()!.maxPool(4 * xAt, 4 * outAt, g.N * g.C, g.H, g.W);
  out.set(mem.subarray(outAt, outAt + out.length));
  return bad === 0;
}

export function stagedMaxPoolBackward(x: Float32Array, dout: Float32Array, g: PoolGeometry, dx: Float32Array): boolean {
  const [xAt, gAt, dxAt] = place(x.length, dout.length, x.length);
  const mem = reserveArena(0);
  mem.set(x, xAt);
  mem.set(dout, gAt);
  const bad = wasmKernels()!.maxPoolBackward(4 * xAt, 4 * gAt, 4 * dxAt, g.N * g.C, g.H, g.W);
  dx.set(mem.subarray(dxAt, dxAt + x.length));
  return bad === 0;
}
