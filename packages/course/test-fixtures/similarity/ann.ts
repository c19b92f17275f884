import { Tensor, index4, type ConvParams } from '@convkit/engine';

/** Reads x at (n, c, row, col), or 0 in the padding. */
function valueAt(x: Tensor, n: number, c: number, row: number, col: number): number {
  const [, , H, W] = x.shape;
  if (row < 0 || row >= H || col < 0 || col >= W) return 0;
  return x.data[index4(x.shape, n, c, row, col)];
}

export function conv2dForward(x: Tensor, w: Tensor, b: Tensor, { stride, pad }: ConvParams): Tensor {
  const [N, C, H, W] = x.shape;
  const [F, , HH, WW] = w.shape;
  const outH = (H - HH + 2 * pad) / stride + 1;
  const outW = (W - WW + 2 * pad) / stride + 1;
  if (!Number.isInteger(outH) || !Number.isInteger(outW) || outH < 1 || outW < 1) {
    throw new Error(`conv2dForward: expected the filters to fit the padded input, got an output of ${outH} x ${outW}`);
  }
  const out = new Tensor([N, F, outH, outW], undefined, x.dtype);
  for (let n = 0; n < N; n++) {
    for (let f = 0; f < F; f++) {
      for (let i = 0; i < outH; i++) {
        for (let j = 0; j < outW; j++) {
          let sum = b.data[f];
          for (let c = 0; c < C; c++) {
            for (let p = 0; p < HH; p++) {
              for (let q = 0; q < WW; q++) {
                sum += valueAt(x, n, c, i * stride - pad + p, j * stride - pad + q) * w.data[index4(w.shape, f, c, p, q)];
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
