/**
 * The fully connected (dense) layer of a multilayer perceptron: every output
 * neuron is connected to every input, y = wᵀx + b, for each example of the batch.
 * In matrix form out = x·w + b with x [N, D], w [D, M], b [M].
 */
import { Tensor } from '../tensor.ts';
import { checkFinite, checkNonEmpty, checkRank, checkSameDtype, checkShapeEquals, checkTensor, fmtShape } from '../check.ts';
import type { WeightGradients } from './params.ts';

function checkDenseArgs(op: string, x: unknown, w: unknown): { N: number; D: number; M: number } {
  checkTensor(op, 'x', x);
  if (x.rank !== 2) {
    // A conv or pool output [N, C, H, W] goes through flattenForward before a dense layer.
    const hint = x.rank > 2 ? ' (flatten it first)' : '';
    throw new Error(`${op}: expected x of rank 2 [N, D], got rank ${x.rank} ${fmtShape(x.shape)}${hint}`);
  }
  checkRank(op, 'w', w, 2, 'D, M');
  checkSameDtype(op, ['x', x], ['w', w]);
  checkNonEmpty(op, 'x', x, 'N, D');
  checkNonEmpty(op, 'w', w, 'D, M');
  const [N, D] = x.shape;
  if (w.shape[0] !== D) {
    throw new Error(`${op}: expected w with D = ${D} rows like the columns of x ${fmtShape(x.shape)}, got D = ${w.shape[0]} in w ${fmtShape(w.shape)}`);
  }
  checkFinite(op, 'x', x);
  checkFinite(op, 'w', w);
  return { N, D, M: w.shape[1] };
}

/** out[n, m] = Σ_d x[n, d]·w[d, m] + b[m]; x [N, D], w [D, M], b [M] → [N, M]. */
export function denseForward(x: Tensor, w: Tensor, b: Tensor): Tensor {
  const op = 'denseForward';
  const { N, D, M } = checkDenseArgs(op, x, w);
  checkRank(op, 'b', b, 1, 'M');
  checkSameDtype(op, ['x', x], ['b', b]);
  if (b.shape[0] !== M) {
    throw new Error(`${op}: expected b of length M = ${M} (one bias per column of w ${fmtShape(w.shape)}), got length ${b.shape[0]}`);
  }
  checkFinite(op, 'b', b);
  const out = Tensor.zeros([N, M], x.dtype);
  for (let n = 0; n < N; n++) {
    for (let m = 0; m < M; m++) {
      let y = b.data[m];
      for (let d = 0; d < D; d++) y += x.data[n * D + d] * w.data[d * M + m];
      out.data[n * M + m] = y;
    }
  }
  return out;
}

/**
 * Gradients of out = x·w + b given dout [N, M]:
 * dx = dout·wᵀ, dw = xᵀ·dout, db = the sum of dout over the batch.
 */
export function denseBackward(dout: Tensor, x: Tensor, w: Tensor): WeightGradients<Tensor> {
  const op = 'denseBackward';
  const { N, D, M } = checkDenseArgs(op, x, w);
  checkRank(op, 'dout', dout, 2, 'N, M');
  checkShapeEquals(op, 'dout', dout, [N, M]);
  checkSameDtype(op, ['x', x], ['dout', dout]);
  checkFinite(op, 'dout', dout);
  const dx = Tensor.zeros([N, D], 'float64');
  const dw = Tensor.zeros([D, M], 'float64');
  const db = Tensor.zeros([M], 'float64');
  for (let n = 0; n < N; n++) {
    for (let m = 0; m < M; m++) {
      const upstream = dout.data[n * M + m];
      db.data[m] += upstream;
      for (let d = 0; d < D; d++) {
        dx.data[n * D + d] += w.data[d * M + m] * upstream;
        dw.data[d * M + m] += x.data[n * D + d] * upstream;
      }
    }
  }
  return { dx: dx.astype(x.dtype), dw: dw.astype(x.dtype), db: db.astype(x.dtype) };
}
