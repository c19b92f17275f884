/** Exercise 05: denseBackward, reluBackward, softmaxCrossEntropy — vs the engine and vs numerical gradients. */
import fc from 'fast-check';
import { denseBackward, denseForward, reluBackward, reluForward, softmaxCrossEntropy, Tensor } from '@convkit/engine';
import { caseTest, numericalGradient, randomTest, sh, type CaseOptions, type TestSpec, normal, seedArb, small } from '@convkit/grader/spec';

type DenseArgs = [Tensor, Tensor, Tensor];
const dense: CaseOptions<DenseArgs> = { fn: 'denseBackward', argNames: ['dout', 'x', 'w'], reference: denseBackward };
/** The same call, judged against numerical gradients of the reference forward pass. */
const denseNumeric: CaseOptions<DenseArgs> = {
  ...dense,
  reference: (dout, x, w) => {
    const b = Tensor.zeros([w.shape[1]], 'float64');
    return {
      dx: numericalGradient((v) => denseForward(v, w, b), x.clone(), dout),
      dw: numericalGradient((v) => denseForward(x, v, b), w.clone(), dout),
      db: numericalGradient((v) => denseForward(x, w, v), b.clone(), dout),
    };
  },
};
const denseArgs = (N: number, D: number, M: number, seed: number) => (): DenseArgs => [
  normal([N, M], seed),
  normal([N, D], seed + 1),
  normal([D, M], seed + 2),
];

type ReluArgs = [Tensor, Tensor];
const relu: CaseOptions<ReluArgs> = { fn: 'reluBackward', argNames: ['dout', 'x'], reference: reluBackward };
const reluNumeric: CaseOptions<ReluArgs> = { ...relu, reference: (dout, x) => numericalGradient(reluForward, x.clone(), dout) };
/** Normal values pushed at least 0.01 away from the kink at 0, where a numerical gradient is meaningless. */
function awayFromZero(shape: number[], seed: number): Tensor {
  const t = normal(shape, seed);
  for (let i = 0; i < t.size; i++) t.data[i] += t.data[i] >= 0 ? 0.01 : -0.01;
  return t;
}

type LossArgs = [Tensor, number[]];
const loss: CaseOptions<LossArgs> = { fn: 'softmaxCrossEntropy', argNames: ['scores', 'labels'], reference: softmaxCrossEntropy, outputName: 'result' };
const lossNumeric: CaseOptions<LossArgs> = {
  ...loss,
  reference: (scores, labels) => ({
    loss: softmaxCrossEntropy(scores, labels).loss,
    dscores: numericalGradient((s) => softmaxCrossEntropy(s, labels).loss, scores.clone()),
  }),
};
const labelsFor = (N: number, K: number, seed: number): number[] => Array.from({ length: N }, (_, n) => (n * 7 + seed) % K);

// biome-ignore format: a tensor literal, kept on one line
export const tests = (): TestSpec[] => [
  caseTest('relu dout=[1,4] x=[1,4] (hand-worked: gradient only where x > 0)', relu, (): ReluArgs => [
    Tensor.from([[1, 2, 3, 4]], 'float64'), Tensor.from([[-1, 0.5, 0, 2]], 'float64'),
  ]),
  caseTest('relu dout=[2,3,4,4] x=[2,3,4,4] vs engine', relu, (): ReluArgs => [normal([2, 3, 4, 4], 51), normal([2, 3, 4, 4], 52)]),
  caseTest('relu dout=[3,5] x=[3,5] vs numerical gradient', reluNumeric, (): ReluArgs => [normal([3, 5], 53), awayFromZero([3, 5], 54)]),
  caseTest('dense dout=[1,2] x=[1,2] w=[2,2] (hand-worked)', dense, (): DenseArgs => [
    Tensor.from([[1, -1]], 'float64'), Tensor.from([[2, 3]], 'float64'), Tensor.from([[1, 2], [3, 4]], 'float64'),
  ]),
  caseTest('dense dout=[4,3] x=[4,5] w=[5,3] vs engine', dense, denseArgs(4, 5, 3, 55)),
  caseTest('dense dout=[3,4] x=[3,6] w=[6,4] vs numerical gradient', denseNumeric, denseArgs(3, 6, 4, 56)),
  caseTest('softmax scores=[1,3] all zeros, label 0 (loss = log 3)', loss, (): LossArgs => [Tensor.zeros([1, 3], 'float64'), [0]]),
  caseTest('softmax scores=[2,3] hand-picked', loss, (): LossArgs => [Tensor.from([[1, 2, 3], [0.5, -1, 0]], 'float64'), [2, 0]]),
  caseTest('softmax scores=[2,4] with values near 1000 (numerically stable: no NaN, no Infinity)', loss, (): LossArgs => [
    Tensor.from([[1000, 1001, 999, 1000.5], [-1000, -999, -1002, -1000]], 'float64'), [1, 3],
  ]),
  caseTest('softmax scores=[5,10] vs engine', loss, (): LossArgs => [normal([5, 10], 57), labelsFor(5, 10, 3)]),
  caseTest('softmax scores=[4,6] vs numerical gradient', lossNumeric, (): LossArgs => [normal([4, 6], 58), labelsFor(4, 6, 1)]),
  randomTest('random dense backward shapes', {
    ...dense,
    arbitrary: fc.record({ N: small(4), D: small(8), M: small(5), seed: seedArb }),
    build: ({ N, D, M, seed }) => denseArgs(N, D, M, seed)(),
    label: ({ N, D, M }) => `dout=${sh([N, M])} x=${sh([N, D])} w=${sh([D, M])}`,
    seed: 505,
  }),
  randomTest('random softmax shapes', {
    ...loss,
    arbitrary: fc.record({ N: small(5), K: fc.integer({ min: 2, max: 10 }), seed: seedArb }),
    build: ({ N, K, seed }): LossArgs => [normal([N, K], seed), labelsFor(N, K, seed)],
    label: ({ N, K }) => `scores=${sh([N, K])}`,
    seed: 506,
  }),
];
