import { describe, expect, it } from 'vitest';
import { Tensor } from '../tensor.ts';
import { accuracy, argmax, confusionMatrix } from './metrics.ts';

describe('metrics', () => {
  it('argmax of scores=[3,3] picks the largest, the first on ties', () => {
    // biome-ignore format: a tensor literal, kept on one line
    expect(Array.from(argmax(Tensor.from([[1, 5, 2], [7, 7, 0], [-3, -2, -1]])))).toEqual([1, 0, 2]);
  });
  it('accuracy 3 of 4', () => {
    expect(accuracy([0, 1, 2, 2], [0, 1, 2, 1])).toBe(0.75);
    expect(() => accuracy([0], [0, 1])).toThrow('accuracy: expected labels of length 1 like predicted, got 2');
  });
  it('confusionMatrix rows are true classes, columns predictions', () => {
    // true 0 → 0, 0 → 2, 1 → 1, 2 → 2, 2 → 0
    // biome-ignore format: a tensor literal, kept on one line
    expect(confusionMatrix([0, 2, 1, 2, 0], [0, 0, 1, 2, 2], 3)).toEqual([[1, 0, 1], [0, 1, 0], [1, 0, 1]]);
    expect(() => confusionMatrix([0, 3], [0, 1], 3)).toThrow('confusionMatrix: expected predicted[1] to be an integer class in [0, 3), got 3');
  });
});
