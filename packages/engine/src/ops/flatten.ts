/**
 * Flattening: the activation maps of one example, a C × H × W volume, become
 * one long vector of C·H·W numbers that a dense layer (a multilayer perceptron)
 * can take. Row-major order is kept, so nothing moves: only the shape changes.
 */
import { Tensor, sizeOf } from '../tensor.ts';
import { checkFinite, checkNonEmpty, checkShapeEquals, checkTensor, fmtShape } from '../check.ts';

/** [N, C, H, W] (or any [N, ...]) → [N, C·H·W]. The result has its own copy of the data. */
export function flattenForward(x: Tensor): Tensor {
  const op = 'flattenForward';
  checkTensor(op, 'x', x);
  if (x.rank < 2) {
    throw new Error(`${op}: expected x of rank ≥ 2 [N, ...] (a batch of examples), got rank ${x.rank} ${fmtShape(x.shape)}`);
  }
  checkNonEmpty(op, 'x', x, 'N, ...');
  checkFinite(op, 'x', x);
  const [N, ...example] = x.shape;
  return new Tensor([N, sizeOf(example)], x.data.slice(), x.dtype);
}

/** Gradient of flattening: dout [N, C·H·W] reshaped back to the input's shape `xShape`. */
export function flattenBackward(dout: Tensor, xShape: readonly number[]): Tensor {
  const op = 'flattenBackward';
  checkTensor(op, 'dout', dout);
  const validShape = Array.isArray(xShape) && xShape.length >= 2 && xShape.every((d) => Number.isInteger(d) && d >= 1);
  if (!validShape) {
    const got = Array.isArray(xShape) ? fmtShape(xShape) : String(xShape);
    throw new Error(`${op}: expected xShape to be the forward input's shape [N, ...] of integers ≥ 1, got ${got}`);
  }
  const [N, ...example] = xShape;
  checkShapeEquals(op, 'dout', dout, [N, sizeOf(example)]);
  checkFinite(op, 'dout', dout);
  return new Tensor(xShape, dout.data.slice(), dout.dtype);
}
