import { describe, expect, it } from 'vitest';
import { mnistFromDigits, takeExamples, MNIST_PIXELS } from './mnist.ts';

/** counts[c] synthetic images of class c; every pixel of image i of class c is (c·10 + i) / 100. */
function synthetic(counts: number[]): number[][] {
  return counts.map((n, c) => {
    const pixels: number[] = [];
    for (let i = 0; i < n; i++) for (let p = 0; p < MNIST_PIXELS; p++) pixels.push((c * 10 + i) / 100);
    return pixels;
  });
}
const counts = [3, 4, 2, 5, 3, 3, 4, 2, 3, 1]; // 30 images

describe('mnistFromDigits on 30 synthetic 28×28 images', () => {
  it('testSize 8: x=[22,1,28,28] train and x=[8,1,28,28] test, disjoint, covering every image once', () => {
    const { train, test } = mnistFromDigits(synthetic(counts), { testSize: 8, seed: 5 });
    expect(train.x.shape).toEqual([22, 1, 28, 28]);
    expect(test.x.shape).toEqual([8, 1, 28, 28]);
    expect(train.y.length).toBe(22);
    const all = [...train.sourceIndex, ...test.sourceIndex].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 30 }, (_, i) => i));
  });

  it('is deterministic for a seed and differs for another seed', () => {
    const a = mnistFromDigits(synthetic(counts), { testSize: 8, seed: 5 });
    const b = mnistFromDigits(synthetic(counts), { testSize: 8, seed: 5 });
    const c = mnistFromDigits(synthetic(counts), { testSize: 8, seed: 6 });
    expect(Array.from(a.test.sourceIndex)).toEqual(Array.from(b.test.sourceIndex));
    expect(Array.from(a.test.x.data)).toEqual(Array.from(b.test.x.data));
    expect(Array.from(a.test.sourceIndex)).not.toEqual(Array.from(c.test.sourceIndex));
  });

  it('labels each image with the class file it came from', () => {
    const { train, test } = mnistFromDigits(synthetic(counts), { testSize: 8, seed: 1 });
    // Class starts in the concatenation: 0,3,7,9,14,17,20,24,26,29.
    const classOf = (src: number) => [3, 7, 9, 14, 17, 20, 24, 26, 29, 30].findIndex((end) => src < end);
    for (const set of [train, test]) set.sourceIndex.forEach((src, i) => expect(set.y[i]).toBe(classOf(src)));
  });

  it('normalises with TRAIN statistics only: train pixels have mean 0 and std 1, raw = x·std + mean', () => {
    const { train, test, mean, std } = mnistFromDigits(synthetic(counts), { testSize: 8, seed: 2 });
    const d = Array.from(train.x.data);
    const m = d.reduce((s, v) => s + v, 0) / d.length;
    const sd = Math.sqrt(d.reduce((s, v) => s + (v - m) ** 2, 0) / d.length);
    expect(m).toBeCloseTo(0, 5);
    expect(sd).toBeCloseTo(1, 5);
    // The test image from source 0 (class 0, image 0) had raw pixels 0 / 100 = 0.
    const row = [...test.sourceIndex, ...train.sourceIndex].indexOf(0);
    const set = row < 8 ? test : train;
    const r = row < 8 ? row : row - 8;
    expect(set.x.data[r * MNIST_PIXELS] * std + mean).toBeCloseTo(0, 5);
  });

  it('takeExamples keeps the first n, as a copy', () => {
    const { train } = mnistFromDigits(synthetic(counts), { testSize: 8 });
    const small = takeExamples(train, 5);
    expect(small.x.shape).toEqual([5, 1, 28, 28]);
    expect(Array.from(small.y)).toEqual(Array.from(train.y.slice(0, 5)));
    small.x.data[0] = 99;
    expect(train.x.data[0]).not.toBe(99);
  });

  it('rejects bad input with the argument named', () => {
    expect(() => mnistFromDigits(synthetic([1, 1]))).toThrow('mnistFromDigits: expected digits for the 10 classes 0..9, got 2');
    const bad = synthetic(counts);
    bad[4] = bad[4].slice(1);
    expect(() => mnistFromDigits(bad)).toThrow('expected digits[4] to hold whole 28×28 images (a multiple of 784 values), got 2351');
    expect(() => mnistFromDigits(synthetic(counts), { testSize: 30 })).toThrow('mnistFromDigits: expected testSize < 30 (the number of images), got 30');
    expect(() => mnistFromDigits(synthetic(counts), { testSize: 2.5 })).toThrow('mnistFromDigits: expected testSize to be an integer ≥ 1, got 2.5');
  });
});
