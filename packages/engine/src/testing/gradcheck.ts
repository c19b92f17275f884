/**
 * Checking gradients and comparing results: the one home of the numerical
 * gradient and of the error measures, used by the engine's tests, the grader's
 * specs and the exercises' visible tests through `@convkit/engine/testing`.
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

/** The step h of {@link numericalGradient}: CS231n's, small enough for a 1e-7 truncation error, large enough for float64 rounding. */
export const GRADIENT_STEP = 1e-5;

/**
 * The numerical gradient by central differences, element by element, of
 * - a number (a loss L) that `f(x)` returns: grad[i] = (L(x + h·eᵢ) − L(x − h·eᵢ)) / 2h;
 * - an op's output Tensor that `f(x)` returns, against the upstream gradient `dout` (all ones when
 *   left out, i.e. the gradient of the output's sum): grad[i] = Σₖ (f(x + h·eᵢ)ₖ − f(x − h·eᵢ)ₖ) · doutₖ / 2h,
 *   as CS231n's `eval_numerical_gradient_array` (subtracting before the sum keeps untouched outputs
 *   exactly equal, so they add no rounding).
 *
 * `x.data[i]` is nudged in place and restored after each probe; `f` should read `x` (its argument or
 * the same tensor by closure). The sums and the result are float64 whatever x's dtype, and the division
 * is by the step x actually held (in float32, x ± h is rounded), not by the nominal 2h. Error measure:
 * compare with {@link relError} (CS231n: below 1e-7 is right; in float32 such checks are only good to
 * about 1e-2, so check gradients in float64).
 *
 * @example numericalGradient((v) => v.data[0] ** 2, new Tensor([1], [3], 'float64')).data // [6] (to 1e-9)
 */
export function numericalGradient(f: (x: Tensor) => Tensor | number, x: Tensor, dout?: Tensor, h: number = GRADIENT_STEP): Tensor {
  const op = 'numericalGradient';
  if (!(x instanceof Tensor)) throw new Error(`${op}: expected x to be a Tensor, got ${String(x)}`);
  if (!(h > 0) || !Number.isFinite(h)) throw new Error(`${op}: expected a step h > 0, got ${h}`);
  if (dout !== undefined && !(dout instanceof Tensor)) throw new Error(`${op}: expected dout to be a Tensor or left out, got ${String(dout)}`);
  /** f's output as one number: itself, or its dot product with dout. */
  const probe = (): number | Tensor => {
    const out = f(x);
    if (typeof out === 'number') return out;
    if (!(out instanceof Tensor)) throw new Error(`${op}: expected f to return a number or a Tensor, got ${String(out)}`);
    if (dout !== undefined && dout.size !== out.size) {
      throw new Error(`${op}: expected dout of f's output size ${out.size} [${out.shape.join(', ')}], got ${dout.size} [${dout.shape.join(', ')}]`);
    }
    return out;
  };
  const grad = Tensor.zeros(x.shape, 'float64');
  for (let i = 0; i < x.size; i++) {
    const old = x.data[i];
    x.data[i] = old + h;
    const up = x.data[i];
    const plus = probe();
    x.data[i] = old - h;
    const down = x.data[i];
    const minus = probe();
    x.data[i] = old;
    if (!(up > down)) {
      throw new Error(`${op}: expected x ± h to differ from x, got x[${i}] = ${old} where a ${x.dtype} cannot hold a step of ${h}; check gradients in float64`);
    }
    let diff = 0;
    if (typeof plus === 'number' && typeof minus === 'number') diff = plus - minus;
    else if (plus instanceof Tensor && minus instanceof Tensor) {
      for (let k = 0; k < plus.size; k++) diff += (plus.data[k] - minus.data[k]) * (dout === undefined ? 1 : dout.data[k]);
    } else throw new Error(`${op}: expected f to return the same kind of value each time, got ${typeof plus} and ${typeof minus}`);
    grad.data[i] = diff / (up - down);
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
