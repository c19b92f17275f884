/**
 * im2col turns one image's convolution into a matrix product. Row kk of the
 * column matrix is one filter tap kk = (c, i, j); column p is one output
 * position p = (outRow, outCol); entry (kk, p) is the input value that output
 * p sees through tap kk (0 where the window hangs over the zero padding).
 * Then out[F, P] = w[F, K] · cols[K, P] with K = C·HH·WW, P = H'·W'.
 *
 * The matrix is never stored row-major: im2col writes each entry straight
 * into the packed panel layout the GEMM micro-kernel reads (see gemm.ts),
 * entry (kk, p) going to `rowOffset[kk] + colOffset[p]`. That layout is
 * separable in kk and p, for cols (forward) as for colsᵀ (weight gradient),
 * so one loop serves both and saves a copy of the largest matrix.
 *
 * col2im is its adjoint: it adds each entry back onto the input position it
 * came from, which is exactly the input gradient of the convolution.
 */
import type { ConvGeometry } from './geometry.ts';

/** Offset tables are rebuilt only when a layer's sizes change: a training loop reuses a handful of them. */
const offsetCache = new Map<string, Int32Array>();

function cachedOffsets(key: string, count: number, at: (i: number) => number): Int32Array {
  let table = offsetCache.get(key);
  if (table === undefined) {
    if (offsetCache.size > 64) offsetCache.clear();
    table = new Int32Array(count);
    for (let i = 0; i < count; i++) table[i] = at(i);
    offsetCache.set(key, table);
  }
  return table;
}

/** Offsets along a dimension cut into panels of `panel`, each `depth` deep: i → ⌊i/panel⌋·depth·panel + i mod panel. */
export function panelOffsets(count: number, panel: number, depth: number): Int32Array {
  return cachedOffsets(`p${count},${panel},${depth}`, count, (i) => Math.floor(i / panel) * depth * panel + (i % panel));
}

/** Offsets along the depth (k) dimension of a panel layout: k → k·panel. */
export function depthOffsets(count: number, panel: number): Int32Array {
  return cachedOffsets(`d${count},${panel}`, count, (k) => k * panel);
}

/** Zeroes the padding entries (kk ≥ K or p ≥ P) of a packed matrix with offsets for Kp × Pp entries. */
export function zeroPadding(dst: Float32Array, dstOff: number, rowOffset: Int32Array, colOffset: Int32Array, K: number, P: number): void {
  for (let kk = 0; kk < rowOffset.length; kk++) {
    for (let p = kk < K ? P : 0; p < colOffset.length; p++) dst[dstOff + rowOffset[kk] + colOffset[p]] = 0;
  }
}

/** First output column whose tap j falls inside the input (not in the left padding). */
function firstValid(g: ConvGeometry, j: number): number {
  return Math.min(g.outWidth, Math.max(0, Math.ceil((g.pad - j) / g.stride)));
}

/** One past the last output column whose tap j falls inside the input (not in the right padding). */
function endValid(g: ConvGeometry, j: number, first: number): number {
  return Math.max(first, Math.min(g.outWidth, Math.floor((g.W - 1 + g.pad - j) / g.stride) + 1));
}

/** Writes entry (kk, p) of image n's column matrix to dst[dstOff + rowOffset[kk] + colOffset[p]]. */
export function im2colPacked(
  x: Float32Array,
  n: number,
  g: ConvGeometry,
  dst: Float32Array,
  dstOff: number,
  rowOffset: Int32Array,
  colOffset: Int32Array,
): void {
  const { C, H, W, stride, pad, outHeight, outWidth } = g;
  const imageOffset = n * C * H * W;
  let kk = 0;
  for (let c = 0; c < C; c++) {
    for (let i = 0; i < g.filterHeight; i++) {
      for (let j = 0; j < g.filterWidth; j++, kk++) {
        const first = firstValid(g, j),
          end = endValid(g, j, first);
        const rowBase = dstOff + rowOffset[kk];
        for (let outRow = 0, p = 0; outRow < outHeight; outRow++, p += outWidth) {
          const row = outRow * stride - pad + i;
          if (row < 0 || row >= H) {
            for (let outCol = 0; outCol < outWidth; outCol++) dst[rowBase + colOffset[p + outCol]] = 0;
            continue;
          }
          for (let outCol = 0; outCol < first; outCol++) dst[rowBase + colOffset[p + outCol]] = 0;
          let src = imageOffset + (c * H + row) * W + first * stride - pad + j;
          for (let outCol = first; outCol < end; outCol++, src += stride) dst[rowBase + colOffset[p + outCol]] = x[src];
          for (let outCol = end; outCol < outWidth; outCol++) dst[rowBase + colOffset[p + outCol]] = 0;
        }
      }
    }
  }
}

/** Adds dcols (row kk at dcolsOff + kk·rowStride, K × P entries) onto image n of dx; padding entries are dropped. */
export function col2im(dcols: Float32Array, dcolsOff: number, rowStride: number, n: number, g: ConvGeometry, dx: Float32Array): void {
  const { C, H, W, stride, pad, outHeight, outWidth } = g;
  const imageOffset = n * C * H * W;
  let d = dcolsOff;
  for (let c = 0; c < C; c++) {
    for (let i = 0; i < g.filterHeight; i++) {
      for (let j = 0; j < g.filterWidth; j++, d += rowStride) {
        const first = firstValid(g, j),
          end = endValid(g, j, first);
        for (let outRow = 0; outRow < outHeight; outRow++) {
          const row = outRow * stride - pad + i;
          if (row < 0 || row >= H) continue;
          const from = d + outRow * outWidth;
          let dst = imageOffset + (c * H + row) * W + first * stride - pad + j;
          for (let outCol = first; outCol < end; outCol++, dst += stride) dx[dst] += dcols[from + outCol];
        }
      }
    }
  }
}
