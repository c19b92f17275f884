/**
 * The capstone's checks (exercise 09): the student's `trainAndPredict(train, testImages, options)`
 * trains their own CNN inside the sandbox (under the exercise's time limit) and returns a class for
 * each test image. The test LABELS never leave the grader: accuracy is computed here. The data is the
 * public MNIST of the `mnist` package, loaded the same way live and recorded (a recorded capstone test
 * holds only the sizes, the seed and the threshold), so the kit can grade it too.
 */
import type { Dataset, Tensor } from '@convkit/engine';
import type { CallResult } from '../sandbox/sandbox.ts';
import { isWireTensor, type WireValue } from '../sandbox/protocol.ts';
import { describeValue } from '../compare.ts';
import { judge, passed, toWire, type SpecContext, type TestSpec, type Verdict } from './kit.ts';
import type { RecordedCapstone } from '../record/format.ts';

/** The capstone's data: how many training and test images, and the seed of the split. */
export interface CapstoneData {
  trainSize: number;
  testSize: number;
  seed: number;
}

interface Data {
  train: Dataset;
  testX: Tensor;
  testY: Int32Array;
}

const loaded = new Map<string, Promise<Data>>();
/** MNIST split as the capstone uses it, loaded on first use (the MNIST loader is imported only then). */
function mnist({ trainSize, testSize, seed }: CapstoneData): Promise<Data> {
  const key = `${trainSize}/${testSize}/${seed}`;
  let data = loaded.get(key);
  if (!data) {
    data = (async () => {
      const [{ loadMnist }, { takeExamples }] = await Promise.all([import('@convkit/engine/node'), import('@convkit/engine')]);
      const split = loadMnist({ testSize, seed });
      return { train: takeExamples(split.train, trainSize), testX: split.test.x, testY: split.test.y };
    })();
    loaded.set(key, data);
    data.catch(() => loaded.delete(key));
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

/** The student's training run, shared by the capstone's tests: it runs once per grading run. */
export type TrainOnce = (ctx: SpecContext) => Promise<{ result: CallResult; seconds: number }>;

/** Runs the student's training once; the tests given the returned function share it. */
export function trainOnce(timeLimitMs: number, data: CapstoneData): TrainOnce {
  let pending: Promise<{ result: CallResult; seconds: number }> | null = null;
  return (ctx) => {
    pending ??= (async () => {
      const { train, testX } = await mnist(data);
      const started = Date.now();
      const result = await ctx.call(
        'trainAndPredict',
        [toWire({ x: train.x, y: train.y }), toWire(testX), { seed: data.seed, timeBudgetMs: Math.round(timeLimitMs * 0.8) }],
        ['train', 'testImages', 'options'],
      );
      return { result, seconds: (Date.now() - started) / 1000 };
    })();
    return pending;
  };
}

/** A test on the shared training run: the predictions' form, and an accuracy of at least `threshold`. */
export function accuracyTest(name: string, weight: number, threshold: number, data: CapstoneData, run: TrainOnce): TestSpec {
  return {
    name,
    weight,
    async run(ctx): Promise<Verdict> {
      const { testY } = await mnist(data);
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
    record: (): { kind: 'capstone'; capstone: RecordedCapstone } => ({ kind: 'capstone', capstone: { ...data, threshold } }),
  };
}
