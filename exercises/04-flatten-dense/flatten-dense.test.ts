import { expect, it } from 'vitest';
import { Tensor } from '@convkit/engine';
import { step } from '../steps.ts';
import { denseForward, flattenForward } from './flatten-dense.ts';

step('1. flatten', () => {
  it('x=[1,1,2,2] becomes [1,4], rows one after another', () => {
    // biome-ignore format: a tensor literal, kept on one line
    const out = flattenForward(Tensor.from([[[[1, 2], [3, 4]]]], 'float64'));
    expect(out.shape).toEqual([1, 4]);
    expect(out.toArray()).toEqual([[1, 2, 3, 4]]);
  });
  it('x=[2,2,1,2] becomes [2,4]: each example keeps its own row', () => {
    const x = new Tensor([2, 2, 1, 2], [0, 1, 2, 3, 4, 5, 6, 7], 'float64');
    // biome-ignore format: a tensor literal, kept on one line
    expect(flattenForward(x).toArray()).toEqual([[0, 1, 2, 3], [4, 5, 6, 7]]);
  });
  it('returns a copy: writing into the output leaves x alone', () => {
    const x = new Tensor([1, 1, 1, 2], [1, 2], 'float64');
    flattenForward(x).data[0] = 99;
    expect(x.data[0]).toBe(1);
  });
});

step('2. dense', () => {
  it('x=[1,2] w=[2,3] b=[3]: [1,2]·w + b = [5.5, 5, 0]', () => {
    // biome-ignore format: a tensor literal, kept on one line
    const out = denseForward(Tensor.from([[1, 2]], 'float64'), Tensor.from([[1, 0, -1], [2, 3, 0.5]], 'float64'), Tensor.from([0.5, -1, 0], 'float64'));
    expect(out.shape).toEqual([1, 3]);
    expect(out.toArray()).toEqual([[5.5, 5, 0]]);
  });
  it('x=[2,2]: one output row per example', () => {
    // biome-ignore format: a tensor literal, kept on one line
    const out = denseForward(Tensor.from([[1, 2], [0, -1]], 'float64'), Tensor.from([[1, 0, -1], [2, 3, 0.5]], 'float64'), Tensor.from([0.5, -1, 0], 'float64'));
    // biome-ignore format: a tensor literal, kept on one line
    expect(out.toArray()).toEqual([[5.5, 5, 0], [-1.5, -4, -0.5]]);
  });
});
