/** The training loop: epochs of shuffled mini-batches, with callbacks for progress bars and plots. */
import { checkInt } from '../check.ts';
import { Rng } from '../random.ts';
import { Tensor } from '../tensor.ts';
import type { Optimizer } from '../optim/optimizer.ts';
import { gatherLabels, gatherRows, shuffledBatches } from './batch.ts';
import type { Evaluation, Sequential } from './sequential.ts';

/** Reported after each mini-batch. */
export interface BatchEnd {
  epoch: number;
  /** Index of this batch in the epoch, from 0. */
  batch: number;
  batches: number;
  /** Examples in this batch (the last one may be smaller). */
  size: number;
  loss: number;
  accuracy: number;
  /** Means over the epoch so far, weighted by batch size. */
  epochLoss: number;
  epochAccuracy: number;
}

/** Reported after each epoch: train means, and the validation scores when `validation` was given. */
export interface EpochEnd {
  epoch: number;
  loss: number;
  accuracy: number;
  validation?: Evaluation;
}

export type History = EpochEnd[];

export interface FitOptions {
  optimizer: Optimizer;
  /** Passes over the data; 1 by default. */
  epochs?: number;
  /** Examples per gradient step; 32 by default. */
  batchSize?: number;
  /** Seeds the order of the examples in each epoch; the model's seed by default. */
  shuffleSeed?: number;
  /** Evaluated after every epoch. */
  validation?: { x: Tensor; y: ArrayLike<number> };
  /** Applied to each training batch before the forward pass, e.g. a random shift (see data/augment.ts). */
  augment?: (batch: Tensor) => Tensor;
  onBatchEnd?: (info: BatchEnd) => void;
  onEpochEnd?: (info: EpochEnd) => void;
}

/** Runs the loop for `Sequential.fit`, which has already checked x and y. */
export function fitModel(model: Sequential, x: Tensor, y: ArrayLike<number>, options: FitOptions): History {
  const op = 'Sequential.fit';
  const { optimizer, epochs = 1, batchSize = 32, shuffleSeed = model.seed, validation } = options;
  if (optimizer === undefined || typeof optimizer.step !== 'function') {
    throw new Error(`${op}: expected an optimizer such as new Adam() or new SGD({lr, momentum}), got ${String(optimizer)}`);
  }
  checkInt(op, 'epochs', epochs, 1);
  checkInt(op, 'batchSize', batchSize, 1);
  const N = x.shape[0];
  const history: History = [];
  // Full batches are gathered into one buffer, reused step after step. Not with augment: a user
  // function that might keep its argument gets a fresh copy each time.
  const batchX = options.augment === undefined ? Tensor.zeros([Math.min(N, batchSize), ...x.shape.slice(1)], model.dtype) : undefined;
  const batchY = new Int32Array(Math.min(N, batchSize));
  let lossSum = 0;
  let correct = 0;
  let seen = 0;
  // One generator for the whole run: each epoch gets a new, reproducible order.
  for (const { epoch, batch, batches, indices } of shuffledBatches(N, batchSize, new Rng(shuffleSeed), epochs)) {
    if (batch === 0) lossSum = correct = seen = 0;
    const size = indices.length;
    const full = size === batchY.length; // the last batch may be smaller
    const rows = gatherRows(x, indices, 0, size, model.dtype, full ? batchX : undefined);
    const labels = gatherLabels(y, indices, 0, size, full ? batchY : undefined);
    const step = model.trainStep(options.augment ? options.augment(rows) : rows, labels, optimizer);
    if (!Number.isFinite(step.loss)) {
      throw new Error(`${op}: the loss became ${step.loss} at epoch ${epoch}, batch ${batch}; lower the learning rate`);
    }
    lossSum += step.loss * size;
    correct += step.accuracy * size;
    seen += size;
    options.onBatchEnd?.({ epoch, batch, batches, size, ...step, epochLoss: lossSum / seen, epochAccuracy: correct / seen });
    if (batch + 1 === batches) {
      const result: EpochEnd = { epoch, loss: lossSum / N, accuracy: correct / N };
      if (validation !== undefined) result.validation = model.evaluate(validation.x, validation.y);
      history.push(result);
      options.onEpochEnd?.(result);
    }
  }
  return history;
}
