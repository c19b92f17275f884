/**
 * Shared by the visible tests of the backward exercises (05, 07): the numerical gradient that a
 * backward pass must match, and a float64 closeness check.
 */
import { expect } from 'vitest';
import type { Tensor } from '@convkit/engine';
import { numericalGradient as engineNumericalGradient } from '@convkit/engine/testing';

/**
 * Central differences of sum(f(x) · dout), element by element (h = 1e-5), in float64: for each
 * element i, nudge x[i] up and down by h, run f both times, and divide the change by 2h.
 * When f returns a number (a loss), dout is left out and the gradient is of that number.
 * (The engine's numericalGradient does the work: the same one the grader uses.)
 */
export function numericalGradient(f: (x: Tensor) => Tensor | number, x: Tensor, dout?: Tensor): number[] {
  return Array.from(engineNumericalGradient(f, x, dout).data);
}

/** Every element of `a` equals `b`'s to 6 decimals. */
export const close = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).forEach((v, i) => expect(v).toBeCloseTo(b[i], 6));
