import { describe, expect, it } from 'vitest';
import { Tensor } from '@convkit/engine';
import { compareNumber, compareResult, compareTensor, fmt, maxRelativeError, relativeError, unravel } from '../src/compare.ts';
import { toWire } from '../src/spec/kit.ts';
import type { WireValue } from '../src/sandbox/protocol.ts';

const wire = (t: Tensor): WireValue => toWire(t) as WireValue;
const t64 = (shape: number[], data: number[]): Tensor => new Tensor(shape, data, 'float64');

describe('relative error', () => {
  it('is |a − e| / max(|a|, |e|): 1 vs 1.1 gives 0.1/1.1, a factor of 2 gives 0.5, a flipped sign 2', () => {
    expect(relativeError(1.1, 1, 1e-12)).toBeCloseTo(0.1 / 1.1, 15);
    expect(relativeError(2, 1, 1e-12)).toBe(0.5);
    expect(relativeError(-3, 3, 1e-12)).toBe(2);
    expect(relativeError(2, 2, 1e-12)).toBe(0);
  });
  it('uses the floor for values that should be 0: 3e-17 vs 0 with floor 1e-6 is 3e-11', () => {
    expect(relativeError(3e-17, 0, 1e-6)).toBeCloseTo(3e-11, 20);
  });
  it('maxRelativeError over arrays sets the floor at 1e-6 × the largest expected value', () => {
    // expected [1, 0]: floor 1e-6; actual [1, 1e-13]: 1e-13 / 1e-6 = 1e-7
    expect(maxRelativeError([1, 1e-13], [1, 0])).toBeCloseTo(1e-7, 15);
    expect(maxRelativeError([1, NaN], [1, 0])).toBe(Infinity);
  });
});

describe('unravel', () => {
  it('flat 29 in [2,3,4,4] is [0,1,3,1] (29 = 1·16 + 3·4 + 1)', () => {
    expect(unravel(29, [2, 3, 4, 4])).toEqual([0, 1, 3, 1]);
    expect(unravel(95, [2, 3, 4, 4])).toEqual([1, 2, 3, 3]);
  });
});

describe('compareTensor messages', () => {
  const expected = t64([1, 1, 2, 2], [19, 25, 37, 43]);

  it('matching values within 1e-6 give null', () => {
    expect(compareTensor(expected, wire(t64([1, 1, 2, 2], [19, 25, 37, 43 * (1 + 1e-9)])), 'out')).toBeNull();
  });
  it('the first differing index with expected vs actual, and how many differ', () => {
    expect(compareTensor(expected, wire(t64([1, 1, 2, 2], [19, 25, 36, 44])), 'out')).toBe(
      'out[0, 0, 1, 0] (flat index 2): expected 37, got 36; 2 of 4 values differ (max |a−b| = 1.0e+0, max relative error |a−b|/max(|a|,|b|) = 2.7e-2 > tolerance 1e-6)',
    );
  });
  it('a shape mismatch with the explanation the exercise gives', () => {
    const message = compareTensor(expected, wire(t64([1, 1, 3, 3], new Array(9).fill(0))), 'out', {
      explainShape: () => "H' = (3 − 2 + 2·0)/1 + 1 = 2",
    });
    expect(message).toBe("out: expected shape [1, 1, 2, 2], got [1, 1, 3, 3] — H' = (3 − 2 + 2·0)/1 + 1 = 2");
  });
  it('NaN / Infinity by index', () => {
    expect(compareTensor(expected, wire(t64([1, 1, 2, 2], [19, Infinity, 37, 43])), 'out')).toBe(
      'out contains Infinity at out[0, 0, 0, 1] (flat index 1); expected 25',
    );
  });
  it('dtype: ops keep their input dtype', () => {
    expect(compareTensor(expected, wire(new Tensor([1, 1, 2, 2], [19, 25, 37, 43], 'float32')), 'out')).toBe(
      'out: expected dtype float64 (ops keep the dtype of their input), got float32',
    );
  });
  it('not a tensor at all', () => {
    expect(compareTensor(expected, { __undefined: true }, 'out')).toBe(
      'out: expected a Tensor of shape [1, 1, 2, 2], got undefined (did you forget to return?)',
    );
    expect(compareTensor(expected, [1, 2], 'out')).toBe('out: expected a Tensor of shape [1, 1, 2, 2], got an array of 2 values');
  });
});

describe('compareResult on structured results', () => {
  it('{dx, dw, db}: names the field that differs', () => {
    const exp = { dx: t64([2], [1, 2]), dw: t64([1], [3]), db: t64([1], [4]) };
    const got = { dx: wire(t64([2], [1, 2])), dw: wire(t64([1], [3.5])), db: wire(t64([1], [4])) };
    expect(compareResult(exp, got, 'out')).toBe(
      'dw[0] (flat index 0): expected 3, got 3.5; 1 of 1 values differ (max |a−b| = 5.0e-1, max relative error |a−b|/max(|a|,|b|) = 1.4e-1 > tolerance 1e-6)',
    );
  });
  it('a missing field lists the expected ones', () => {
    expect(compareResult({ loss: 1, dscores: t64([1], [0]) }, { loss: 1 }, 'result')).toBe(
      'result: expected an object {loss, dscores}, got an object with keys {loss}',
    );
  });
  it('numbers: the loss', () => {
    expect(compareNumber(Math.log(3), Math.log(3) + 1e-12, 'loss')).toBeNull();
    expect(compareNumber(1, 1.5, 'loss')).toBe('loss: expected 1, got 1.5 (|a−b| = 5.0e-1, relative error |a−b|/max(|a|,|b|) = 3.3e-1 > tolerance 1e-6)');
    expect(compareNumber(1.25, 2.5, 'loss')).toContain('\nlooks like: your value is exactly 2× the expected one');
  });
  it('fmt shows 8 significant digits', () => {
    expect(fmt(0.123456789123)).toBe('0.12345679');
    expect(fmt(-0)).toBe('0');
  });
});
