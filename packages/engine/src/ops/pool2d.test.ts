import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Tensor } from '../tensor.ts';
import { avgPool2dBackward, avgPool2dForward, maxPool2dBackward, maxPool2dForward } from './pool2d.ts';
import { linspace, numericalGradient, randn, relError } from '../testing/gradcheck.ts';

/** CS231n assignment 2, ConvolutionalNetworks.ipynb, "Max-Pooling: Naive forward". */
const CS231N_POOL_OUT = [
  -0.26315789, -0.24842105, -0.20421053, -0.18947368, -0.14526316, -0.13052632, -0.08631579, -0.07157895, -0.02736842, -0.01263158, 0.03157895, 0.04631579,
  0.09052632, 0.10526316, 0.14947368, 0.16421053, 0.20842105, 0.22315789, 0.26736842, 0.28210526, 0.32631579, 0.34105263, 0.38526316, 0.4,
];

// biome-ignore format: a tensor literal, kept on one line
const D2L_X = [[0, 1, 2], [3, 4, 5], [6, 7, 8]];
const total = (t: Tensor): number => Array.from(t.data).reduce((a, v) => a + v, 0);

// Each 2×2 window's maximum sits at a different place, never only at the end:
// top-left 9 (first), top-right 8 (second), bottom-left 6 (second), bottom-right 4 (third).
// biome-ignore format: a tensor literal, kept on one line
const SCATTERED = [[[[9, 1, 2, 8], [3, 4, 7, 5], [0, 6, 1, 2], [5, 3, 4, 0]]]];

describe('maxPool2d: published and hand-worked values', () => {
  it('CS231n max_pool_forward_naive: x=[2,3,4,4] size=2 s=2 → [2,3,2,2], rel_error < 1e-7', () => {
    const x = new Tensor([2, 3, 4, 4], linspace(-0.3, 0.4, 96), 'float64');
    const out = maxPool2dForward(x, { size: 2, stride: 2 });
    expect(out.shape).toEqual([2, 3, 2, 2]);
    expect(relError(out, CS231N_POOL_OUT)).toBeLessThan(1e-7);
  });

  it('maxima not at the window end: x=[1,1,4,4] size=2 s=2 → [[9,8],[6,4]]', () => {
    // biome-ignore format: a tensor literal, kept on one line
    expect(maxPool2dForward(Tensor.from(SCATTERED), { size: 2, stride: 2 }).toArray()).toEqual([[[[9, 8], [6, 4]]]]);
  });

  it('backward sends each window gradient to its maximum: x=[1,1,4,4] dout=[[1,2],[3,4]]', () => {
    // biome-ignore format: a tensor literal, kept on one line
    const dx = maxPool2dBackward(Tensor.from([[[[1, 2], [3, 4]]]]), Tensor.from(SCATTERED), { size: 2, stride: 2 });
    // biome-ignore format: a tensor literal, kept on one line
    expect(dx.toArray()).toEqual([[[[1, 0, 0, 2], [0, 0, 0, 0], [0, 3, 0, 0], [0, 0, 4, 0]]]]);
  });

  it('D2L: x=[1,1,3,3] size=2 s=1 → [[4,5],[7,8]]', () => {
    // biome-ignore format: a tensor literal, kept on one line
    expect(maxPool2dForward(Tensor.from([[D2L_X]]), { size: 2, stride: 1 }).toArray()).toEqual([[[[4, 5], [7, 8]]]]);
  });

  it('ties go to the first maximum in row-major order: x=[1,2,2,2] [[5,5],[5,5]] and [[1,3],[3,2]]', () => {
    // biome-ignore format: a tensor literal, kept on one line
    const x = Tensor.from([[[[5, 5], [5, 5]], [[1, 3], [3, 2]]]]);
    const dx = maxPool2dBackward(Tensor.from([[[[7]], [[2]]]]), x, { size: 2, stride: 2 });
    // biome-ignore format: a tensor literal, kept on one line
    expect(dx.toArray()).toEqual([[[[7, 0], [0, 0]], [[0, 2], [0, 0]]]]);
  });

  it('overlapping windows accumulate: x=[1,1,5,5] size=3 s=2, the centre is the max of all 4 windows', () => {
    const x = Tensor.zeros([1, 1, 5, 5], 'float64');
    x.set(0, 0, 2, 2, 10);
    const out = maxPool2dForward(x, { size: 3, stride: 2 });
    // biome-ignore format: a tensor literal, kept on one line
    expect(out.toArray()).toEqual([[[[10, 10], [10, 10]]]]);
    // biome-ignore format: a tensor literal, kept on one line
    const dx = maxPool2dBackward(Tensor.from([[[[1, 2], [3, 4]]]], 'float64'), x, { size: 3, stride: 2 });
    expect(dx.get(0, 0, 2, 2)).toBe(10);
    expect(total(dx)).toBe(10);
  });

  it('channels and batch are pooled separately: x=[2,2,2,2] size=2 s=2 → one max per map', () => {
    const x = new Tensor([2, 2, 2, 2], [1, 8, 3, 2, -5, -1, -7, -3, 0, 0, 0, 0.5, 4, 4, 4, 4]);
    // biome-ignore format: a tensor literal, kept on one line
    expect(maxPool2dForward(x, { size: 2, stride: 2 }).toArray()).toEqual([[[[8]], [[-1]]], [[[0.5]], [[4]]]]);
  });
});

describe('avgPool2d: hand-worked values', () => {
  it('D2L X: x=[1,1,3,3] size=2 s=1 → [[2,3],[5,6]]', () => {
    // biome-ignore format: a tensor literal, kept on one line
    expect(avgPool2dForward(Tensor.from([[D2L_X]]), { size: 2, stride: 1 }).toArray()).toEqual([[[[2, 3], [5, 6]]]]);
  });

  it('backward shares the gradient equally: x=[1,1,3,3] size=2 s=1, dout all 4 → corners 1, edges 2, centre 4', () => {
    const dx = avgPool2dBackward(Tensor.full([1, 1, 2, 2], 4), Tensor.from([[D2L_X]]), { size: 2, stride: 1 });
    // biome-ignore format: a tensor literal, kept on one line
    expect(dx.toArray()).toEqual([[[[1, 2, 1], [2, 4, 2], [1, 2, 1]]]]);
  });
});

const GRAD_CASES: Array<[string, number[], number, number]> = [
  ['CS231n notebook x=[3,2,8,8] size=2 s=2', [3, 2, 8, 8], 2, 2],
  ['overlapping x=[2,3,7,7] size=3 s=2', [2, 3, 7, 7], 3, 2],
  ['non-square x=[2,2,4,6] size=2 s=2', [2, 2, 4, 6], 2, 2],
  ['dense overlap x=[1,2,5,6] size=3 s=1', [1, 2, 5, 6], 3, 1],
  ['gaps between windows x=[1,1,7,7] size=2 s=5', [1, 1, 7, 7], 2, 5],
];

describe('pool2d backward against central differences (float64, rel_error < 1e-6)', () => {
  for (const [k, [name, shape, size, stride]] of GRAD_CASES.entries()) {
    const params = { size, stride };
    it(`maxPool2d ${name}`, () => {
      const x = randn(shape, 50 + k);
      const dout = randn(maxPool2dForward(x, params).shape, 60 + k);
      const numeric = numericalGradient(() => maxPool2dForward(x, params), x, dout);
      expect(relError(maxPool2dBackward(dout, x, params), numeric)).toBeLessThan(1e-6);
    });
    it(`avgPool2d ${name}`, () => {
      const x = randn(shape, 70 + k);
      const dout = randn(avgPool2dForward(x, params).shape, 80 + k);
      const numeric = numericalGradient(() => avgPool2dForward(x, params), x, dout);
      expect(relError(avgPool2dBackward(dout, x, params), numeric)).toBeLessThan(1e-6);
    });
  }
});

describe('pool2d dtypes and purity', () => {
  it.each(['float32', 'float64'] as const)('x=[2,3,6,6] size=3 s=3 in %s: outputs keep the dtype, inputs unchanged', (dtype) => {
    const params = { size: 3, stride: 3 };
    const x = randn([2, 3, 6, 6], 5, dtype);
    const dout = randn([2, 3, 2, 2], 6, dtype);
    const [xBefore, doutBefore] = [x.clone(), dout.clone()];
    const outs = [maxPool2dForward(x, params), maxPool2dBackward(dout, x, params), avgPool2dForward(x, params), avgPool2dBackward(dout, x, params)];
    for (const t of outs) expect(t.dtype).toBe(dtype);
    expect(x.data).toEqual(xBefore.data);
    expect(dout.data).toEqual(doutBefore.data);
  });
});

describe('pool2d properties (fast-check)', () => {
  const shapes = fc.record({
    N: fc.integer({ min: 1, max: 2 }),
    C: fc.integer({ min: 1, max: 3 }),
    size: fc.integer({ min: 1, max: 4 }),
    stride: fc.integer({ min: 1, max: 3 }),
    outHeight: fc.integer({ min: 1, max: 4 }),
    outWidth: fc.integer({ min: 1, max: 4 }),
  });
  const inputSize = (out: number, size: number, stride: number): number => (out - 1) * stride + size;

  it("max and avg pooling of a constant input x=[N,C,H,W] is that constant, of shape [N,C,H',W']", () => {
    fc.assert(
      fc.property(shapes, fc.double({ min: -1e6, max: 1e6, noNaN: true }), (s, value) => {
        const x = Tensor.full([s.N, s.C, inputSize(s.outHeight, s.size, s.stride), inputSize(s.outWidth, s.size, s.stride)], value, 'float64');
        const params = { size: s.size, stride: s.stride };
        for (const out of [maxPool2dForward(x, params), avgPool2dForward(x, params)]) {
          expect(out.shape).toEqual([s.N, s.C, s.outHeight, s.outWidth]);
          for (const v of out.data) expect(v).toBeCloseTo(value, 6);
        }
        for (const v of maxPool2dForward(x, params).data) expect(v).toBe(value);
      }),
      { numRuns: 100 },
    );
  });

  it('max pooling ≥ average pooling, and max pooling gradients sum to the sum of dout', () => {
    fc.assert(
      fc.property(shapes, fc.integer(), (s, seed) => {
        const x = randn([s.N, s.C, inputSize(s.outHeight, s.size, s.stride), inputSize(s.outWidth, s.size, s.stride)], seed);
        const params = { size: s.size, stride: s.stride };
        const max = maxPool2dForward(x, params);
        const avg = avgPool2dForward(x, params);
        max.data.forEach((v, i) => expect(v).toBeGreaterThanOrEqual(avg.data[i] - 1e-12));
        const dout = randn(max.shape, seed + 1);
        expect(total(maxPool2dBackward(dout, x, params))).toBeCloseTo(total(dout), 9);
      }),
      { numRuns: 60 },
    );
  });
});
