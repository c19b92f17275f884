/**
 * Activation functions, applied to every element on its own: the
 * "Activation" in y = Activation(wᵀx + b). Each backward takes dout and the
 * forward INPUT x, and multiplies dout by the derivative at x (the chain rule).
 */
import { Tensor } from '../tensor.ts';
import { checkFinite, checkSameDtype, checkShapeEquals, checkTensor } from '../check.ts';

function mapForward(op: string, x: Tensor, fn: (v: number) => number): Tensor {
  checkTensor(op, 'x', x);
  checkFinite(op, 'x', x);
  const out = Tensor.zerosLike(x);
  for (let i = 0; i < x.size; i++) out.data[i] = fn(x.data[i]);
  return out;
}

/** dx[i] = dout[i]·derivative(x[i]), after checking that dout matches x. */
function mapBackward(op: string, dout: Tensor, x: Tensor, derivative: (v: number) => number): Tensor {
  checkTensor(op, 'dout', dout);
  checkTensor(op, 'x', x);
  checkShapeEquals(op, 'dout', dout, x.shape);
  checkSameDtype(op, ['x', x], ['dout', dout]);
  checkFinite(op, 'x', x);
  checkFinite(op, 'dout', dout);
  const dx = Tensor.zerosLike(x);
  for (let i = 0; i < x.size; i++) dx.data[i] = dout.data[i] * derivative(x.data[i]);
  return dx;
}

/** The logistic function, computed without overflow: exp is only taken of a value ≤ 0. */
function sigmoid(v: number): number {
  if (v >= 0) return 1 / (1 + Math.exp(-v));
  const e = Math.exp(v);
  return e / (1 + e);
}

/** ReLU: max(0, x). */
export function reluForward(x: Tensor): Tensor {
  return mapForward('reluForward', x, (v) => (v > 0 ? v : 0));
}

/** ReLU passes the gradient where x > 0 and blocks it elsewhere (at x = 0 too, by convention). */
export function reluBackward(dout: Tensor, x: Tensor): Tensor {
  return mapBackward('reluBackward', dout, x, (v) => (v > 0 ? 1 : 0));
}

/** Sigmoid: 1 / (1 + e^(-x)), squashing to (0, 1). */
export function sigmoidForward(x: Tensor): Tensor {
  return mapForward('sigmoidForward', x, sigmoid);
}

/** σ'(x) = σ(x)·(1 − σ(x)). */
export function sigmoidBackward(dout: Tensor, x: Tensor): Tensor {
  return mapBackward('sigmoidBackward', dout, x, (v) => {
    const s = sigmoid(v);
    return s * (1 - s);
  });
}

/** Hyperbolic tangent, squashing to (−1, 1). */
export function tanhForward(x: Tensor): Tensor {
  return mapForward('tanhForward', x, Math.tanh);
}

/** tanh'(x) = 1 − tanh(x)². */
export function tanhBackward(dout: Tensor, x: Tensor): Tensor {
  return mapBackward('tanhBackward', dout, x, (v) => {
    const t = Math.tanh(v);
    return 1 - t * t;
  });
}
