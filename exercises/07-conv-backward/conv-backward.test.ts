import { expect, it } from 'vitest';
import { Rng, Tensor, randomNormal } from '@convkit/engine';
// Numerical gradients of YOUR forward pass (exercise 02): the kit's engine has none of its own.
import { conv2dForward } from '../02-conv-forward/conv-forward.ts';
import { step } from '../steps.ts';
import { close, numericalGradient } from '../gradcheck.ts';
import { conv2dBackward } from './conv-backward.ts';

const f64 = (v: number[][][][]): Tensor => Tensor.from(v, 'float64');

step('1. one output value', () => {
  it('dout=[1,1,1,1] x=[1,1,2,2] w=[1,1,2,2]: dx = dout·w, dw = dout·x, db = dout', () => {
    // biome-ignore format: a tensor literal, kept on one line
    const { dx, dw, db } = conv2dBackward(f64([[[[2]]]]), f64([[[[1, 2], [3, 4]]]]), f64([[[[0.5, -1], [0, 2]]]]), { stride: 1, pad: 0 });
    // biome-ignore format: a tensor literal, kept on one line
    expect(dx.toArray()).toEqual([[[[1, -2], [0, 4]]]]);
    // biome-ignore format: a tensor literal, kept on one line
    expect(dw.toArray()).toEqual([[[[2, 4], [6, 8]]]]);
    expect(db.toArray()).toEqual([2]);
  });
});

step('2. a sliding window adds up the gradients of every position', () => {
  it('x=[1,1,3,3] w=[1,1,2,2] of ones, dout of ones: dx counts the windows covering each input', () => {
    // biome-ignore format: a tensor literal, kept on one line
    const { dx, dw, db } = conv2dBackward(Tensor.ones([1, 1, 2, 2], 'float64'), f64([[[[0, 1, 2], [3, 4, 5], [6, 7, 8]]]]), Tensor.ones([1, 1, 2, 2], 'float64'), { stride: 1, pad: 0 });
    // biome-ignore format: a tensor literal, kept on one line
    expect(dx.toArray()).toEqual([[[[1, 2, 1], [2, 4, 2], [1, 2, 1]]]]);
    // biome-ignore format: a tensor literal, kept on one line
    expect(dw.toArray()).toEqual([[[[8, 12], [20, 24]]]]);
    expect(db.toArray()).toEqual([4]);
  });
});

step('3. the CS231n gradient check', () => {
  it('x=[4,3,5,5] w=[2,3,3,3] s=1 p=1 matches numerical gradients', () => {
    const rng = new Rng(7);
    const x = randomNormal([4, 3, 5, 5], rng, 0, 1, 'float64');
    const w = randomNormal([2, 3, 3, 3], rng, 0, 1, 'float64');
    const b = randomNormal([2], rng, 0, 1, 'float64');
    const dout = randomNormal([4, 2, 5, 5], rng, 0, 1, 'float64');
    const p = { stride: 1, pad: 1 };
    const { dx, dw, db } = conv2dBackward(dout, x, w, p);
    close(
      dx.data,
      numericalGradient((v) => conv2dForward(v, w, b, p), x, dout),
    );
    close(
      dw.data,
      numericalGradient((v) => conv2dForward(x, v, b, p), w, dout),
    );
    close(
      db.data,
      numericalGradient((v) => conv2dForward(x, w, v, p), b, dout),
    );
  });
});
