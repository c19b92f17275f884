import { describe, expect, it } from 'vitest';
import { Tensor } from '../tensor.ts';
import { softmaxCrossEntropy } from './softmax-cross-entropy.ts';
import { numericalGradient, randn, relError } from '../testing/gradcheck.ts';
import { loose } from '../testing/loose.ts';

describe('softmaxCrossEntropy: known values', () => {
  it('scores=[1,3] [[1,2,3]] label 2: loss = −log(e³ / (e + e² + e³)) = 0.4076059644443806', () => {
    const { loss, dscores } = softmaxCrossEntropy(Tensor.from([[1, 2, 3]], 'float64'), [2]);
    expect(loss).toBeCloseTo(0.4076059644443806, 14);
    // softmax = [0.0900306, 0.2447285, 0.6652410]; minus one-hot at 2.
    expect(relError(dscores, [0.09003057317038046, 0.24472847105479764, 0.6652409557748219 - 1])).toBeLessThan(1e-12);
  });

  it('scores=[4,10] all zero: loss = log 10 and dscores = (1/10 − onehot) / 4 (mean over N)', () => {
    const { loss, dscores } = softmaxCrossEntropy(Tensor.zeros([4, 10], 'float64'), [0, 3, 9, 3]);
    expect(loss).toBeCloseTo(Math.log(10), 14);
    expect(dscores.get(1, 3)).toBeCloseTo((0.1 - 1) / 4, 15);
    expect(dscores.get(1, 4)).toBeCloseTo(0.1 / 4, 15);
  });

  it('stable for huge scores=[2,2] [[1000, 0], [-1000, 1000]]: finite loss 1000 / 2 and no NaN', () => {
    // biome-ignore format: a tensor literal, kept on one line
    const { loss, dscores } = softmaxCrossEntropy(Tensor.from([[1000, 0], [-1000, 1000]], 'float64'), [1, 1]);
    expect(loss).toBeCloseTo(500, 9);
    // biome-ignore format: a tensor literal, kept on one line
    expect(dscores.toArray()).toEqual([[0.5, -0.5], [0, 0]]);
  });

  it('each row of dscores sums to 0: scores=[5,7]', () => {
    const { dscores } = softmaxCrossEntropy(randn([5, 7], 3), [0, 1, 2, 3, 6]);
    for (let n = 0; n < 5; n++) {
      let sum = 0;
      for (let k = 0; k < 7; k++) sum += dscores.get(n, k);
      expect(Math.abs(sum)).toBeLessThan(1e-15);
    }
  });
});

describe('softmaxCrossEntropy gradient against central differences (float64, rel_error < 1e-6)', () => {
  it.each([
    [3, 4],
    [8, 10],
    [1, 2],
  ])('scores=[%i,%i]', (N, K) => {
    const scores = randn([N, K], N * K);
    const labels = Array.from({ length: N }, (_, n) => (n * 7 + 1) % K);
    const { dscores } = softmaxCrossEntropy(scores, labels);
    const numeric = numericalGradient(() => softmaxCrossEntropy(scores, labels).loss, scores);
    expect(relError(dscores, numeric)).toBeLessThan(1e-6);
  });
});

describe('softmaxCrossEntropy dtypes and purity', () => {
  it.each(['float32', 'float64'] as const)('scores=[3,4] in %s: dscores keeps the dtype, inputs unchanged; labels may be a typed array', (dtype) => {
    const scores = randn([3, 4], 9, dtype);
    const labels = Uint8Array.from([3, 0, 1]);
    const before = scores.clone();
    const { loss, dscores } = softmaxCrossEntropy(scores, labels);
    expect(Number.isFinite(loss)).toBe(true);
    expect(dscores.dtype).toBe(dtype);
    expect(scores.data).toEqual(before.data);
    expect(Array.from(labels)).toEqual([3, 0, 1]);
  });
});

describe('softmaxCrossEntropy rejects bad arguments', () => {
  const scores = Tensor.zeros([2, 3]);
  it.each<[string, unknown[], string]>([
    ['scores not a Tensor', [[[0, 1]], [0]], 'softmaxCrossEntropy: expected scores to be a Tensor, got an array'],
    ['scores=[3] rank 1', [Tensor.zeros([3]), [0]], 'softmaxCrossEntropy: expected scores of rank 2 [N, K], got rank 1 [3]'],
    ['scores=[0,3] empty batch', [Tensor.zeros([0, 3]), []], 'softmaxCrossEntropy: expected scores with every dimension ≥ 1 [N, K], got [0, 3]'],
    ['labels missing', [scores, undefined], 'softmaxCrossEntropy: expected labels to be an array of 2 integers, got undefined'],
    ['labels a Tensor', [scores, Tensor.zeros([2])], 'softmaxCrossEntropy: expected labels to be an array of 2 integers, got a Tensor (pass its .data)'],
    ['labels of length 3 for N=2', [scores, [0, 1, 2]], 'softmaxCrossEntropy: expected labels of length N = 2 (one per row of scores), got length 3'],
    ['label 3 for K=3', [scores, [0, 3]], 'softmaxCrossEntropy: expected labels[1] to be an integer class in [0, 3), got 3'],
    ['label -1', [scores, [-1, 0]], 'softmaxCrossEntropy: expected labels[0] to be an integer class in [0, 3), got -1'],
    ['label 1.5', [scores, [1.5, 0]], 'softmaxCrossEntropy: expected labels[0] to be an integer class in [0, 3), got 1.5'],
    ['label "1"', [scores, ['1', 0]], 'softmaxCrossEntropy: expected labels[0] to be an integer class in [0, 3), got the string "1"'],
    ['NaN in scores', [Tensor.full([2, 3], NaN), [0, 1]], 'softmaxCrossEntropy: expected finite values in scores, got NaN at flat index 0'],
  ])('%s', (_name, args, message) => {
    expect(() => loose(softmaxCrossEntropy)(...args)).toThrow(message);
  });
});
