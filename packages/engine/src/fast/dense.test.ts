import { afterAll, describe, expect, it } from 'vitest';
import { Rng, randomNormal } from '../random.ts';
import { Tensor } from '../tensor.ts';
import { denseBackward, denseForward } from '../ops/dense.ts';
import { scaledMaxError } from '../testing/gradcheck.ts';
import { fastDenseBackward, fastDenseForward } from './dense.ts';
import { setGemmBackend } from './gemm.ts';

// [N, D, M]: a single example, ragged sizes, and the MNIST CNN's head (1568 → 10).
// biome-ignore format: a tensor literal, kept on one line
const cases: [number, number, number][] = [[1, 1, 1], [2, 3, 4], [5, 17, 9], [32, 1568, 10], [64, 300, 129]];

describe.each(['auto', 'typescript'] as const)('fast dense against the reference op (gemm backend %s)', (choice) => {
  afterAll(() => setGemmBackend('auto'));
  for (const [N, D, M] of cases) {
    const rng = new Rng(N + D + M);
    const x = randomNormal([N, D], rng),
      w = randomNormal([D, M], rng),
      b = randomNormal([M], rng);
    const dout = randomNormal([N, M], rng);

    it(`forward x=[${N},${D}] w=[${D},${M}]`, () => {
      setGemmBackend(choice);
      const actual = fastDenseForward(x, w, b);
      expect(actual.shape).toEqual([N, M]);
      expect(scaledMaxError(actual, denseForward(x, w, b))).toBeLessThan(1e-5);
    });

    it(`backward x=[${N},${D}] w=[${D},${M}] dout=[${N},${M}]`, () => {
      setGemmBackend(choice);
      const expected = denseBackward(dout, x, w);
      const actual = fastDenseBackward(dout, x, w);
      for (const key of ['dx', 'dw', 'db'] as const) {
        expect(actual[key].shape, key).toEqual(expected[key].shape);
        expect(scaledMaxError(actual[key], expected[key]), key).toBeLessThan(1e-5);
      }
    });
  }
});

describe('fast dense into given buffers', () => {
  it('x=[5,17] w=[17,9]: out, dx, dw, db overwritten (filled with garbage first); dx: null skips dx and leaves dw, db the same', () => {
    const rng = new Rng(3);
    const x = randomNormal([5, 17], rng),
      w = randomNormal([17, 9], rng),
      b = randomNormal([9], rng),
      dout = randomNormal([5, 9], rng);
    const out = Tensor.full([5, 9], 7);
    expect(fastDenseForward(x, w, b, out)).toBe(out);
    expect(out.data).toEqual(fastDenseForward(x, w, b).data);
    const fresh = fastDenseBackward(dout, x, w);
    const into = { dx: Tensor.full([5, 17], 7), dw: Tensor.full([17, 9], 7), db: Tensor.full([9], 7) };
    fastDenseBackward(dout, x, w, into);
    for (const key of ['dx', 'dw', 'db'] as const) expect(into[key].data, key).toEqual(fresh[key].data);
    const skip = { dx: null, dw: Tensor.full([17, 9], 7), db: Tensor.full([9], 7) };
    expect(fastDenseBackward(dout, x, w, skip).dx).toBeNull();
    expect(skip.dw.data).toEqual(fresh.dw.data);
    expect(skip.db.data).toEqual(fresh.db.data);
  });
});
