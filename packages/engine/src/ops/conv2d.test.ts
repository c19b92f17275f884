import { describe, expect, it } from 'vitest';
import { Tensor } from '../tensor.ts';
import { conv2dBackward, conv2dForward } from './conv2d.ts';
import { linspace, numericalGradient, randn, relError } from '../testing/gradcheck.ts';

/** CS231n assignment 2, ConvolutionalNetworks.ipynb, "Convolution: Naive forward pass". */
const CS231N_CONV_OUT = [
  -0.08759809, -0.10987781, -0.18387192, -0.2109216, 0.21027089, 0.21661097, 0.22847626, 0.23004637, 0.50813986, 0.54309974, 0.64082444, 0.67101435,
  -0.98053589, -1.03143541, -1.19128892, -1.24695841, 0.69108355, 0.66880383, 0.59480972, 0.56776003, 2.36270298, 2.36904306, 2.38090835, 2.38247847,
];

// biome-ignore format: a tensor literal, kept on one line
const D2L_X = [[0, 1, 2], [3, 4, 5], [6, 7, 8]];
// biome-ignore format: a tensor literal, kept on one line
const D2L_K = [[0, 1], [2, 3]];
const plusOne = (m: number[][]): number[][] => m.map((row) => row.map((v) => v + 1));

describe('conv2dForward: published and hand-worked values', () => {
  it('CS231n conv_forward_naive: x=[2,3,4,4] w=[3,3,4,4] b=[3] s=2 p=1 → [2,3,2,2], rel_error < 1e-7', () => {
    const x = new Tensor([2, 3, 4, 4], linspace(-0.1, 0.5, 96), 'float64');
    const w = new Tensor([3, 3, 4, 4], linspace(-0.2, 0.3, 144), 'float64');
    const b = new Tensor([3], linspace(-0.1, 0.2, 3), 'float64');
    const out = conv2dForward(x, w, b, { stride: 2, pad: 1 });
    expect(out.shape).toEqual([2, 3, 2, 2]);
    expect(relError(out, CS231N_CONV_OUT)).toBeLessThan(1e-7);
  });

  it('D2L: x=[1,1,3,3] w=[1,1,2,2] s=1 p=0 → [[19,25],[37,43]] (cross-correlation, the kernel is not flipped)', () => {
    const out = conv2dForward(Tensor.from([[D2L_X]]), Tensor.from([[D2L_K]]), Tensor.zeros([1]), { stride: 1, pad: 0 });
    // biome-ignore format: a tensor literal, kept on one line
    expect(out.toArray()).toEqual([[[[19, 25], [37, 43]]]]);
  });

  it('D2L two channels: x=[1,2,3,3] w=[1,2,2,2] sums over channels → [[56,72],[104,120]]', () => {
    const x = Tensor.from([[D2L_X, plusOne(D2L_X)]]);
    const w = Tensor.from([[D2L_K, plusOne(D2L_K)]]);
    const out = conv2dForward(x, w, Tensor.zeros([1]), { stride: 1, pad: 0 });
    // biome-ignore format: a tensor literal, kept on one line
    expect(out.toArray()).toEqual([[[[56, 72], [104, 120]]]]);
  });

  it('bias and several filters: x=[1,1,3,3] w=[2,1,2,2] b=[10,-1] → each map plus its own bias', () => {
    const x = Tensor.from([[D2L_X]]);
    // biome-ignore format: a tensor literal, kept on one line
    const w = Tensor.from([[D2L_K], [[[1, 0], [0, 0]]]]);
    const out = conv2dForward(x, w, Tensor.from([10, -1]), { stride: 1, pad: 0 });
    // biome-ignore format: a tensor literal, kept on one line
    expect(out.toArray()).toEqual([[[[29, 35], [47, 53]], [[-1, 0], [2, 3]]]]);
  });

  it('padding is zeros: x=[1,1,2,2] of [[1,2],[3,4]], 3×3 ones, s=1 p=1 → every window sees all four values', () => {
    // biome-ignore format: a tensor literal, kept on one line
    const x = Tensor.from([[[[1, 2], [3, 4]]]]);
    const out = conv2dForward(x, Tensor.ones([1, 1, 3, 3]), Tensor.zeros([1]), { stride: 1, pad: 1 });
    // biome-ignore format: a tensor literal, kept on one line
    expect(out.toArray()).toEqual([[[[10, 10], [10, 10]]]]);
  });

  it('stride 2, pad 1: x=[1,1,3,3] (D2L X), w=[1,1,3,3] ones → [[8,12],[20,24]], the 2×2 neighbourhood sums at the corners', () => {
    // Windows centred on x[0][0], x[0][2], x[2][0], x[2][2]; the rest of each window is padding.
    // 0+1+3+4 = 8, 1+2+4+5 = 12, 3+4+6+7 = 20, 4+5+7+8 = 24.
    const out = conv2dForward(Tensor.from([[D2L_X]]), Tensor.ones([1, 1, 3, 3]), Tensor.zeros([1]), { stride: 2, pad: 1 });
    // biome-ignore format: a tensor literal, kept on one line
    expect(out.toArray()).toEqual([[[[8, 12], [20, 24]]]]);
  });
});

interface GradCase {
  name: string;
  x: number[];
  w: number[];
  stride: number;
  pad: number;
}

const GRAD_CASES: GradCase[] = [
  { name: 'CS231n notebook x=[4,3,5,5] w=[2,3,3,3] s=1 p=1', x: [4, 3, 5, 5], w: [2, 3, 3, 3], stride: 1, pad: 1 },
  { name: 'x=[2,3,7,7] w=[4,3,3,3] s=2 p=1', x: [2, 3, 7, 7], w: [4, 3, 3, 3], stride: 2, pad: 1 },
  { name: 'non-square x=[2,2,5,7] w=[3,2,3,1] s=2 p=0', x: [2, 2, 5, 7], w: [3, 2, 3, 1], stride: 2, pad: 0 },
  { name: 'non-square kernel x=[1,3,6,5] w=[2,3,2,3] s=1 p=0', x: [1, 3, 6, 5], w: [2, 3, 2, 3], stride: 1, pad: 0 },
  { name: 'stride larger than kernel x=[2,1,5,5] w=[2,1,2,2] s=3 p=0', x: [2, 1, 5, 5], w: [2, 1, 2, 2], stride: 3, pad: 0 },
  { name: 'pad as wide as kernel x=[1,2,3,4] w=[2,2,2,2] s=1 p=2', x: [1, 2, 3, 4], w: [2, 2, 2, 2], stride: 1, pad: 2 },
];

describe('conv2dBackward against central differences (float64, rel_error < 1e-6)', () => {
  for (const [k, c] of GRAD_CASES.entries()) {
    it(c.name, () => {
      const params = { stride: c.stride, pad: c.pad };
      const x = randn(c.x, 10 + k);
      const w = randn(c.w, 20 + k);
      const b = randn([c.w[0]], 30 + k);
      const out = conv2dForward(x, w, b, params);
      const dout = randn(out.shape, 40 + k);
      const { dx, dw, db } = conv2dBackward(dout, x, w, params);
      const forward = (): Tensor => conv2dForward(x, w, b, params);
      expect(relError(dx, numericalGradient(forward, x, dout))).toBeLessThan(1e-6);
      expect(relError(dw, numericalGradient(forward, w, dout))).toBeLessThan(1e-6);
      expect(relError(db, numericalGradient(forward, b, dout))).toBeLessThan(1e-6);
    });
  }
});

describe('conv2d dtypes and purity', () => {
  it.each(['float32', 'float64'] as const)('x=[2,2,4,4] w=[3,2,3,3] s=1 p=1 in %s: outputs keep the dtype, inputs unchanged', (dtype) => {
    const x = randn([2, 2, 4, 4], 1, dtype);
    const w = randn([3, 2, 3, 3], 2, dtype);
    const b = randn([3], 3, dtype);
    const dout = randn([2, 3, 4, 4], 4, dtype);
    const before = [x, w, b, dout].map((t) => t.clone());
    const out = conv2dForward(x, w, b, { stride: 1, pad: 1 });
    const grads = conv2dBackward(dout, x, w, { stride: 1, pad: 1 });
    for (const t of [out, grads.dx, grads.dw, grads.db]) expect(t.dtype).toBe(dtype);
    [x, w, b, dout].forEach((t, i) => expect(t.data).toEqual(before[i].data));
  });
});
