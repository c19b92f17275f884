/** Exercise 03: maxPool2dForward. */
import fc from 'fast-check';
import { maxPool2dForward, Tensor, type PoolParams } from '@convkit/engine';
import {
  caseTest,
  linspace,
  randomTest,
  sh,
  sizeFormula,
  type CaseOptions,
  type TestSpec,
  normal,
  poolPlaneArb,
  seedArb,
  small,
  tiesTensor,
} from '@convkit/grader/spec';

type Args = [Tensor, PoolParams];
export const poolExplain = (x: Tensor, { size, stride }: PoolParams): string =>
  `out is [N, C, H', W'] = [${x.shape[0]}, ${x.shape[1]}, H', W'] with ${sizeFormula("H'", x.shape[2], size, stride, 0)} and ${sizeFormula("W'", x.shape[3], size, stride, 0)}`;
const options: CaseOptions<Args> = { fn: 'maxPool2dForward', argNames: ['x', 'params'], reference: maxPool2dForward, explainShape: poolExplain };

const pool = (xs: number[], size: number, stride: number, seed: number, note = ''): TestSpec =>
  caseTest(`x=${sh(xs)} size=${size} s=${stride}${note}`, options, (): Args => [normal(xs, seed), { size, stride }]);

// biome-ignore format: a tensor literal, kept on one line
export const tests = (): TestSpec[] => [
  caseTest('x=[1,1,2,2] size=2 s=2 (one window: its maximum)', options, (): Args => [Tensor.from([[[[3, 9], [-1, 4]]]], 'float64'), { size: 2, stride: 2 }]),
  caseTest('x=[1,1,3,3] size=2 s=1 (overlapping windows, hand-worked: [[4,5],[7,8]])', options, (): Args => [
    Tensor.from([[[[0, 1, 2], [3, 4, 5], [6, 7, 8]]]], 'float64'), { size: 2, stride: 1 },
  ]),
  caseTest('x=[1,1,4,4] size=2 s=2 (maxima at different window positions)', options, (): Args => [
    Tensor.from([[[[9, 1, 2, 3], [4, 5, 6, 0], [1, 2, 0, 0], [3, 0, 0, 7]]]], 'float64'), { size: 2, stride: 2 },
  ]),
  caseTest('x=[1,2,2,4] size=2 s=2 (all values negative)', options, (): Args => [
    Tensor.from([[[[-5, -3, -8, -9], [-4, -6, -7, -10]], [[-1, -2, -3, -4], [-5, -6, -7, -8]]]], 'float64'), { size: 2, stride: 2 },
  ]),
  caseTest('CS231n vectors: x=[2,3,4,4] size=2 s=2 (linspace input)', options, (): Args => [linspace(-0.3, 0.4, [2, 3, 4, 4]), { size: 2, stride: 2 }], 2),
  pool([2, 3, 4, 6], 2, 2, 31, ' (non-square input, N and C > 1)'),
  pool([2, 2, 5, 5], 3, 1, 32, ' (overlapping 3×3 windows)'),
  pool([1, 1, 7, 5], 3, 2, 33, ' (size 3 stride 2)'),
  pool([2, 1, 3, 3], 1, 1, 34, ' (1×1 windows copy the input)'),
  caseTest('x=[1,1,4,4] size=2 s=2 (ties: equal values in a window)', options, (): Args => [tiesTensor([1, 1, 4, 4], 35), { size: 2, stride: 2 }]),
  // The error contract the notes teach: windows that do not tile the input throw, as outputSize does.
  caseTest("x=[1,1,5,5] size=2 s=2 must throw: H' = (5 − 2)/2 + 1 = 2.5 does not fit", options, (): Args => [normal([1, 1, 5, 5], 36), { size: 2, stride: 2 }]),
  caseTest('x=[1,1,2,2] size=3 s=1 must throw: the window is larger than the input', options, (): Args => [normal([1, 1, 2, 2], 37), { size: 3, stride: 1 }]),
  randomTest('random shapes, sizes and strides', {
    ...options,
    arbitrary: fc.record({ N: small(3), C: small(3), p: poolPlaneArb(3, 3), seed: seedArb }),
    build: ({ N, C, p, seed }): Args => [normal([N, C, p.H, p.W], seed), { size: p.size, stride: p.stride }],
    label: ({ N, C, p }) => `x=${sh([N, C, p.H, p.W])} size=${p.size} s=${p.stride}`,
    seed: 303,
  }, 3),
];
