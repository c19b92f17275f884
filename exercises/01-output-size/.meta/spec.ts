/** Exercise 01: outputSize(n, f, stride, pad) = (n − f + 2·pad)/stride + 1, and its invalid cases. */
import fc from 'fast-check';
import { outputSize } from '@convkit/engine';
import { caseTest, randomTest, type CaseOptions, type TestSpec } from '@convkit/grader/spec';

type Args = [number, number, number, number];
const options: CaseOptions<Args> = { fn: 'outputSize', argNames: ['n', 'f', 'stride', 'pad'], reference: outputSize, outputName: 'outputSize' };
const size = (n: number, f: number, stride: number, pad: number, why = ''): TestSpec =>
  caseTest(`n=${n} f=${f} s=${stride} p=${pad}${why}`, options, (): Args => [n, f, stride, pad]);

export const tests = (): TestSpec[] => [
  size(5, 3, 1, 0, ' (3×3 filter on 5×5)'),
  size(7, 3, 2, 0, ' (stride 2)'),
  size(32, 5, 1, 2, ' ("same" padding keeps 32)'),
  size(227, 11, 4, 0, ' (CS231n: AlexNet conv1 gives 55)'),
  size(28, 2, 2, 0, ' (2×2 pooling halves 28)'),
  size(1, 1, 1, 0, ' (1×1 everything)'),
  size(6, 4, 3, 2, ' (pad and stride)'),
  size(10, 3, 2, 0, ' must throw: (10 − 3)/2 + 1 = 4.5'),
  size(3, 5, 1, 0, ' must throw: window larger than the input'),
  size(5, 3, 0, 0, ' must throw: stride 0'),
  size(5, 3, 1, -1, ' must throw: negative pad'),
  size(5.5, 3, 1, 0, ' must throw: n not an integer'),
  randomTest(
    'random n, f, stride, pad (valid and invalid)',
    {
      ...options,
      arbitrary: fc.tuple(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 4 })),
      build: (a) => a,
      label: ([n, f, s, p]) => `n=${n} f=${f} s=${s} p=${p}`,
      seed: 101,
      numRuns: 60,
    },
    3,
  ),
];
