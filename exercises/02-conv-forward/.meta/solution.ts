/** Reference solution of exercise 02: the naive convolution forward pass, one loop per index. */
import { Tensor, index4, type ConvParams } from '@convkit/engine';
import { outputSize } from '../../01-output-size/.meta/solution.ts';

export function conv2dForward(x: Tensor, w: Tensor, b: Tensor, { stride, pad }: ConvParams): Tensor {
  const [N, C, H, W] = x.shape;
  const [F, , filterHeight, filterWidth] = w.shape;
  const outHeight = outputSize(H, filterHeight, stride, pad);
  const outWidth = outputSize(W, filterWidth, stride, pad);
  const out = new Tensor([N, F, outHeight, outWidth], undefined, x.dtype);
  for (let n = 0; n < N; n++) {
    for (let f = 0; f < F; f++) {
      for (let i = 0; i < outHeight; i++) {
        for (let j = 0; j < outWidth; j++) {
          let sum = b.data[f];
          for (let c = 0; c < C; c++) {
            for (let p = 0; p < filterHeight; p++) {
              const row = i * stride - pad + p;
              if (row < 0 || row >= H) continue; // a padding zero adds nothing
              // x[n, c, row, ·] and w[f, c, p, ·] are contiguous rows: walk them by column.
              const xRow = index4(x.shape, n, c, row, 0);
              const wRow = index4(w.shape, f, c, p, 0);
              for (let q = 0; q < filterWidth; q++) {
                const col = j * stride - pad + q;
                if (col < 0 || col >= W) continue;
                sum += x.data[xRow + col] * w.data[wRow + q];
              }
            }
          }
          out.data[index4(out.shape, n, f, i, j)] = sum;
        }
      }
    }
  }
  return out;
}
