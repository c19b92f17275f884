/** Exercise 04: flattenForward and denseForward. */
import fc from 'fast-check';
import { denseForward, flattenForward, Tensor } from '@convkit/engine';
import { caseTest, randomTest, sh, type CaseOptions, type TestSpec, normal, seedArb, small } from '@convkit/grader/spec';

const flatten: CaseOptions<[Tensor]> = {
  fn: 'flattenForward',
  argNames: ['x'],
  reference: flattenForward,
  explainShape: (x) => `flattening x=${sh(x)} gives [N, C·H·W] = [${x.shape[0]}, ${x.shape.slice(1).join('·')}] = [${x.shape[0]}, ${x.size / x.shape[0]}]`,
};
type DenseArgs = [Tensor, Tensor, Tensor];
const dense: CaseOptions<DenseArgs> = {
  fn: 'denseForward',
  argNames: ['x', 'w', 'b'],
  reference: denseForward,
  explainShape: (x, w) => `x [N, D] = ${sh(x)} times w [D, M] = ${sh(w)} gives [N, M] = [${x.shape[0]}, ${w.shape[1]}]`,
};
const denseCase = (N: number, D: number, M: number, seed: number, note = ''): TestSpec =>
  caseTest(
    `dense x=${sh([N, D])} w=${sh([D, M])} b=[${M}]${note}`,
    dense,
    (): DenseArgs => [normal([N, D], seed), normal([D, M], seed + 1), normal([M], seed + 2)],
  );

// biome-ignore format: a tensor literal, kept on one line
export const tests = (): TestSpec[] => [
  caseTest('flatten x=[1,1,2,2] (row-major: rows one after another)', flatten, (): [Tensor] => [Tensor.from([[[[1, 2], [3, 4]]]], 'float64')]),
  caseTest('flatten x=[2,3,4,4] (each example keeps its 48 values)', flatten, (): [Tensor] => [normal([2, 3, 4, 4], 41)]),
  caseTest('flatten x=[3,2,1,5] (non-square)', flatten, (): [Tensor] => [normal([3, 2, 1, 5], 42)]),
  caseTest('flatten x=[2,5,1,1] (1×1 maps)', flatten, (): [Tensor] => [normal([2, 5, 1, 1], 43)]),
  caseTest('dense x=[1,2] w=[2,3] b=[3] (hand-worked: [1,2]·w + b)', dense, (): DenseArgs => [
    Tensor.from([[1, 2]], 'float64'), Tensor.from([[1, 0, -1], [2, 3, 0.5]], 'float64'), Tensor.from([0.5, -1, 0], 'float64'),
  ]),
  denseCase(4, 5, 3, 44, ' (N = 4 examples)'),
  denseCase(2, 48, 10, 45, ' (after a flatten)'),
  denseCase(3, 1, 1, 46, ' (D = M = 1)'),
  randomTest('random flatten shapes', {
    ...flatten,
    arbitrary: fc.record({ N: small(3), C: small(4), H: small(4), W: small(4), seed: seedArb }),
    build: ({ N, C, H, W, seed }): [Tensor] => [normal([N, C, H, W], seed)],
    label: ({ N, C, H, W }) => `x=${sh([N, C, H, W])}`,
    seed: 404,
  }),
  randomTest('random dense shapes', {
    ...dense,
    arbitrary: fc.record({ N: small(4), D: small(12), M: small(6), seed: seedArb }),
    build: ({ N, D, M, seed }): DenseArgs => [normal([N, D], seed), normal([D, M], seed + 1), normal([M], seed + 2)],
    label: ({ N, D, M }) => `x=${sh([N, D])} w=${sh([D, M])} b=[${M}]`,
    seed: 405,
  }),
];
