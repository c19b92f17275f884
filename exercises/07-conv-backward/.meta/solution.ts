/** Reference solution of exercise 07: the convolution backward pass, the forward loops run in reverse. */
import { Tensor, index4, type ConvParams, type WeightGradients } from '@convkit/engine';

export function conv2dBackward(dout: Tensor, x: Tensor, w: Tensor, { stride, pad }: ConvParams): WeightGradients<Tensor> {
  const [N, C, H, W] = x.shape;
  const [F, , filterHeight, filterWidth] = w.shape;
  const [, , outHeight, outWidth] = dout.shape;
  const dx = new Tensor(x.shape, undefined, x.dtype);
  const dw = new Tensor(w.shape, undefined, x.dtype);
  const db = new Tensor([F], undefined, x.dtype);
  for (let n = 0; n < N; n++) {
    for (let f = 0; f < F; f++) {
      for (let i = 0; i < outHeight; i++) {
        for (let j = 0; j < outWidth; j++) {
          const g = dout.data[index4(dout.shape, n, f, i, j)];
          db.data[f] += g;
          // out[n,f,i,j] = b[f] + Σ x[n,c,row,col]·w[f,c,p,q]: each product passes g to both factors.
          for (let c = 0; c < C; c++) {
            for (let p = 0; p < filterHeight; p++) {
              const row = i * stride - pad + p;
              if (row < 0 || row >= H) continue;
              // x[n, c, row, ·] and w[f, c, p, ·] are contiguous rows: walk them by column.
              const xRow = index4(x.shape, n, c, row, 0);
              const wRow = index4(w.shape, f, c, p, 0);
              for (let q = 0; q < filterWidth; q++) {
                const col = j * stride - pad + q;
                if (col < 0 || col >= W) continue;
                dx.data[xRow + col] += g * w.data[wRow + q];
                dw.data[wRow + q] += g * x.data[xRow + col];
              }
            }
          }
        }
      }
    }
  }
  return { dx, dw, db };
}
