import { afterAll, describe, expect, it } from 'vitest';
import { Rng, randomNormal } from '../random.ts';
import { conv2dBackward, conv2dForward } from '../ops/conv2d.ts';
import { scaledMaxError } from '../testing/gradcheck.ts';
import { fastConv2dBackward, fastConv2dForward } from './conv2d.ts';
import { setGemmBackend } from './gemm.ts';
import { directDxEligible, directConvAvailable } from './direct-conv.ts';
import { convGeometry } from './geometry.ts';

// [x shape, w shape, stride, pad]: square and non-square inputs and filters, stride 1/2/3, pad 0/1/2/3,
// a 1×1 filter, and a filter as large as the padded input.
const cases: [number[], number[], number, number][] = [
  [[2, 3, 4, 4], [3, 3, 4, 4], 2, 1],
  [[2, 3, 7, 7], [4, 3, 3, 3], 1, 1],
  [[3, 2, 9, 7], [5, 2, 3, 3], 2, 1],
  [[1, 4, 6, 10], [3, 4, 2, 4], 2, 0],
  [[2, 5, 8, 8], [6, 5, 1, 1], 1, 0],
  [[1, 3, 11, 11], [4, 3, 7, 7], 2, 3],
  [[2, 2, 7, 6], [3, 2, 5, 4], 3, 2],
  [[1, 1, 3, 3], [2, 1, 5, 5], 1, 1],
  [[4, 8, 14, 14], [9, 8, 3, 3], 1, 1],
  // the direct (tap-kernel) path: non-square filter with pad < filter size, the training net's second conv,
  // a stride-2 7×7 over phase planes, and pad ≥ filter size (its backward takes the im2col path)
  [[2, 3, 6, 9], [5, 3, 3, 5], 1, 2],
  [[3, 16, 14, 14], [32, 16, 3, 3], 1, 1],
  [[2, 3, 15, 17], [4, 3, 7, 7], 2, 3],
  [[1, 2, 5, 5], [3, 2, 2, 2], 1, 2],
];

describe.each(['auto', 'typescript'] as const)('fast conv2d against the reference op (gemm backend %s)', (choice) => {
  afterAll(() => setGemmBackend('auto'));
  for (const [xShape, wShape, stride, pad] of cases) {
    const name = `x=[${xShape}] w=[${wShape}] s=${stride} p=${pad}`;
    const rng = new Rng(xShape[2] * 31 + wShape[3] * 7 + stride + pad);
    const x = randomNormal(xShape, rng);
    const w = randomNormal(wShape, rng);
    const b = randomNormal([wShape[0]], rng);
    const params = { stride, pad };

    it(`forward ${name}`, () => {
      setGemmBackend(choice);
      const expected = conv2dForward(x, w, b, params);
      const actual = fastConv2dForward(x, w, b, params);
      expect(actual.shape).toEqual(expected.shape);
      expect(actual.dtype).toBe('float32');
      expect(scaledMaxError(actual, expected)).toBeLessThan(1e-5);
    });

    it(`backward ${name}`, () => {
      setGemmBackend(choice);
      const dout = randomNormal(conv2dForward(x, w, b, params).shape, rng);
      const expected = conv2dBackward(dout, x, w, params);
      const actual = fastConv2dBackward(dout, x, w, params);
      for (const key of ['dx', 'dw', 'db'] as const) {
        expect(actual[key].shape, key).toEqual(expected[key].shape);
        expect(scaledMaxError(actual[key], expected[key]), key).toBeLessThan(1e-5);
      }
    });
  }

  it('takes the direct tap-kernel path exactly where it applies (dx: stride 1, pad < filter size)', () => {
    setGemmBackend(choice);
    expect(directConvAvailable()).toBe(choice === 'auto');
    const backward = (x: number[], w: number[], stride: number, pad: number) => directDxEligible(convGeometry(x, w, { stride, pad }));
    expect(backward([2, 3, 6, 9], [5, 3, 3, 5], 1, 2)).toBe(choice === 'auto');
    expect(backward([2, 3, 15, 17], [4, 3, 7, 7], 2, 3)).toBe(false);
    expect(backward([1, 2, 5, 5], [3, 2, 2, 2], 1, 2)).toBe(false);
  });

  it('writes into given buffers, overwriting what they held; dx: null skips dx: x=[2,3,8,8] w=[4,3,3,3] s=1 p=1', () => {
    setGemmBackend(choice);
    const rng = new Rng(11);
    const x = randomNormal([2, 3, 8, 8], rng),
      w = randomNormal([4, 3, 3, 3], rng),
      b = randomNormal([4], rng);
    const params = { stride: 1, pad: 1 };
    const out = randomNormal([2, 4, 8, 8], rng);
    expect(fastConv2dForward(x, w, b, params, out)).toBe(out);
    expect(scaledMaxError(out, conv2dForward(x, w, b, params))).toBeLessThan(1e-5);
    const dout = randomNormal([2, 4, 8, 8], rng);
    const expected = conv2dBackward(dout, x, w, params);
    const into = { dx: randomNormal([2, 3, 8, 8], rng), dw: randomNormal([4, 3, 3, 3], rng), db: randomNormal([4], rng) };
    fastConv2dBackward(dout, x, w, params, into);
    for (const key of ['dx', 'dw', 'db'] as const) expect(scaledMaxError(into[key], expected[key]), key).toBeLessThan(1e-5);
    const noDx = { dx: null, dw: randomNormal([4, 3, 3, 3], rng), db: randomNormal([4], rng) };
    expect(fastConv2dBackward(dout, x, w, params, noDx).dx).toBeNull();
    expect(scaledMaxError(noDx.dw, expected.dw)).toBeLessThan(1e-5);
  });

  it('does not mutate its inputs: x=[2,3,5,5] w=[2,3,3,3] s=1 p=1', () => {
    setGemmBackend(choice);
    const rng = new Rng(3);
    const x = randomNormal([2, 3, 5, 5], rng),
      w = randomNormal([2, 3, 3, 3], rng),
      b = randomNormal([2], rng);
    const [xs, ws, bs] = [x.data.slice(), w.data.slice(), b.data.slice()];
    const out = fastConv2dForward(x, w, b, { stride: 1, pad: 1 });
    fastConv2dBackward(out, x, w, { stride: 1, pad: 1 });
    expect([x.data, w.data, b.data]).toEqual([xs, ws, bs]);
  });
});
