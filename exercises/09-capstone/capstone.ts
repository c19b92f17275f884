import { Rng, Tensor, heNormal, reluForward } from '@convkit/engine';
import { NotImplemented } from '../not-implemented.ts';
// Your own layers from the earlier exercises: the capstone must use these, not the engine's.
import { conv2dForward } from '../02-conv-forward/conv-forward.ts';
import { maxPool2dForward } from '../03-max-pool-forward/max-pool-forward.ts';
import { flattenForward, denseForward } from '../04-flatten-dense/flatten-dense.ts';
import { denseBackward, reluBackward, softmaxCrossEntropy } from '../05-backprop/backprop.ts';
import { maxPool2dBackward } from '../06-max-pool-backward/max-pool-backward.ts';
import { conv2dBackward } from '../07-conv-backward/conv-backward.ts';
import { sgdMomentumStep } from '../08-sgd-momentum/sgd-momentum.ts';

export interface LabelledImages {
  /** `[N, 1, 28, 28]`, pixels normalised to mean 0 and standard deviation 1. */
  x: Tensor;
  /** N labels in 0..9. */
  y: ArrayLike<number>;
}

export interface CapstoneOptions {
  /** Seed your `Rng` with it, so that a run can be repeated. */
  seed: number;
  /**
   * Stop training once you have used this much CPU time (ms), leaving time to predict; the grader's
   * limit is a bit higher. Measure it with `process.cpuUsage()` (user + system, in µs).
   */
  timeBudgetMs: number;
}

/**
 * Builds a small CNN from YOUR functions of exercises 02–08, trains it on `train` with mini-batch SGD
 * with momentum, and returns the predicted class (0..9) of every image of `testImages` `[N_test, 1, 28, 28]`.
 * The dense layer's outputs are the class scores; the softmax (inside softmaxCrossEntropy) turns them into
 * probabilities; the prediction is the class with the largest score (`argmax(scores)`).
 * The grader keeps the test labels and needs at least 91% of the predictions right (85% for part of the points).
 */
export function trainAndPredict(train: LabelledImages, testImages: Tensor, options: CapstoneOptions): number[] {
  // TODO: 1. init weights with heNormal(shape, fanIn, new Rng(options.seed), 'float64');
  //       2. for each mini-batch: forward (conv → relu → pool → flatten → dense), softmaxCrossEntropy,
  //          backward in reverse order, sgdMomentumStep;
  //       3. forward the test images and take the index of the largest score of each row.
  //       With 500 training images a correct network already gets more than half right.
  throw new NotImplemented('trainAndPredict');
}
