import { describe, expect, it } from 'vitest';
import { Tensor } from './tensor.ts';
import { checkFinite, checkInt, checkNonEmpty, checkRank, checkSameDtype, checkShapeEquals, checkTensor, fmtShape } from './check.ts';

describe('argument checks: messages read "op: expected …, got …"', () => {
  it('fmtShape writes [2, 3, 4] and [] for a scalar', () => {
    expect(fmtShape([2, 3, 4])).toBe('[2, 3, 4]');
    expect(fmtShape([])).toBe('[]');
  });

  it('checkTensor names what it got instead', () => {
    expect(() => checkTensor('op', 'x', Tensor.zeros([1]))).not.toThrow();
    expect(() => checkTensor('op', 'x', null)).toThrow('op: expected x to be a Tensor, got null');
    expect(() => checkTensor('op', 'x', [1, 2])).toThrow('op: expected x to be a Tensor, got an array');
    expect(() => checkTensor('op', 'x', new Float32Array(2))).toThrow('op: expected x to be a Tensor, got object');
    expect(() => checkTensor('op', 'x', undefined)).toThrow('op: expected x to be a Tensor, got undefined');
  });

  it('checkRank: x=[3,4] is not rank 4', () => {
    expect(() => checkRank('op', 'x', Tensor.zeros([2, 2, 2, 2]), 4, 'N, C, H, W')).not.toThrow();
    expect(() => checkRank('op', 'x', Tensor.zeros([3, 4]), 4, 'N, C, H, W')).toThrow('op: expected x of rank 4 [N, C, H, W], got rank 2 [3, 4]');
    expect(() => checkRank('op', 'x', 5, 4, 'N, C, H, W')).toThrow('op: expected x to be a Tensor, got number');
  });

  it('checkShapeEquals: [2,3] vs [3,2] and vs [2,3,1]', () => {
    const t = Tensor.zeros([2, 3]);
    expect(() => checkShapeEquals('op', 'dout', t, [2, 3])).not.toThrow();
    expect(() => checkShapeEquals('op', 'dout', t, [3, 2])).toThrow('op: expected dout of shape [3, 2], got [2, 3]');
    expect(() => checkShapeEquals('op', 'dout', t, [2, 3, 1])).toThrow('op: expected dout of shape [2, 3, 1], got [2, 3]');
  });

  it('checkSameDtype names the reference and the odd one out', () => {
    const a = Tensor.zeros([1]);
    expect(() => checkSameDtype('op', ['x', a], ['w', Tensor.zeros([1])])).not.toThrow();
    expect(() => checkSameDtype('op', ['x', a], ['w', Tensor.zeros([1], 'float64')])).toThrow('op: expected w of dtype float32 like x, got float64');
  });

  it('checkInt: integers at or above the minimum pass; everything else is named', () => {
    expect(() => checkInt('op', 'stride', 2, 1)).not.toThrow();
    expect(() => checkInt('op', 'pad', 0, 0)).not.toThrow();
    expect(() => checkInt('op', 'stride', 0, 1)).toThrow('op: expected stride to be an integer ≥ 1, got 0');
    expect(() => checkInt('op', 'pad', -2, 0)).toThrow('op: expected pad to be an integer ≥ 0, got -2');
    expect(() => checkInt('op', 'pad', 1.25, 0)).toThrow('op: expected pad to be an integer ≥ 0, got 1.25');
    expect(() => checkInt('op', 'pad', NaN, 0)).toThrow('op: expected pad to be an integer ≥ 0, got NaN');
    expect(() => checkInt('op', 'pad', '2', 0)).toThrow('op: expected pad to be an integer ≥ 0, got the string "2"');
    expect(() => checkInt('op', 'pad', undefined, 0)).toThrow('op: expected pad to be an integer ≥ 0, got undefined');
  });

  it('checkFinite names the first bad value and its flat index', () => {
    expect(() => checkFinite('op', 'x', Tensor.from([1, -2, 3e38]))).not.toThrow();
    expect(() => checkFinite('op', 'x', Tensor.from([1, NaN, Infinity]))).toThrow('op: expected finite values in x, got NaN at flat index 1');
    expect(() => checkFinite('op', 'x', Tensor.from([-Infinity]))).toThrow('op: expected finite values in x, got -Infinity at flat index 0');
  });

  it('checkNonEmpty: [2,0,3] has an empty axis', () => {
    expect(() => checkNonEmpty('op', 'x', Tensor.zeros([1, 1]), 'N, D')).not.toThrow();
    expect(() => checkNonEmpty('op', 'x', Tensor.zeros([2, 0]), 'N, D')).toThrow('op: expected x with every dimension ≥ 1 [N, D], got [2, 0]');
  });
});
