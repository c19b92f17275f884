import { describe, expect, it } from 'vitest';
import { Tensor } from '../tensor.ts';
import { Rng } from '../random.ts';
import { randomShift } from './augment.ts';

/** image [H, W] (as nested rows) moved down by dy and right by dx, with `fill` where nothing moved in. */
function shiftByHand(image: number[][], dy: number, dx: number, fill: number): number[][] {
  return image.map((row, h) => row.map((_, w) => image[h - dy]?.[w - dx] ?? fill));
}

describe('randomShift', () => {
  // biome-ignore format: a tensor literal, kept on one line
  const image = [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]];

  it('x=[40,1,3,4] maxShift 1: every image is the original moved by some (dy, dx) in {−1,0,1}², and all 9 shifts occur', () => {
    const x = Tensor.from(Array.from({ length: 40 }, () => [image]));
    const out = randomShift(x, 1, new Rng(3), -0.5).toArray() as number[][][][];
    const seen = new Set<string>();
    for (const [img] of out) {
      const match = [-1, 0, 1]
        .flatMap((dy) => [-1, 0, 1].map((dx) => [dy, dx]))
        .find(([dy, dx]) => JSON.stringify(shiftByHand(image, dy, dx, -0.5)) === JSON.stringify(img));
      expect(match).toBeDefined();
      seen.add(String(match));
    }
    expect(seen.size).toBe(9);
  });

  it('x=[2,2,3,4]: both channels of an image move together; maxShift 0 copies', () => {
    // biome-ignore format: a tensor literal, kept on one line
    const x = Tensor.from([[image, image.map((r) => r.map((v) => -v))], [image, image]]);
    const out = randomShift(x, 2, new Rng(1)).toArray() as number[][][][];
    out.forEach(([a, b]) => expect(b.map((r) => r.map((v) => (v === 0 ? 0 : Math.abs(v))))).toEqual(a));
    expect(Array.from(randomShift(x, 0, new Rng(1)).data)).toEqual(Array.from(x.data));
    expect(x.get(0, 1, 0, 0)).toBe(-1); // input untouched
  });

  it('rejects a negative maxShift and a rank-2 x', () => {
    expect(() => randomShift(Tensor.zeros([1, 1, 2, 2]), -1, new Rng(0))).toThrow('randomShift: expected maxShift to be an integer ≥ 0, got -1');
    expect(() => randomShift(Tensor.zeros([2, 2]), 1, new Rng(0))).toThrow('randomShift: expected x of rank 4 [N, C, H, W], got rank 2 [2, 2]');
  });
});
