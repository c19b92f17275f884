import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { Tensor } from '../tensor.ts';
import { Rng, randomNormal } from '../random.ts';
import { maxPool2dBackward, maxPool2dForward } from '../ops/pool2d.ts';
import { fastMaxPool2dBackward, fastMaxPool2dForward } from './pool2d.ts';
import { setGemmBackend } from './gemm.ts';

// [x shape, size, stride]: the usual 2×2/2, overlapping 3×3/2 (an input can win two windows), non-square.
const cases: [number[], number, number][] = [
  [[2, 3, 4, 4], 2, 2],
  [[2, 2, 7, 7], 3, 2],
  [[1, 3, 6, 10], 2, 2],
  [[3, 1, 6, 9], 3, 3],
  [[1, 2, 5, 5], 2, 1],
  // 2×2/2 on the WebAssembly kernels: 4 windows at a time, then the rest (14 = 4·3 + 2, 7 = 4 + 3, 8)
  [[2, 2, 28, 28], 2, 2],
  [[3, 4, 14, 14], 2, 2],
  [[1, 2, 8, 16], 2, 2],
  [[2, 1, 2, 2], 2, 2],
];

// biome-ignore format: a tensor literal, kept on one line
describe.each(['auto', 'typescript'] as const)('fast max pooling against the reference op (kernels: %s)', (choice) => {
  beforeEach(() => setGemmBackend(choice));
  afterAll(() => setGemmBackend('auto'));
  for (const [shape, size, stride] of cases) {
    const name = `x=[${shape}] size=${size} s=${stride}`;
    const rng = new Rng(shape[3] * 10 + size);
    // Small integers make ties common, so the first-maximum rule is exercised.
    const ties = new Tensor(shape, Array.from({ length: shape.reduce((a, b) => a * b) }, () => rng.int(3)));
    for (const [label, x] of [['random', randomNormal(shape, rng)], ['with ties', ties]] as const) {
      it(`forward and backward, ${label}, ${name}`, () => {
        const params = { size, stride };
        const out = fastMaxPool2dForward(x, params)!;
        const expectedOut = maxPool2dForward(x, params);
        expect(out.shape).toEqual(expectedOut.shape);
        expect(out.data).toEqual(expectedOut.data);
        const dout = randomNormal(out.shape, rng);
        const dx = fastMaxPool2dBackward(dout, x, params)!;
        const expectedDx = maxPool2dBackward(dout, x, params);
        expect(dx.shape).toEqual(expectedDx.shape);
        // Float32 sums of the same few terms: equal up to rounding order.
        for (let i = 0; i < dx.size; i++) expect(dx.data[i]).toBeCloseTo(expectedDx.data[i], 5);
      });
    }
  }

  it('a tie sends the whole gradient to the first maximum in row-major order: x=[1,1,2,2] all 5', () => {
    // biome-ignore format: a tensor literal, kept on one line
    const x = Tensor.from([[[[5, 5], [5, 5]]]]);
    const dx = fastMaxPool2dBackward(Tensor.from([[[[7]]]]), x, { size: 2, stride: 2 })!;
    // biome-ignore format: a tensor literal, kept on one line
    expect(dx.toArray()).toEqual([[[[7, 0], [0, 0]]]]);
  });

  it('2×2/2 returns null (so the reference op reports it) on a non-finite x or dout: x=[1,1,4,4]', () => {
    const x = Tensor.zeros([1, 1, 4, 4]);
    x.data[15] = Number.NaN; // the last window's last element
    expect(fastMaxPool2dForward(x, { size: 2, stride: 2 })).toBeNull();
    expect(fastMaxPool2dBackward(Tensor.zeros([1, 1, 2, 2]), x, { size: 2, stride: 2 })).toBeNull();
    const dout = Tensor.zeros([1, 1, 2, 2]);
    dout.data[3] = Infinity;
    expect(fastMaxPool2dBackward(dout, Tensor.zeros([1, 1, 4, 4]), { size: 2, stride: 2 })).toBeNull();
  });

  for (const [shape, size, stride] of [[[2, 3, 4, 4], 2, 2], [[2, 2, 7, 7], 3, 2]] as [number[], number, number][]) {
    it(`writes into given buffers (filled with garbage first) what it returns fresh: x=[${shape}] size=${size} s=${stride}`, () => {
      const rng = new Rng(size * 7);
      const x = randomNormal(shape, rng), params = { size, stride };
      const fresh = fastMaxPool2dForward(x, params)!;
      const out = Tensor.full(fresh.shape, 7);
      expect(fastMaxPool2dForward(x, params, out)).toBe(out);
      expect(out.data).toEqual(fresh.data);
      const dout = randomNormal(fresh.shape, rng);
      const dx = Tensor.full(shape, 7);
      expect(fastMaxPool2dBackward(dout, x, params, dx)).toBe(dx);
      expect(dx.data).toEqual(fastMaxPool2dBackward(dout, x, params)!.data);
    });
  }
});
