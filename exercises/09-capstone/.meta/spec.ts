/**
 * Exercise 09, the capstone: the student's `trainAndPredict(train, testImages, options)` trains their
 * own CNN inside the sandbox (under the exercise's time limit) and returns a class for each test
 * image. The test LABELS never leave the grader: accuracy is computed here.
 */
import { loadMnist } from '@convkit/engine/node';
import { takeExamples, type Dataset, type Tensor } from '@convkit/engine';
import { type CallResult, isWireTensor, type WireValue, describeValue, judge, passed, toWire, type SpecContext, type TestSpec, type Verdict } from '@convkit/grader/spec';

/** Sizes of the capstone's data: small enough for naive loops to train within the limit. */
export const CAPSTONE = { trainSize: 8000, testSize: 1000, seed: 7 } as const;

/** Every engine function the earlier exercises ask for: the capstone must use the student's own. */
export const tripwires = [
  'conv2dForward', 'conv2dBackward', 'maxPool2dForward', 'maxPool2dBackward', 'flattenForward',
  'denseForward', 'denseBackward', 'reluBackward', 'softmaxCrossEntropy', 'SGD', 'Adam',
];

interface Data {
  train: Dataset;
  testX: Tensor;
  testY: Int32Array;
}

let data: Data | null = null;
function mnist(): Data {
  if (!data) {
    const split = loadMnist({ testSize: CAPSTONE.testSize, seed: CAPSTONE.seed });
    data = { train: takeExamples(split.train, CAPSTONE.trainSize), testX: split.test.x, testY: split.test.y };
  }
  return data;
}

/** The predicted classes, from labels (array, typed array, Tensor [M]) or scores (Tensor [M, 10]). */
function predictions(value: WireValue, count: number): number[] | string {
  let labels: ArrayLike<number> | null = null;
  if (Array.isArray(value) && value.every((v) => typeof v === 'number')) labels = value as number[];
  else if (typeof value === 'object' && value !== null && '__typedArray' in value) labels = (value as { data: ArrayLike<number> }).data;
  else if (isWireTensor(value) && value.shape.length === 1) labels = value.data;
  else if (isWireTensor(value) && value.shape.length === 2 && value.shape[1] === 10) {
    const scores = value.data;
    labels = Array.from({ length: value.shape[0] }, (_, n) => {
      let best = 0;
      for (let k = 1; k < 10; k++) if (scores[n * 10 + k] > scores[n * 10 + best]) best = k;
      return best;
    });
  }
  if (labels === null) return `expected one predicted class per test image (number[] or a Tensor of scores [${count}, 10]), got ${describeValue(value)}`;
  if (labels.length !== count) return `expected ${count} predictions (one per test image), got ${labels.length}`;
  return Array.from(labels);
}

/** Runs the student's training once; the three tests share it. */
function trainOnce(timeLimitMs: number): (ctx: SpecContext) => Promise<{ result: CallResult; seconds: number }> {
  let pending: Promise<{ result: CallResult; seconds: number }> | null = null;
  return (ctx) => {
    pending ??= (async () => {
      const { train, testX } = mnist();
      const started = Date.now();
      const result = await ctx.call(
        'trainAndPredict',
        [toWire({ x: train.x, y: train.y }), toWire(testX), { seed: CAPSTONE.seed, timeBudgetMs: Math.round(timeLimitMs * 0.8) }],
        ['train', 'testImages', 'options'],
      );
      return { result, seconds: (Date.now() - started) / 1000 };
    })();
    return pending;
  };
}

function accuracyTest(name: string, weight: number, threshold: number, run: ReturnType<typeof trainOnce>): TestSpec {
  return {
    name,
    weight,
    async run(ctx): Promise<Verdict> {
      const { testY } = mnist();
      const { result, seconds } = await run(ctx);
      let accuracy = 0;
      const verdict = judge(result, 'trainAndPredict', (value) => {
        const labels = predictions(value, testY.length);
        if (typeof labels === 'string') return labels;
        accuracy = labels.reduce((s, label, n) => s + (label === testY[n] ? 1 : 0), 0) / testY.length;
        return accuracy >= threshold
          ? null
          : `test accuracy ${(100 * accuracy).toFixed(1)}% is below ${(100 * threshold).toFixed(0)}% (trained in ${seconds.toFixed(1)} s)`;
      });
      if (verdict.status === 'passed' && threshold > 0) {
        return { ...passed, message: `test accuracy ${(100 * accuracy).toFixed(1)}% (trained and predicted in ${seconds.toFixed(1)} s)` };
      }
      return verdict;
    },
  };
}

/** Fresh per grading run: the three tests share one training run. */
export function tests(timeLimitMs: number): TestSpec[] {
  const run = trainOnce(timeLimitMs);
  return [
    accuracyTest(`returns one class per test image (train x=[${CAPSTONE.trainSize},1,28,28], test x=[${CAPSTONE.testSize},1,28,28])`, 1, 0, run),
    accuracyTest('test accuracy ≥ 90%', 2, 0.9, run),
    accuracyTest('test accuracy ≥ 95%', 4, 0.95, run),
  ];
}
