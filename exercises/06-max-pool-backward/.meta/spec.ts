/** Exercise 06: maxPool2dBackward — ties send the gradient to the FIRST maximum in row-major order. */
import fc from 'fast-check';
import { maxPool2dBackward, maxPool2dForward, outputSize, Tensor, type PoolParams } from '@convkit/engine';
import {
  caseTest,
  numericalGradient,
  randomTest,
  sh,
  type CaseOptions,
  type TestSpec,
  normal,
  poolPlaneArb,
  seedArb,
  small,
  tiesTensor,
} from '@convkit/grader/spec';

type Args = [Tensor, Tensor, PoolParams];
const options: CaseOptions<Args> = { fn: 'maxPool2dBackward', argNames: ['dout', 'x', 'params'], reference: maxPool2dBackward, outputName: 'dx' };
const numeric: CaseOptions<Args> = { ...options, reference: (dout, x, p) => numericalGradient((v) => maxPool2dForward(v, p), x.clone(), dout) };
const outShape = (xs: number[], size: number, stride: number): number[] => [
  xs[0],
  xs[1],
  outputSize(xs[2], size, stride, 0),
  outputSize(xs[3], size, stride, 0),
];
const args =
  (xs: number[], size: number, stride: number, seed: number, x = normal) =>
  (): Args => [normal(outShape(xs, size, stride), seed), x(xs, seed + 1), { size, stride }];

// biome-ignore format: a tensor literal, kept on one line
export const tests = (): TestSpec[] => [
  caseTest('x=[1,1,2,2] size=2 s=2 (the maximum takes the whole gradient)', options, (): Args => [
    Tensor.from([[[[5]]]], 'float64'), Tensor.from([[[[3, 9], [-1, 4]]]], 'float64'), { size: 2, stride: 2 },
  ]),
  caseTest('x=[1,1,4,4] size=2 s=2 (four windows)', options, args([1, 1, 4, 4], 2, 2, 61)),
  caseTest('x=[1,1,2,2] size=2 s=2 tie (all equal: gradient to the first, top-left)', options, (): Args => [
    Tensor.from([[[[1]]]], 'float64'), Tensor.from([[[[7, 7], [7, 7]]]], 'float64'), { size: 2, stride: 2 },
  ]),
  caseTest('x=[1,1,2,3] size=2 s=1 tie (first maximum in row-major order is row 0, col 2)', options, (): Args => [
    Tensor.from([[[[1, 10]]]], 'float64'), Tensor.from([[[[0, 1, 5], [5, 5, 2]]]], 'float64'), { size: 2, stride: 1 },
  ]),
  caseTest('x=[2,2,4,4] size=2 s=2 with many ties (values 0..2)', options, args([2, 2, 4, 4], 2, 2, 62, tiesTensor)),
  caseTest('x=[1,1,3,3] size=2 s=1 (overlapping windows add up at a shared maximum)', options, (): Args => [
    Tensor.from([[[[1, 2], [3, 4]]]], 'float64'), Tensor.from([[[[0, 0, 0], [0, 9, 0], [0, 0, 0]]]], 'float64'), { size: 2, stride: 1 },
  ]),
  caseTest('x=[2,3,5,7] size=3 s=2 (non-square)', options, args([2, 3, 5, 7], 3, 2, 63)),
  caseTest('CS231n check: x=[3,2,8,8] size=2 s=2 vs numerical gradient', numeric, args([3, 2, 8, 8], 2, 2, 64), 2),
  randomTest('random shapes, sizes and strides', {
    ...options,
    arbitrary: fc.record({ N: small(2), C: small(3), p: poolPlaneArb(3, 3), seed: seedArb, ties: fc.boolean() }),
    build: ({ N, C, p, seed, ties }) => args([N, C, p.H, p.W], p.size, p.stride, seed, ties ? tiesTensor : normal)(),
    label: ({ N, C, p, ties }) => `x=${sh([N, C, p.H, p.W])} size=${p.size} s=${p.stride}${ties ? ' (with ties)' : ''}`,
    seed: 606,
  }, 3),
];
