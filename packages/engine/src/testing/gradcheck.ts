/**
 * Test helpers for checking gradients and comparing results, shared by every
 * test of the engine (and usable by the grader and exercises). Not part of the
 * public API.
 */
import { Tensor, type DType } from '../tensor.ts';
import { Rng, randomNormal } from '../random.ts';

/**
 * CS231n's `rel_error`: max over elements of |a − b| / max(1e-8, |a| + |b|).
 * Throws when the lengths differ, so a shape bug cannot pass as a small error.
 */
export function relError(a: Tensor | ArrayLike<number>, b: Tensor | ArrayLike<number>): number {
  const x = a instanceof Tensor ? a.data : a;
  const y = b instanceof Tensor ? b.data : b;
  if (x.length !== y.length) throw new Error(`relError: expected arrays of equal length, got ${x.length} and ${y.length}`);
  let worst = 0;
  for (let i = 0; i < x.length; i++) {
    worst = Math.max(worst, Math.abs(x[i] - y[i]) / Math.max(1e-8, Math.abs(x[i]) + Math.abs(y[i])));
  }
  return worst;
}

/**
 * The largest difference relative to the reference's scale:
 * max |a − b| / max |b|. For float32 comparisons, where elementwise relative
 * error is meaningless for values near zero.
 */
export function scaledMaxError(a: Tensor | ArrayLike<number>, reference: Tensor | ArrayLike<number>): number {
  const x = a instanceof Tensor ? a.data : a;
  const y = reference instanceof Tensor ? reference.data : reference;
  if (x.length !== y.length) throw new Error(`scaledMaxError: expected arrays of equal length, got ${x.length} and ${y.length}`);
  let diff = 0;
  let scale = 1e-12;
  for (let i = 0; i < x.length; i++) {
    diff = Math.max(diff, Math.abs(x[i] - y[i]));
    scale = Math.max(scale, Math.abs(y[i]));
  }
  return diff / scale;
}

/**
 * Central-difference gradient of a function of `x`, element by element,
 * nudging x.data[i] by ±h in place (restored afterwards):
 * - `f` returns a number (a loss L): grad[i] = (L(x + h) − L(x − h)) / 2h;
 * - `f` returns a Tensor (an op's output) and `dout` is the upstream gradient:
 *   grad[i] = Σ (f(x + h) − f(x − h)) · dout / 2h, as CS231n's
 *   `eval_numerical_gradient_array` (subtracting before the sum keeps
 *   untouched outputs exactly equal).
 * Use float64: in float32 such checks are only good to about 1e-2.
 */
export function numericGradient(f: () => Tensor | number, x: Tensor, dout?: Tensor, h = 1e-5): Tensor {
  const grad = Tensor.zeros(x.shape, 'float64');
  for (let i = 0; i < x.size; i++) {
    const old = x.data[i];
    x.data[i] = old + h;
    const plus = f();
    x.data[i] = old - h;
    const minus = f();
    x.data[i] = old;
    if (typeof plus === 'number' && typeof minus === 'number') {
      grad.data[i] = (plus - minus) / (2 * h);
    } else if (plus instanceof Tensor && minus instanceof Tensor && dout !== undefined) {
      let sum = 0;
      for (let k = 0; k < plus.size; k++) sum += (plus.data[k] - minus.data[k]) * dout.data[k];
      grad.data[i] = sum / (2 * h);
    } else {
      throw new Error('numericGradient: expected f to return a number, or a Tensor together with dout');
    }
  }
  return grad;
}

/** `linspace(a, b, n)` as numpy: n evenly spaced values from a to b, both included. */
export function linspace(start: number, stop: number, count: number): number[] {
  const step = (stop - start) / (count - 1);
  return Array.from({ length: count }, (_, i) => start + i * step);
}

/** A seeded standard-normal tensor (float64 unless told), for tests. */
export function randn(shape: readonly number[], seed: number, dtype: DType = 'float64'): Tensor {
  return randomNormal(shape, new Rng(seed), 0, 1, dtype);
}
