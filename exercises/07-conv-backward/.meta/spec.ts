/** Exercise 07: conv2dBackward — vs the engine and vs numerical gradients of the reference forward pass. */
import fc from 'fast-check';
import { conv2dBackward, conv2dForward, outputSize, Tensor, type ConvParams } from '@convkit/engine';
import { caseTest, numericalGradient, randomTest, sh, type CaseOptions, type TestSpec, normal, planeArb, seedArb, small } from '@convkit/grader/spec';

type Args = [Tensor, Tensor, Tensor, ConvParams];
const options: CaseOptions<Args> = { fn: 'conv2dBackward', argNames: ['dout', 'x', 'w', 'params'], reference: conv2dBackward };
const numeric: CaseOptions<Args> = {
  ...options,
  reference: (dout, x, w, p) => {
    const b = Tensor.zeros([w.shape[0]], 'float64');
    return {
      dx: numericalGradient((v) => conv2dForward(v, w, b, p), x.clone(), dout),
      dw: numericalGradient((v) => conv2dForward(x, v, b, p), w.clone(), dout),
      db: numericalGradient((v) => conv2dForward(x, w, v, p), b.clone(), dout),
    };
  },
};
const args = (xs: number[], ws: number[], stride: number, pad: number, seed: number) => (): Args => [
  normal([xs[0], ws[0], outputSize(xs[2], ws[2], stride, pad), outputSize(xs[3], ws[3], stride, pad)], seed),
  normal(xs, seed + 1),
  normal(ws, seed + 2),
  { stride, pad },
];
const conv = (xs: number[], ws: number[], stride: number, pad: number, seed: number, note: string, numericToo = false): TestSpec[] => [
  caseTest(`x=${sh(xs)} w=${sh(ws)} s=${stride} p=${pad}${note}`, options, args(xs, ws, stride, pad, seed)),
  ...(numericToo ? [caseTest(`x=${sh(xs)} w=${sh(ws)} s=${stride} p=${pad}${note} vs numerical gradient`, numeric, args(xs, ws, stride, pad, seed))] : []),
];

// biome-ignore format: a tensor literal, kept on one line
export const tests = (): TestSpec[] => [
  caseTest('x=[1,1,2,2] w=[1,1,2,2] s=1 p=0 (one output: dx = dout·w, dw = dout·x, db = dout)', options, (): Args => [
    Tensor.from([[[[2]]]], 'float64'), Tensor.from([[[[1, 2], [3, 4]]]], 'float64'), Tensor.from([[[[0.5, -1], [0, 2]]]], 'float64'), { stride: 1, pad: 0 },
  ]),
  ...conv([1, 1, 3, 3], [1, 1, 2, 2], 1, 0, 71, ' (sliding window)'),
  ...conv([1, 2, 4, 4], [3, 2, 3, 3], 1, 0, 72, ' (depth and T filters)'),
  ...conv([1, 1, 5, 5], [1, 1, 3, 3], 2, 0, 73, ' (stride 2)'),
  ...conv([1, 1, 3, 3], [1, 1, 3, 3], 1, 1, 74, ' (pad 1: padding gets no gradient)'),
  ...conv([4, 3, 5, 5], [2, 3, 3, 3], 1, 1, 75, ' (CS231n gradient check)', true),
  ...conv([2, 2, 5, 8], [3, 2, 3, 2], 2, 1, 76, ' (non-square, stride 2, pad 1)', true),
  ...conv([2, 3, 4, 4], [2, 3, 1, 1], 1, 0, 77, ' (1×1 kernel)'),
  randomTest('random shapes, strides and padding', {
    ...options,
    arbitrary: fc.record({ N: small(2), C: small(3), F: small(3), p: planeArb(3, 2, 2), seed: seedArb }),
    build: ({ N, C, F, p, seed }) => args([N, C, p.H, p.W], [F, C, p.HH, p.WW], p.stride, p.pad, seed)(),
    label: ({ N, C, F, p }) => `x=${sh([N, C, p.H, p.W])} w=${sh([F, C, p.HH, p.WW])} s=${p.stride} p=${p.pad}`,
    seed: 707,
  }, 3),
];
