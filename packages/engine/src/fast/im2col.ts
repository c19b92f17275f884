/**
 * im2col turns one image's convolution into a matrix product. Row k of the
 * column matrix is one filter tap k = (c, i, j); column p is one output
 * position p = (outRow, outCol); entry (k, p) is the input value that output
 * p sees through tap k (0 where the window hangs over the zero padding).
 * Then out[F, P] = w[F, K] · cols[K, P] with K = C·HH·WW, P = H'·W'.
 * col2im is its adjoint: it adds each entry back onto the input position it
 * came from, which is exactly the input gradient of the convolution.
 */
import type { ConvGeometry } from './geometry.ts';

/** The output columns [first, end) whose tap j falls inside the input width (not in the padding). */
function validColumns(g: ConvGeometry, j: number): [number, number] {
  const first = Math.min(g.outWidth, Math.max(0, Math.ceil((g.pad - j) / g.stride)));
  const end = Math.max(first, Math.min(g.outWidth, Math.floor((g.W - 1 + g.pad - j) / g.stride) + 1));
  return [first, end];
}

/** Fills cols [C·HH·WW, H'·W'] from image n of x (NCHW). */
export function im2col(x: Float32Array, n: number, g: ConvGeometry, cols: Float32Array): void {
  const { C, H, W, stride, pad, outHeight, outWidth } = g;
  const imageOffset = n * C * H * W;
  let d = 0;
  for (let c = 0; c < C; c++) {
    for (let i = 0; i < g.filterHeight; i++) {
      for (let j = 0; j < g.filterWidth; j++) {
        const [first, end] = validColumns(g, j);
        for (let outRow = 0; outRow < outHeight; outRow++, d += outWidth) {
          const row = outRow * stride - pad + i;
          if (row < 0 || row >= H) {
            cols.fill(0, d, d + outWidth);
            continue;
          }
          cols.fill(0, d, d + first);
          let src = imageOffset + (c * H + row) * W + first * stride - pad + j;
          for (let outCol = first; outCol < end; outCol++, src += stride) cols[d + outCol] = x[src];
          cols.fill(0, d + end, d + outWidth);
        }
      }
    }
  }
}

/** Adds dcols [C·HH·WW, H'·W'] onto image n of dx (NCHW); padding entries are dropped. */
export function col2im(dcols: Float32Array, n: number, g: ConvGeometry, dx: Float32Array): void {
  const { C, H, W, stride, pad, outHeight, outWidth } = g;
  const imageOffset = n * C * H * W;
  let d = 0;
  for (let c = 0; c < C; c++) {
    for (let i = 0; i < g.filterHeight; i++) {
      for (let j = 0; j < g.filterWidth; j++) {
        const [first, end] = validColumns(g, j);
        for (let outRow = 0; outRow < outHeight; outRow++, d += outWidth) {
          const row = outRow * stride - pad + i;
          if (row < 0 || row >= H) continue;
          let dst = imageOffset + (c * H + row) * W + first * stride - pad + j;
          for (let outCol = first; outCol < end; outCol++, dst += stride) dx[dst] += dcols[d + outCol];
        }
      }
    }
  }
}
