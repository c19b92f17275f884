import { describe, expect, it } from 'vitest';
import { Rng } from '../random.ts';
import { Tensor } from '../tensor.ts';
import { examplesAt, shuffledBatches } from './batch.ts';

describe('shuffledBatches(n, batchSize, rng, epochs)', () => {
  it('n=10 batchSize=4, 3 epochs: batches of 4, 4, 2 that cover every example exactly once per epoch', () => {
    const all = [...shuffledBatches(10, 4, new Rng(7), 3)];
    expect(all.map((b) => [b.epoch, b.batch, b.batches, b.indices.length])).toEqual([
      [0, 0, 3, 4],
      [0, 1, 3, 4],
      [0, 2, 3, 2],
      [1, 0, 3, 4],
      [1, 1, 3, 4],
      [1, 2, 3, 2],
      [2, 0, 3, 4],
      [2, 1, 3, 4],
      [2, 2, 3, 2],
    ]);
    for (let epoch = 0; epoch < 3; epoch++) {
      const seen = all.filter((b) => b.epoch === epoch).flatMap((b) => Array.from(b.indices));
      expect([...seen].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    }
  });

  it('n=100 batchSize=8 seed 3: every epoch is a new order (shuffled, not 0..99), the same again from the same seed', () => {
    const orders = (seed: number): number[][] => {
      const epochs: number[][] = [[], []];
      for (const b of shuffledBatches(100, 8, new Rng(seed), 2)) epochs[b.epoch].push(...b.indices);
      return epochs;
    };
    const [first, second] = orders(3);
    const identity = Array.from({ length: 100 }, (_, i) => i);
    expect(first).not.toEqual(identity);
    expect(second).not.toEqual(first);
    expect([...second].sort((a, b) => a - b)).toEqual(identity);
    expect(orders(3)).toEqual([first, second]);
    expect(orders(4)[0]).not.toEqual(first);
  });

  it('the order is Rng.shuffle of 0..n−1 (what fit and the playground always drew), one shuffle per epoch', () => {
    const rng = new Rng(11);
    const expected = [rng.shuffle([0, 1, 2, 3, 4]), rng.shuffle([0, 1, 2, 3, 4])];
    const got: number[][] = [[], []];
    for (const b of shuffledBatches(5, 2, new Rng(11), 2)) got[b.epoch].push(...b.indices);
    expect(got).toEqual(expected);
  });

  it('without epochs it goes on: a paused loop pulls batch after batch with next()', () => {
    const batches = shuffledBatches(3, 2, new Rng(1));
    const epochs = Array.from({ length: 7 }, () => batches.next().value!.epoch);
    expect(epochs).toEqual([0, 0, 1, 1, 2, 2, 3]);
  });

  it('a batch larger than the data is one batch of all n=3 examples', () => {
    const all = [...shuffledBatches(3, 32, new Rng(1), 1)];
    expect(all).toHaveLength(1);
    expect([...all[0].indices].sort()).toEqual([0, 1, 2]);
  });

  it('bad arguments are Errors that name the argument', () => {
    expect(() => shuffledBatches(0, 4, new Rng(1)).next()).toThrow('shuffledBatches: expected n to be an integer ≥ 1, got 0');
    expect(() => shuffledBatches(10, 2.5, new Rng(1)).next()).toThrow(/shuffledBatches: expected batchSize to be an integer ≥ 1, got 2.5/);
    expect(() => shuffledBatches(10, 4, new Rng(1), 0).next()).toThrow(/shuffledBatches: expected epochs to be an integer ≥ 1, got 0/);
  });
});

describe('examplesAt(set, indices)', () => {
  it('x=[3,2] y=[3]: rows 2 and 0 as a new batch [2,2] with their labels', () => {
    const set = { x: new Tensor([3, 2], [10, 11, 20, 21, 30, 31], 'float64'), y: [7, 8, 9] };
    const { x, y } = examplesAt(set, [2, 0]);
    expect(x.shape).toEqual([2, 2]);
    expect(Array.from(x.data)).toEqual([30, 31, 10, 11]);
    expect(Array.from(y)).toEqual([9, 7]);
    x.data[0] = -1;
    expect(set.x.data[4]).toBe(30); // a copy
  });
});
