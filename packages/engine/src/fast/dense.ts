/**
 * Fast float32 dense layer: three GEMMs.
 *   forward:  out[N, M] = x[N, D] · w[D, M] + b
 *   backward: dx[N, D] = dout[N, M] · wᵀ[M, D],  dw[D, M] = xᵀ[D, N] · dout[N, M],  db = Σₙ dout[n, :]
 * Arguments are assumed checked (functional.ts runs the reference checks).
 * A training layer passes its reused buffers (`out`, `into`), which are
 * overwritten; `into.dx === null` skips the input gradient.
 */
import { Tensor } from '../tensor.ts';
import type { WeightGradients } from '../ops/params.ts';
import { gemm, matrix, transposed } from './gemm.ts';

/** Where the backward pass writes; the shapes of x, w and [M]. */
export interface DenseGradientBuffers {
  dx: Tensor | null;
  dw: Tensor;
  db: Tensor;
}

/** `out`, when given, must have the shape [N, M]. */
export function fastDenseForward(x: Tensor, w: Tensor, b: Tensor, out?: Tensor): Tensor {
  const [N, D] = x.shape,
    M = w.shape[1];
  out ??= new Tensor([N, M]);
  const o = out.data as Float32Array,
    bias = b.data;
  gemm(N, M, D, matrix(x.data as Float32Array, D), matrix(w.data as Float32Array, M), { data: o, offset: 0, rowStride: M });
  for (let n = 0; n < N; n++) for (let m = 0; m < M; m++) o[n * M + m] += bias[m];
  return out;
}

export function fastDenseBackward(dout: Tensor, x: Tensor, w: Tensor): WeightGradients<Tensor>;
export function fastDenseBackward(dout: Tensor, x: Tensor, w: Tensor, into: DenseGradientBuffers): DenseGradientBuffers;
export function fastDenseBackward(dout: Tensor, x: Tensor, w: Tensor, into?: DenseGradientBuffers): DenseGradientBuffers {
  const [N, D] = x.shape,
    M = w.shape[1];
  const dx = into ? into.dx : new Tensor([N, D]),
    dw = into?.dw ?? new Tensor([D, M]),
    db = into?.db ?? new Tensor([M]);
  const upstream = matrix(dout.data as Float32Array, M),
    up = dout.data;
  if (dx !== null) {
    gemm(N, D, M, upstream, transposed(matrix(w.data as Float32Array, M)), { data: dx.data as Float32Array, offset: 0, rowStride: D });
  }
  gemm(D, M, N, transposed(matrix(x.data as Float32Array, D)), upstream, { data: dw.data as Float32Array, offset: 0, rowStride: M });
  for (let m = 0; m < M; m++) {
    let sum = 0;
    for (let n = 0; n < N; n++) sum += up[n * M + m];
    db.data[m] = sum;
  }
  return { dx, dw, db };
}
