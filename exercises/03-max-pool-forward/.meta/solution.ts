/** Reference solution of exercise 03: max pooling, each channel on its own. */
import { Tensor, index4, type PoolParams } from '@convkit/engine';
import { outputSize } from '../../01-output-size/.meta/solution.ts';

export function maxPool2dForward(x: Tensor, { size, stride }: PoolParams): Tensor {
  const [N, C, H, W] = x.shape;
  const outHeight = outputSize(H, size, stride, 0);
  const outWidth = outputSize(W, size, stride, 0);
  const out = new Tensor([N, C, outHeight, outWidth], undefined, x.dtype);
  for (let n = 0; n < N; n++) {
    for (let c = 0; c < C; c++) {
      for (let i = 0; i < outHeight; i++) {
        for (let j = 0; j < outWidth; j++) {
          let max = -Infinity;
          for (let p = 0; p < size; p++) {
            for (let q = 0; q < size; q++) {
              max = Math.max(max, x.data[index4(x.shape, n, c, i * stride + p, j * stride + q)]);
            }
          }
          out.data[index4(out.shape, n, c, i, j)] = max;
        }
      }
    }
  }
  return out;
}
