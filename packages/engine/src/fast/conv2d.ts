/**
 * Fast float32 conv2d: per image, im2col then one GEMM (see im2col.ts).
 *   forward:  out_n[F, P]  = w[F, K] · cols_n[K, P] + b
 *   backward: dw[F, K]    += dout_n[F, P] · cols_nᵀ[P, K]
 *             dcols[K, P]  = wᵀ[K, F] · dout_n[F, P], then col2im → dx_n
 *             db[f]        = Σ dout[n, f, :, :]
 * Arguments are assumed checked (functional.ts runs the reference checks).
 */
import { Tensor } from '../tensor.ts';
import type { ConvParams, WeightGradients } from '../ops/params.ts';
import { convGeometry } from './geometry.ts';
import { gemm, matrix, transposed } from './gemm.ts';
import { im2col, col2im } from './im2col.ts';
import { scratch } from './scratch.ts';

export function fastConv2dForward(x: Tensor, w: Tensor, b: Tensor, params: ConvParams): Tensor {
  const g = convGeometry(x.shape, w.shape, params);
  const K = g.C * g.filterHeight * g.filterWidth, P = g.outHeight * g.outWidth;
  const out = new Tensor([g.N, g.F, g.outHeight, g.outWidth]);
  const cols = scratch('cols', K * P);
  const weights = matrix(w.data as Float32Array, K);
  for (let n = 0; n < g.N; n++) {
    im2col(x.data as Float32Array, n, g, cols);
    const outOffset = n * g.F * P;
    gemm(g.F, P, K, weights, matrix(cols, P), { data: out.data as Float32Array, offset: outOffset, rowStride: P });
    for (let f = 0; f < g.F; f++) {
      const bias = b.data[f], start = outOffset + f * P;
      for (let p = start; p < start + P; p++) out.data[p] += bias;
    }
  }
  return out;
}

export function fastConv2dBackward(dout: Tensor, x: Tensor, w: Tensor, params: ConvParams): WeightGradients<Tensor> {
  const g = convGeometry(x.shape, w.shape, params);
  const K = g.C * g.filterHeight * g.filterWidth, P = g.outHeight * g.outWidth;
  const dx = new Tensor(x.shape), dw = new Tensor(w.shape), db = new Tensor([g.F]);
  const cols = scratch('cols', K * P), dcols = scratch('dcols', K * P);
  const upstream = dout.data as Float32Array;
  const weightsT = transposed(matrix(w.data as Float32Array, K));
  const dwOut = { data: dw.data as Float32Array, offset: 0, rowStride: K };
  for (let n = 0; n < g.N; n++) {
    const doutN = matrix(upstream, P, n * g.F * P);
    im2col(x.data as Float32Array, n, g, cols);
    gemm(g.F, K, P, doutN, transposed(matrix(cols, P)), dwOut, n > 0);
    gemm(K, P, g.F, weightsT, doutN, { data: dcols, offset: 0, rowStride: P });
    col2im(dcols, n, g, dx.data as Float32Array);
  }
  for (let f = 0; f < g.F; f++) {
    let sum = 0; // float64 sum over the batch and positions
    for (let n = 0; n < g.N; n++) {
      const start = (n * g.F + f) * P;
      for (let p = start; p < start + P; p++) sum += upstream[p];
    }
    db.data[f] = sum;
  }
  return { dx, dw, db };
}
