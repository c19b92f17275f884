import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { Tensor } from '../tensor.ts';
import { Rng, randomNormal } from '../random.ts';
import { softmax } from './softmax.ts';
import { relError } from '../testing/gradcheck.ts';

describe('softmax', () => {
  it('hand-worked scores=[1,3] [[1, 2, 3]] → [e, e², e³] / (e + e² + e³) = [0.0900306, 0.2447285, 0.6652410]', () => {
    const p = softmax(Tensor.from([[1, 2, 3]], 'float64'));
    expect(relError(p, [0.09003057317038046, 0.24472847105479764, 0.6652409557748219])).toBeLessThan(1e-12);
    expect(p.dtype).toBe('float64');
  });

  it('equal scores give equal probabilities: scores=[2,4] zeros → 1/4 each', () => {
    // biome-ignore format: a tensor literal, kept on one line
    expect(softmax(Tensor.zeros([2, 4])).toArray()).toEqual([[0.25, 0.25, 0.25, 0.25], [0.25, 0.25, 0.25, 0.25]]);
  });

  it('huge scores do not overflow: scores=[2,2] [[1000, 1000], [-1000, 1000]] → [[0.5, 0.5], [0, 1]]', () => {
    // biome-ignore format: a tensor literal, kept on one line
    expect(softmax(Tensor.from([[1000, 1000], [-1000, 1000]], 'float64')).toArray()).toEqual([[0.5, 0.5], [0, 1]]);
  });

  it('rows sum to 1 and keep the order of the scores: scores=[6,10]', () => {
    const scores = randomNormal([6, 10], new Rng(4), 0, 3);
    const p = softmax(scores);
    for (let n = 0; n < 6; n++) {
      const row = Array.from(p.data.subarray(n * 10, n * 10 + 10));
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
      const argmax = (xs: ArrayLike<number>) => Array.from(xs).indexOf(Math.max(...Array.from(xs)));
      expect(argmax(row)).toBe(argmax(scores.data.subarray(n * 10, n * 10 + 10)));
    }
  });

  it('matches TensorFlow.js tf.softmax on scores=[5,7] float32', () => {
    const scores = randomNormal([5, 7], new Rng(9), 0, 2);
    const expected = tf.tidy(() => tf.softmax(tf.tensor2d(scores.data as Float32Array, [5, 7])).dataSync());
    expect(relError(softmax(scores), Array.from(expected))).toBeLessThan(1e-5);
  });

  it('bad input names the op and the argument', () => {
    expect(() => softmax(Tensor.from([1, 2, 3]))).toThrow(/^softmax: expected scores of rank 2 \[N, K\], got/);
    expect(() => softmax(Tensor.from([[1, Number.NaN]]))).toThrow(/^softmax: .*scores.*NaN/);
  });
});
