/** Reference solution of exercise 06: each window's gradient goes to its (first) maximum. */
import { Tensor, index4, type PoolParams } from '@convkit/engine';

export function maxPool2dBackward(dout: Tensor, x: Tensor, { size, stride }: PoolParams): Tensor {
  const [N, C] = x.shape;
  const [, , outHeight, outWidth] = dout.shape;
  const dx = new Tensor(x.shape, undefined, x.dtype);
  for (let n = 0; n < N; n++) {
    for (let c = 0; c < C; c++) {
      for (let i = 0; i < outHeight; i++) {
        for (let j = 0; j < outWidth; j++) {
          // Find the FIRST maximum in row-major window order: a strict > keeps the earlier one on a tie.
          let best = index4(x.shape, n, c, i * stride, j * stride);
          for (let p = 0; p < size; p++) {
            for (let q = 0; q < size; q++) {
              const at = index4(x.shape, n, c, i * stride + p, j * stride + q);
              if (x.data[at] > x.data[best]) best = at;
            }
          }
          // += because overlapping windows (stride < size) can pick the same input.
          dx.data[best] += dout.data[index4(dout.shape, n, c, i, j)];
        }
      }
    }
  }
  return dx;
}
