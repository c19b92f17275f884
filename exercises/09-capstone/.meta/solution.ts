/**
 * Reference solution of the capstone: a small CNN built only from the reference solutions of
 * exercises 02–08, trained with mini-batch SGD with momentum on the images the grader sends.
 *
 *   2×2 max pool (28×28 → 14×14) → conv 3×3, F filters, pad 1 → ReLU → 2×2 max pool → flatten
 *   → dense F·7·7 → 10 → softmax
 * Pooling the input first makes every later layer 4× cheaper, which matters with naive loops;
 * MNIST digits keep their shape at 14×14.
 */
import { Rng, Tensor, heNormal, reluForward } from '@convkit/engine';
import { conv2dForward } from '../../02-conv-forward/.meta/solution.ts';
import { maxPool2dForward } from '../../03-max-pool-forward/.meta/solution.ts';
import { flattenForward, denseForward } from '../../04-flatten-dense/.meta/solution.ts';
import { denseBackward, reluBackward, softmaxCrossEntropy } from '../../05-backprop/.meta/solution.ts';
import { maxPool2dBackward } from '../../06-max-pool-backward/.meta/solution.ts';
import { conv2dBackward } from '../../07-conv-backward/.meta/solution.ts';
import { sgdMomentumStep } from '../../08-sgd-momentum/.meta/solution.ts';

export interface LabelledImages {
  /** `[N, 1, 28, 28]`, normalised pixels. */
  x: Tensor;
  /** N labels in 0..9. */
  y: ArrayLike<number>;
}

export interface CapstoneOptions {
  seed: number;
  /** Stop training after this much CPU time (ms), to leave time for predicting. */
  timeBudgetMs: number;
}

/** CPU time this process has used, in ms: the grader's time limit counts CPU time, not wall time. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

const conv = { stride: 1, pad: 1 };
const pool = { size: 2, stride: 2 };
const FILTERS = 16;
const EPOCHS = 3;
const BATCH = 32;
/** The learning rate falls linearly from LR to LR / 2 over the whole run. */
const LR = 0.03;

/** The model's weights: [conv w, conv b, dense w, dense b]. */
function init(rng: Rng): Tensor[] {
  return [
    heNormal([FILTERS, 1, 3, 3], 9, rng, 'float64'),
    Tensor.zeros([FILTERS], 'float64'),
    heNormal([FILTERS * 7 * 7, 10], FILTERS * 7 * 7, rng, 'float64'),
    Tensor.zeros([10], 'float64'),
  ];
}

/** Rows `ids` of an [N, 1, 28, 28] tensor, as float64. */
function batchOf(x: Tensor, ids: number[]): Tensor {
  const per = 28 * 28;
  const out = new Tensor([ids.length, 1, 28, 28], undefined, 'float64');
  ids.forEach((id, row) => out.data.set(x.data.subarray(id * per, (id + 1) * per), row * per));
  return out;
}

function scoresOf([cw, cb, dw, db]: Tensor[], image: Tensor) {
  const x = maxPool2dForward(image, pool);
  const a = conv2dForward(x, cw, cb, conv);
  const r = reluForward(a);
  const p = maxPool2dForward(r, pool);
  const f = flattenForward(p);
  return { x, a, r, p, f, scores: denseForward(f, dw, db) };
}

export function trainAndPredict(train: LabelledImages, testImages: Tensor, options: CapstoneOptions): number[] {
  const started = cpuMs();
  const rng = new Rng(options.seed);
  let params = init(rng);
  let velocities = params.map((p) => Tensor.zerosLike(p));
  const N = train.x.shape[0];
  outer: for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = rng.shuffle(Array.from({ length: N }, (_, i) => i));
    for (let start = 0; start < N; start += BATCH) {
      // Out of time: stop training and predict with what we have.
      if (cpuMs() - started > options.timeBudgetMs) break outer;
      const lr = LR * (1 - (0.5 * (epoch * N + start)) / (EPOCHS * N));
      const ids = order.slice(start, start + BATCH);
      const { x, a, r, p, f, scores } = scoresOf(params, batchOf(train.x, ids));
      const { dscores } = softmaxCrossEntropy(
        scores,
        ids.map((i) => train.y[i]),
      );
      const dense = denseBackward(dscores, f, params[2]);
      const dp = new Tensor(p.shape, dense.dx.data, 'float64'); // un-flatten
      const dr = maxPool2dBackward(dp, r, pool);
      const da = reluBackward(dr, a);
      const convGrads = conv2dBackward(da, x, params[0], conv);
      const grads = [convGrads.dw, convGrads.db, dense.dw, dense.db];
      ({ params, velocities } = sgdMomentumStep(params, grads, velocities, { lr, momentum: 0.9 }));
    }
  }
  const predictions: number[] = [];
  for (let start = 0; start < testImages.shape[0]; start += 100) {
    const ids = Array.from({ length: Math.min(100, testImages.shape[0] - start) }, (_, i) => start + i);
    const { scores } = scoresOf(params, batchOf(testImages, ids));
    for (let n = 0; n < ids.length; n++) {
      let best = 0;
      for (let k = 1; k < 10; k++) if (scores.data[n * 10 + k] > scores.data[n * 10 + best]) best = k;
      predictions.push(best);
    }
  }
  return predictions;
}
