import { expect, it } from 'vitest';
import { Tensor } from '@convkit/engine';
import { step } from '../steps.ts';
import { maxPool2dBackward } from './max-pool-backward.ts';

const f64 = (v: number[][][][]): Tensor => Tensor.from(v, 'float64');

step('1. the maximum takes the whole gradient', () => {
  it('dout=[1,1,1,1] x=[1,1,2,2] size=2 s=2', () => {
    // biome-ignore format: a tensor literal, kept on one line
    const dx = maxPool2dBackward(f64([[[[5]]]]), f64([[[[3, 9], [-1, 4]]]]), { size: 2, stride: 2 });
    // biome-ignore format: a tensor literal, kept on one line
    expect(dx.toArray()).toEqual([[[[0, 5], [0, 0]]]]);
  });
});

step('2. ties go to the FIRST maximum in row-major order', () => {
  it('x=[1,1,2,2] all equal: the top-left input gets it', () => {
    // biome-ignore format: a tensor literal, kept on one line
    const dx = maxPool2dBackward(f64([[[[1]]]]), f64([[[[7, 7], [7, 7]]]]), { size: 2, stride: 2 });
    // biome-ignore format: a tensor literal, kept on one line
    expect(dx.toArray()).toEqual([[[[1, 0], [0, 0]]]]);
  });
  it('x=[1,1,2,3] size=2 s=1: window 2 has 5 at (0,2) and (1,1); (0,2) comes first', () => {
    // biome-ignore format: a tensor literal, kept on one line
    const dx = maxPool2dBackward(f64([[[[1, 10]]]]), f64([[[[0, 1, 5], [5, 5, 2]]]]), { size: 2, stride: 1 });
    // biome-ignore format: a tensor literal, kept on one line
    expect(dx.toArray()).toEqual([[[[0, 0, 10], [1, 0, 0]]]]);
  });
});

step('3. overlapping windows add up', () => {
  it('x=[1,1,3,3] size=2 s=1: the centre is the maximum of all four windows', () => {
    // biome-ignore format: a tensor literal, kept on one line
    const dx = maxPool2dBackward(f64([[[[1, 2], [3, 4]]]]), f64([[[[0, 0, 0], [0, 9, 0], [0, 0, 0]]]]), { size: 2, stride: 1 });
    // biome-ignore format: a tensor literal, kept on one line
    expect(dx.toArray()).toEqual([[[[0, 0, 0], [0, 10, 0], [0, 0, 0]]]]);
  });
});
