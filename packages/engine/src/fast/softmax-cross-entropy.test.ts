import { describe, expect, it } from 'vitest';
import { Tensor } from '../tensor.ts';
import { Rng, randomNormal } from '../random.ts';
import { softmaxCrossEntropy } from '../ops/softmax-cross-entropy.ts';
import { scaledMaxError } from '../testing/gradcheck.ts';
import { fastSoftmaxCrossEntropy } from './softmax-cross-entropy.ts';

describe('fast softmax cross-entropy (into a reused dscores) against the reference op', () => {
  it('hand-worked: scores [[0, 0]] label 0 → loss log 2, dscores [−0.5, 0.5]', () => {
    const dscores = Tensor.full([1, 2], 7);
    expect(fastSoftmaxCrossEntropy(Tensor.from([[0, 0]]), [0], dscores)).toBeCloseTo(Math.LN2, 7);
    expect(Array.from(dscores.data)).toEqual([-0.5, 0.5]);
  });

  it('scores=[32,10] (scale 10, confident rows) twice into the same buffer: loss and dscores match', () => {
    const rng = new Rng(4);
    const dscores = Tensor.full([32, 10], 7);
    for (let round = 0; round < 2; round++) {
      const scores = randomNormal([32, 10], rng, 0, 10);
      const labels = Int32Array.from({ length: 32 }, () => rng.int(10));
      const expected = softmaxCrossEntropy(scores, labels);
      expect(fastSoftmaxCrossEntropy(scores, labels, dscores)).toBeCloseTo(expected.loss, 5);
      expect(scaledMaxError(dscores, expected.dscores)).toBeLessThan(1e-6);
    }
  });

  it('NaN or ±Infinity in scores=[2,3] gives a NaN loss instead of throwing', () => {
    for (const bad of [Number.NaN, Infinity, -Infinity]) {
      // biome-ignore format: a tensor literal, kept on one line
      const scores = Tensor.from([[1, 2, 3], [4, bad, 6]]);
      expect(fastSoftmaxCrossEntropy(scores, [0, 2], Tensor.zeros([2, 3]))).toBeNaN();
    }
  });
});
