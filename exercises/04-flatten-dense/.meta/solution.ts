/** Reference solution of exercise 04: flatten a volume, then a fully connected layer. */
import { Tensor } from '@convkit/engine';

export function flattenForward(x: Tensor): Tensor {
  const N = x.shape[0];
  // Row-major order already lists each example's C·H·W values together: only the shape changes.
  return new Tensor([N, x.size / N], x.data.slice(), x.dtype);
}

export function denseForward(x: Tensor, w: Tensor, b: Tensor): Tensor {
  const [N, D] = x.shape;
  const M = w.shape[1];
  const out = new Tensor([N, M], undefined, x.dtype);
  for (let n = 0; n < N; n++) {
    for (let m = 0; m < M; m++) {
      let sum = b.data[m];
      for (let d = 0; d < D; d++) sum += x.data[n * D + d] * w.data[d * M + m];
      out.data[n * M + m] = sum;
    }
  }
  return out;
}
