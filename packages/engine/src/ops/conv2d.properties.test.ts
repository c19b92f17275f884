import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Tensor, index4 } from '../tensor.ts';
import { conv2dForward } from './conv2d.ts';
import { denseForward } from './dense.ts';
import { randn, scaledMaxError } from '../testing/gradcheck.ts';

/** An explicit zero-padded copy of x [N, C, H, W], written independently of conv2d's virtual padding. */
function zeroPad(x: Tensor, pad: number): Tensor {
  const [N, C, H, W] = x.shape;
  const out = Tensor.zeros([N, C, H + 2 * pad, W + 2 * pad], x.dtype);
  for (let n = 0; n < N; n++)
    for (let c = 0; c < C; c++)
      for (let h = 0; h < H; h++) for (let w = 0; w < W; w++) out.data[index4(out.shape, n, c, h + pad, w + pad)] = x.data[index4(x.shape, n, c, h, w)];
  return out;
}

/** Transpose of a [rows, cols] matrix. */
function transpose(m: Tensor): Tensor {
  const [rows, cols] = m.shape;
  const out = Tensor.zeros([cols, rows], m.dtype);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out.data[c * rows + r] = m.data[r * cols + c];
  return out;
}

describe('conv2d properties (fast-check)', () => {
  it("shape law: x=[N,C,H,W] built from any H', stride, HH, pad gives [N,F,H',W']", () => {
    const dim = fc.record({ out: fc.integer({ min: 1, max: 4 }), filter: fc.integer({ min: 1, max: 4 }), pad: fc.integer({ min: 0, max: 2 }) });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        dim,
        dim,
        (N, C, F, stride, h, v) => {
          // Input size so that exactly `out` windows fit: the last window ends at the padded edge.
          const H = (h.out - 1) * stride + h.filter - 2 * h.pad;
          const W = (v.out - 1) * stride + v.filter - 2 * v.pad;
          const pad = Math.min(h.pad, v.pad);
          const Hp = H + 2 * (h.pad - pad);
          const Wp = W + 2 * (v.pad - pad);
          fc.pre(Hp >= 1 && Wp >= 1);
          const out = conv2dForward(Tensor.ones([N, C, Hp, Wp]), Tensor.ones([F, C, h.filter, v.filter]), Tensor.zeros([F]), { stride, pad });
          expect(out.shape).toEqual([N, F, h.out, v.out]);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('linear in x and in w: conv(a·x1 + x2, w) = a·conv(x1, w) + conv(x2, w) (b = 0), likewise in w; x=[2,2,5,5] w=[2,2,3,3]', () => {
    const params = { stride: 2, pad: 1 };
    const b = Tensor.zeros([2], 'float64');
    const combine = (a: number, p: Tensor, q: Tensor): Tensor =>
      new Tensor(
        p.shape,
        p.data.map((v, i) => a * v + q.data[i]),
        'float64',
      );
    fc.assert(
      fc.property(fc.integer(), fc.double({ min: -3, max: 3, noNaN: true }), (seed, a) => {
        const [x1, x2] = [randn([2, 2, 5, 5], seed), randn([2, 2, 5, 5], seed + 1)];
        const [w1, w2] = [randn([2, 2, 3, 3], seed + 2), randn([2, 2, 3, 3], seed + 3)];
        const inX = conv2dForward(combine(a, x1, x2), w1, b, params);
        const sumX = combine(a, conv2dForward(x1, w1, b, params), conv2dForward(x2, w1, b, params));
        expect(scaledMaxError(inX, sumX)).toBeLessThan(1e-12);
        const inW = conv2dForward(x1, combine(a, w1, w2), b, params);
        const sumW = combine(a, conv2dForward(x1, w1, b, params), conv2dForward(x1, w2, b, params));
        expect(scaledMaxError(inW, sumW)).toBeLessThan(1e-12);
      }),
      { numRuns: 40 },
    );
  });

  it('virtual padding equals explicit zeros: conv(x, pad=p) = conv(zeroPad(x, p), pad=0) for random x=[N,C,H,W], w, p ≤ 2', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 3 }), (seed, pad, filter) => {
        const x = randn([2, 2, 4, 5], seed);
        const w = randn([3, 2, filter, filter], seed + 1);
        const b = randn([3], seed + 2);
        const padded = conv2dForward(zeroPad(x, pad), w, b, { stride: 1, pad: 0 });
        expect(scaledMaxError(conv2dForward(x, w, b, { stride: 1, pad }), padded)).toBeLessThan(1e-14);
      }),
      { numRuns: 30 },
    );
  });

  it('a filter as large as the input is a dense layer: conv(x=[N,C,H,W], w=[F,C,H,W]) = dense(flatten(x), flatten(w)ᵀ)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), (seed, C, H, W) => {
        const [N, F, D] = [2, 3, C * H * W];
        const x = randn([N, C, H, W], seed);
        const w = randn([F, C, H, W], seed + 1);
        const b = randn([F], seed + 2);
        const conv = conv2dForward(x, w, b, { stride: 1, pad: 0 });
        expect(conv.shape).toEqual([N, F, 1, 1]);
        const dense = denseForward(x.reshape([N, D]), transpose(w.reshape([F, D])), b);
        expect(scaledMaxError(conv, dense)).toBeLessThan(1e-14);
      }),
      { numRuns: 30 },
    );
  });
});
