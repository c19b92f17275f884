import { describe, expect, it } from 'vitest';
import { Tensor } from '../tensor.ts';
import { GRADIENT_STEP, numericalGradient, relError } from './gradcheck.ts';

const f64 = (values: number[]): Tensor => new Tensor([values.length], values, 'float64');

describe('numericalGradient against derivatives worked by hand', () => {
  it('of a loss L(x) = Σ x³ at x=[4]: 3x² = [3, 12, 0.75, 0]', () => {
    const x = f64([1, -2, 0.5, 0]);
    const grad = numericalGradient((v) => Array.from(v.data).reduce((s, t) => s + t ** 3, 0), x);
    // Central differences are off by h²·f'''/6 = 1e-10 here.
    Array.from(grad.data).forEach((g, i) => expect(g).toBeCloseTo([3, 12, 0.75, 0][i], 9));
    expect(grad.dtype).toBe('float64');
    expect(Array.from(x.data)).toEqual([1, -2, 0.5, 0]); // restored after every probe
  });

  it('of an op y = x ⊙ x [3] against dout=[1, 2, 3]: 2·x·dout', () => {
    const x = f64([1.5, -1, 2]);
    const square = (v: Tensor): Tensor =>
      new Tensor(
        v.shape,
        Array.from(v.data, (t) => t * t),
        'float64',
      );
    const grad = numericalGradient(square, x, f64([1, 2, 3]));
    Array.from(grad.data).forEach((g, i) => expect(g).toBeCloseTo([3, -4, 12][i], 9));
  });

  it('of an op without dout: the gradient of its sum (dout of ones), y = [x0·x1, x1] [2]', () => {
    const x = f64([2, 5]);
    const grad = numericalGradient((v) => f64([v.data[0] * v.data[1], v.data[1]]), x);
    // ∂(x0·x1 + x1)/∂x0 = x1 = 5, ∂/∂x1 = x0 + 1 = 3.
    Array.from(grad.data).forEach((g, i) => expect(g).toBeCloseTo([5, 3][i], 9));
  });

  it('of a float32 x=[1]: divides by the step x really held (1.1 ± 1e-5 is rounded), so 3x gives 3', () => {
    const x = new Tensor([1], [1.1], 'float32');
    // The nominal 2h would give 3.0041 here.
    expect(numericalGradient((v) => 3 * v.data[0], x).data[0]).toBeCloseTo(3, 9);
  });

  it('uses h = 1e-5 (CS231n) unless told', () => {
    const seen: number[] = [];
    numericalGradient((v) => (seen.push(v.data[0]), v.data[0]), f64([0]));
    expect(seen).toEqual([GRADIENT_STEP, -GRADIENT_STEP]);
    expect(GRADIENT_STEP).toBe(1e-5);
  });
});

describe('numericalGradient: bad input is an Error that names it', () => {
  it('a dout whose size is not the output size', () => {
    expect(() => numericalGradient((v) => v.clone(), f64([1, 2]), f64([1, 2, 3]))).toThrow(
      "numericalGradient: expected dout of f's output size 2 [2], got 3 [3]",
    );
  });
  it('an f that returns neither a number nor a Tensor', () => {
    expect(() => numericalGradient(() => 'x' as unknown as number, f64([1]))).toThrow('numericalGradient: expected f to return a number or a Tensor, got x');
  });
  it('a float32 x too large for the step (1000 ± 1e-5 rounds back to 1000)', () => {
    expect(() => numericalGradient((v) => v.data[0], new Tensor([1], [1000], 'float32'))).toThrow(
      'numericalGradient: expected x ± h to differ from x, got x[0] = 1000 where a float32 cannot hold a step of 0.00001; check gradients in float64',
    );
  });
});

describe('relError (CS231n rel_error)', () => {
  it('is max |a − b| / (|a| + |b|) over elements: [1, 2] vs [1, 2.2] gives 0.2 / 4.2', () => {
    expect(relError([1, 2], [1, 2.2])).toBeCloseTo(0.2 / 4.2, 12);
    expect(relError([0], [0])).toBe(0);
  });
  it('refuses arrays of different lengths', () => {
    expect(() => relError([1], [1, 2])).toThrow('relError: expected arrays of equal length, got 1 and 2');
  });
});
