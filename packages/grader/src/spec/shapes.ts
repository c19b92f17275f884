/** Random shapes and tensors shared by the specs' random cases. */
import fc from 'fast-check';
import { Rng, Tensor, randomNormal } from '@convkit/engine';

/** Normal(0, 1) float64 values from a seed. */
export function normal(shape: number[], seed: number): Tensor {
  return randomNormal(shape, new Rng(seed), 0, 1, 'float64');
}

/** The kernels of `w` [F, C, HH, WW] rotated 180° (each HH×WW plane flipped top to bottom and left to right). */
export function rotated180(w: Tensor): Tensor {
  const [, , HH, WW] = w.shape;
  const out = new Tensor(w.shape, undefined, w.dtype);
  for (let plane = 0; plane < w.data.length; plane += HH * WW) {
    for (let p = 0; p < HH; p++) for (let q = 0; q < WW; q++) out.data[plane + p * WW + q] = w.data[plane + (HH - 1 - p) * WW + (WW - 1 - q)];
  }
  return out;
}

/** A sliding window over an H×W plane whose output size comes out even in both directions. */
export interface Plane {
  H: number;
  W: number;
  /** Window (filter) height and width. */
  HH: number;
  WW: number;
  stride: number;
  pad: number;
}

/**
 * Planes built from their OUTPUT size (1–4 per side), so every generated case is valid, and
 * shrinking moves towards a 1×1 output, 1×1 window, stride 1 and no padding.
 */
export function planeArb(maxWindow: number, maxStride: number, maxPad: number): fc.Arbitrary<Plane> {
  return fc
    .record({
      outH: fc.integer({ min: 1, max: 4 }),
      outW: fc.integer({ min: 1, max: 4 }),
      HH: fc.integer({ min: 1, max: maxWindow }),
      WW: fc.integer({ min: 1, max: maxWindow }),
      stride: fc.integer({ min: 1, max: maxStride }),
      pad: fc.integer({ min: 0, max: maxPad }),
    })
    .map(({ outH, outW, HH, WW, stride, pad }) => ({
      H: (outH - 1) * stride + HH - 2 * pad,
      W: (outW - 1) * stride + WW - 2 * pad,
      HH,
      WW,
      stride,
      pad,
    }))
    .filter((p) => p.H >= 1 && p.W >= 1);
}

export const small = (max: number): fc.Arbitrary<number> => fc.integer({ min: 1, max });
export const seedArb = fc.integer({ min: 0, max: 10_000 });

/** A pooling window (no padding) over an H×W plane, built from the output size. */
export interface PoolPlane {
  H: number;
  W: number;
  size: number;
  stride: number;
}

export function poolPlaneArb(maxSize: number, maxStride: number): fc.Arbitrary<PoolPlane> {
  return fc
    .record({
      outH: fc.integer({ min: 1, max: 4 }),
      outW: fc.integer({ min: 1, max: 4 }),
      size: fc.integer({ min: 1, max: maxSize }),
      stride: fc.integer({ min: 1, max: maxStride }),
    })
    .map(({ outH, outW, size, stride }) => ({ H: (outH - 1) * stride + size, W: (outW - 1) * stride + size, size, stride }));
}

/** Small integers 0..2 as float64: many ties inside pooling windows. */
export function tiesTensor(shape: number[], seed: number): Tensor {
  const rng = new Rng(seed);
  const t = randomNormal(shape, rng, 0, 1, 'float64');
  for (let i = 0; i < t.size; i++) t.data[i] = rng.int(3);
  return t;
}
