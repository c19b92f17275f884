/**
 * Shared by the visible tests of the backward exercises (05, 07): the numerical gradient that a
 * backward pass must match, and a float64 closeness check.
 */
import { expect } from 'vitest';
import type { Tensor } from '@convkit/engine';

/**
 * Central differences of sum(f(x) · dout), element by element (h = 1e-5), in float64.
 * When f returns a number (a loss), dout is left out and the gradient is of that number.
 */
export function numericalGradient(f: (x: Tensor) => Tensor | number, x: Tensor, dout?: Tensor): number[] {
  const dot = (out: Tensor | number) => (typeof out === 'number' ? out : Array.from(out.data).reduce((s, v, i) => s + v * (dout ? dout.data[i] : 1), 0));
  return Array.from(x.data, (old, i) => {
    x.data[i] = old + 1e-5;
    const plus = dot(f(x));
    x.data[i] = old - 1e-5;
    const minus = dot(f(x));
    x.data[i] = old;
    return (plus - minus) / 2e-5;
  });
}

/** Every element of `a` equals `b`'s to 6 decimals. */
export const close = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).forEach((v, i) => expect(v).toBeCloseTo(b[i], 6));
