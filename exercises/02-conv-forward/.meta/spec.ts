/** Exercise 02: conv2dForward, ordered as the instructions build it up. */
import { conv2dForward, Tensor, type ConvParams } from '@convkit/engine';
import fc from 'fast-check';
import {
  caseTest,
  linspace,
  randomTest,
  rotated180,
  sh,
  sizeFormula,
  FLIPPED_KERNEL,
  type CaseOptions,
  type TestSpec,
  normal,
  planeArb,
  seedArb,
  small,
} from '@convkit/grader/spec';

type Args = [Tensor, Tensor, Tensor, ConvParams];
export const convOptions: CaseOptions<Args> = {
  fn: 'conv2dForward',
  argNames: ['x', 'w', 'b', 'params'],
  reference: conv2dForward,
  explainShape: (x, w, _b, { stride, pad }) =>
    `out is [N, T, H', W'] = [${x.shape[0]}, ${w.shape[0]}, H', W'] with ${sizeFormula("H'", x.shape[2], w.shape[2], stride, pad)} and ${sizeFormula("W'", x.shape[3], w.shape[3], stride, pad)}`,
  // A true convolution (the textbook's, with the kernel rotated 180°) instead of the cross-correlation CNNs compute.
  mistakes: [{ says: FLIPPED_KERNEL, computes: (x, w, b, params) => conv2dForward(x, rotated180(w), b, params) }],
};

const f64 = (v: number[][][][]): Tensor => Tensor.from(v, 'float64');
/** Dive into Deep Learning's 3×3 example input and 2×2 kernel. */
// biome-ignore format: a tensor literal, kept on one line
const X = [[0, 1, 2], [3, 4, 5], [6, 7, 8]];
// biome-ignore format: a tensor literal, kept on one line
const K = [[0, 1], [2, 3]];
const plus1 = (m: number[][]): number[][] => m.map((r) => r.map((v) => v + 1));

/** A case on normal(0, 1) inputs of the given shapes. */
export function convCase(xs: number[], ws: number[], stride: number, pad: number, seed: number, note = '', weight = 1): TestSpec {
  return caseTest(
    `x=${sh(xs)} w=${sh(ws)} s=${stride} p=${pad}${note}`,
    convOptions,
    (): Args => [normal(xs, seed), normal(ws, seed + 1), normal([ws[0]], seed + 2), { stride, pad }],
    weight,
  );
}

// biome-ignore format: a tensor literal, kept on one line
export const tests = (): TestSpec[] => [
  caseTest('one filter, one channel: x=[1,1,3,3] w=[1,1,2,2] s=1 p=0 (hand-worked: [[19,25],[37,43]])', convOptions, (): Args => [
    f64([[X]]), f64([[K]]), Tensor.zeros([1], 'float64'), { stride: 1, pad: 0 },
  ]),
  caseTest('depth: x=[1,2,3,3] w=[1,2,2,2] s=1 p=0 (channels add up: [[56,72],[104,120]])', convOptions, (): Args => [
    f64([[X, plus1(X)]]), f64([[K, plus1(K)]]), Tensor.zeros([1], 'float64'), { stride: 1, pad: 0 },
  ]),
  caseTest('bias: x=[1,1,3,3] w=[1,1,2,2] b=[1] s=1 p=0', convOptions, (): Args => [
    f64([[X]]), f64([[K]]), Tensor.from([0.5], 'float64'), { stride: 1, pad: 0 },
  ]),
  convCase([1, 3, 4, 4], [3, 3, 3, 3], 1, 0, 21, ' (T = 3 filters give 3 activation maps)'),
  convCase([1, 1, 5, 5], [1, 1, 3, 3], 2, 0, 22, ' (stride 2)'),
  convCase([1, 1, 3, 3], [1, 1, 3, 3], 1, 1, 23, ' (pad 1 keeps 3×3)'),
  convCase([2, 2, 4, 4], [2, 2, 3, 3], 1, 1, 24, ' (N = 2 examples)'),
  caseTest('CS231n vectors: x=[2,3,4,4] w=[3,3,4,4] s=2 p=1 (linspace inputs)', convOptions, (): Args => [
    linspace(-0.1, 0.5, [2, 3, 4, 4]), linspace(-0.2, 0.3, [3, 3, 4, 4]), linspace(-0.1, 0.2, [3]), { stride: 2, pad: 1 },
  ], 2),
  convCase([2, 2, 5, 7], [3, 2, 3, 2], 1, 1, 25, ' (non-square input and kernel)'),
  convCase([2, 3, 4, 5], [4, 3, 1, 1], 1, 0, 26, ' (1×1 kernel mixes channels only)'),
  convCase([1, 2, 7, 5], [2, 2, 3, 3], 2, 2, 27, ' (stride 2 and pad 2)'),
  convCase([3, 1, 6, 4], [2, 1, 2, 4], 2, 0, 28, ' (kernel as wide as the input)'),
  // The error contract the notes teach (stride and padding): a geometry that does not fit throws, as outputSize does.
  caseTest("x=[1,1,5,5] w=[1,1,2,2] s=2 p=0 must throw: H' = (5 − 2 + 0)/2 + 1 = 2.5 does not fit", convOptions, (): Args => [
    normal([1, 1, 5, 5], 29), normal([1, 1, 2, 2], 30), normal([1], 31), { stride: 2, pad: 0 },
  ]),
  caseTest('x=[1,1,2,2] w=[1,1,3,3] s=1 p=0 must throw: the filter is larger than the input', convOptions, (): Args => [
    normal([1, 1, 2, 2], 32), normal([1, 1, 3, 3], 33), normal([1], 34), { stride: 1, pad: 0 },
  ]),
  randomTest('random shapes, strides and padding', {
    ...convOptions,
    arbitrary: fc.record({ N: small(3), C: small(3), F: small(3), p: planeArb(4, 3, 2), seed: seedArb }),
    build: ({ N, C, F, p, seed }): Args => [normal([N, C, p.H, p.W], seed), normal([F, C, p.HH, p.WW], seed + 1), normal([F], seed + 2), { stride: p.stride, pad: p.pad }],
    label: ({ N, C, F, p }) => `x=${sh([N, C, p.H, p.W])} w=${sh([F, C, p.HH, p.WW])} s=${p.stride} p=${p.pad}`,
    seed: 202,
  }, 3),
];
