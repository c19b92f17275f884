import { describe, expect, it } from 'vitest';
import { Tensor } from '../tensor.ts';
import { flattenBackward, flattenForward } from './flatten.ts';
import { loose } from '../testing/loose.ts';

describe('flattenForward / flattenBackward', () => {
  it('x=[2,3,2,2] → [2,12], row-major: channel by channel, row by row (notes: 32×32×5 → 5120)', () => {
    const values = Array.from({ length: 24 }, (_, i) => i);
    const out = flattenForward(new Tensor([2, 3, 2, 2], values));
    expect(out.shape).toEqual([2, 12]);
    expect(out.toArray()).toEqual([values.slice(0, 12), values.slice(12)]);
    expect(flattenForward(Tensor.zeros([1, 5, 32, 32])).shape).toEqual([1, 5120]);
  });

  it('x=[3,4] (already flat) stays [3,4]; x=[2,3,4] → [2,12]', () => {
    expect(flattenForward(Tensor.zeros([3, 4])).shape).toEqual([3, 4]);
    expect(flattenForward(Tensor.zeros([2, 3, 4])).shape).toEqual([2, 12]);
  });

  it('dout=[2,12] → dx=[2,3,2,2] with the same order, so backward undoes forward', () => {
    const x = new Tensor(
      [2, 3, 2, 2],
      Array.from({ length: 24 }, (_, i) => i * 0.5 - 3),
      'float64',
    );
    const back = flattenBackward(flattenForward(x), x.shape);
    expect(back.shape).toEqual([2, 3, 2, 2]);
    expect(back.dtype).toBe('float64');
    expect(back.data).toEqual(x.data);
  });

  it.each(['float32', 'float64'] as const)('x=[2,2,2,2] in %s: outputs own their data and keep the dtype', (dtype) => {
    const x = Tensor.ones([2, 2, 2, 2], dtype);
    const out = flattenForward(x);
    out.data[0] = 99;
    expect(x.data[0]).toBe(1);
    expect(out.dtype).toBe(dtype);
    const dout = Tensor.ones([2, 8], dtype);
    const dx = flattenBackward(dout, x.shape);
    dx.data[0] = 99;
    expect(dout.data[0]).toBe(1);
    expect(dx.dtype).toBe(dtype);
  });

  it.each<[string, () => unknown, string]>([
    ['x not a Tensor', () => loose(flattenForward)([1, 2]), 'flattenForward: expected x to be a Tensor, got an array'],
    ['x=[6] rank 1', () => flattenForward(Tensor.zeros([6])), 'flattenForward: expected x of rank ≥ 2 [N, ...] (a batch of examples), got rank 1 [6]'],
    ['x=[2,0,3] empty', () => flattenForward(Tensor.zeros([2, 0, 3])), 'flattenForward: expected x with every dimension ≥ 1 [N, ...], got [2, 0, 3]'],
    ['NaN in x', () => flattenForward(Tensor.full([1, 2], NaN)), 'flattenForward: expected finite values in x, got NaN at flat index 0'],
    ['dout not a Tensor', () => loose(flattenBackward)(undefined, [1, 2]), 'flattenBackward: expected dout to be a Tensor, got undefined'],
    [
      'xShape [6] rank 1',
      () => flattenBackward(Tensor.zeros([1, 6]), [6]),
      "flattenBackward: expected xShape to be the forward input's shape [N, ...] of integers ≥ 1, got [6]",
    ],
    [
      'xShape missing',
      () => loose(flattenBackward)(Tensor.zeros([1, 6])),
      "flattenBackward: expected xShape to be the forward input's shape [N, ...] of integers ≥ 1, got undefined",
    ],
    ['xShape [2,1.5]', () => flattenBackward(Tensor.zeros([2, 1]), [2, 1.5]), 'of integers ≥ 1, got [2, 1.5]'],
    ['dout=[2,6] for xShape [2,3,4]', () => flattenBackward(Tensor.zeros([2, 6]), [2, 3, 4]), 'flattenBackward: expected dout of shape [2, 12], got [2, 6]'],
    [
      'Infinity in dout',
      () => flattenBackward(Tensor.full([1, 2], Infinity), [1, 2]),
      'flattenBackward: expected finite values in dout, got Infinity at flat index 0',
    ],
  ])('rejects %s', (_name, call, message) => {
    expect(call).toThrow(message);
  });
});
