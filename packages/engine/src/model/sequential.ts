/**
 * A Sequential model: layers applied one after another, ending in class scores
 * trained with softmax cross-entropy. Built from an input shape, like Keras:
 * each layer's input size is inferred from the layer before, so
 * `new Sequential([new Conv2D({filters: 8, kernelSize: 5}), ...], {inputShape: [1, 28, 28]})`
 * never asks for a channel count.
 */
import { softmaxCrossEntropy } from '../functional.ts';
import { checkInt, fmtShape } from '../check.ts';
import { Rng } from '../random.ts';
import { Tensor, type DType } from '../tensor.ts';
import type { Layer, Param } from '../layers/layer.ts';
import { Buffers } from '../layers/buffers.ts';
import { fastSoftmaxCrossEntropy } from '../fast/softmax-cross-entropy.ts';
import type { Optimizer } from '../optim/optimizer.ts';
import { argmax, accuracy } from './metrics.ts';
import { gatherRows, range } from './batch.ts';
import { checkInput, checkLabels } from './checks.ts';
import { fitModel, type FitOptions, type History } from './fit.ts';
import { summarize, type ModelSummary } from './summary.ts';
import { layersFromJSON, loadWeights, modelToJSON, type ModelJSON } from './serialize.ts';

export interface SequentialOptions {
  /** The shape of ONE example, without the batch axis: `[C, H, W]`, e.g. `[1, 28, 28]`. */
  inputShape: readonly number[];
  /** Seeds the weight initialisation (and, by default, the shuffling in `fit`). */
  seed?: number;
  /** `'float32'` (default) or `'float64'` (for gradient checks). */
  dtype?: DType;
}

/** Mean loss and accuracy over a set of examples. */
export interface Evaluation {
  loss: number;
  accuracy: number;
}

export class Sequential {
  readonly layers: readonly Layer[];
  readonly inputShape: readonly number[];
  readonly dtype: DType;
  readonly seed: number;
  /** Each layer's output shape for one example, e.g. `[8, 24, 24]`. */
  readonly shapes: readonly (readonly number[])[];
  /** The float32 training step's dscores. */
  private readonly buffers = new Buffers();

  constructor(layers: readonly Layer[], options: SequentialOptions) {
    const { inputShape, seed = 0, dtype = 'float32' } = options;
    if (layers.length === 0) throw new Error('Sequential: expected at least one layer, got 0');
    if (!Array.isArray(inputShape) || inputShape.length === 0) {
      throw new Error(`Sequential: expected inputShape such as [1, 28, 28], got ${JSON.stringify(inputShape)}`);
    }
    inputShape.forEach((d, i) => checkInt('Sequential', `inputShape[${i}]`, d, 1));
    this.layers = [...layers];
    this.inputShape = Object.freeze([...inputShape]);
    this.dtype = dtype;
    this.seed = seed;
    const rng = new Rng(seed);
    const shapes: number[][] = [];
    let shape: readonly number[] = this.inputShape;
    this.layers.forEach((layer, i) => {
      try {
        layer.build(shape, rng, dtype);
        shape = layer.outputShape(shape);
      } catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        throw new Error(`Sequential: layer ${i} (${layer.name}) cannot take an input of shape ${fmtShape(shape)}: ${why}`);
      }
      shapes.push(shape as number[]);
    });
    if (shape.length !== 1) {
      throw new Error(`Sequential: expected the last layer to output class scores [K], got ${fmtShape(shape)} (add Flatten and Dense)`);
    }
    this.shapes = shapes;
  }

  /** Number of classes K: the size of the last layer's output. */
  get classes(): number {
    return this.shapes[this.shapes.length - 1][0];
  }

  params(): Param[] {
    return this.layers.flatMap((layer) => layer.params());
  }

  /**
   * Scores [N, K] for a batch x [N, ...inputShape], a new tensor. Checks x's
   * shape and values once here; the layers inside trust them. With `training`,
   * the layers remember what `backward` needs.
   */
  forward(x: Tensor, training = false): Tensor {
    checkInput('Sequential.forward', x, this.inputShape);
    const scores = this.run(x, training);
    // In training the last layer returns a buffer it reuses: hand out a copy.
    return training ? scores.clone() : scores;
  }

  /**
   * Back-propagates dscores [N, K] (after a training forward) through every
   * layer, filling each Param's grad, and returns ∂L/∂x as a new tensor.
   * `trainStep` does not need ∂L/∂x and skips computing it.
   */
  backward(dscores: Tensor): Tensor {
    return this.backpropagate(dscores, true)!.clone();
  }

  /**
   * One optimisation step on one mini-batch: forward, loss, backward, update.
   * A float32 model whose scores are no longer finite (it diverged) returns
   * that non-finite loss and leaves the weights as they are; `fit` throws then.
   */
  trainStep(x: Tensor, y: ArrayLike<number>, optimizer: Optimizer): Evaluation {
    checkInput('Sequential.trainStep', x, this.inputShape);
    checkLabels('Sequential.trainStep', y, x.shape[0], this.classes);
    const scores = this.run(x, true);
    let loss: number, dscores: Tensor;
    if (this.dtype === 'float32') {
      dscores = this.buffers.get('dscores', scores.shape);
      loss = fastSoftmaxCrossEntropy(scores, y, dscores);
      if (!Number.isFinite(loss)) return { loss, accuracy: Number.NaN };
    } else {
      ({ loss, dscores } = softmaxCrossEntropy(scores, y));
    }
    const result = { loss, accuracy: accuracy(argmax(scores), y) };
    this.backpropagate(dscores, false);
    optimizer.step(this.params());
    return result;
  }

  /** Class scores [N, K] (before softmax: the largest score is the predicted class; `softmax(model.predict(x))` gives probabilities), in batches. */
  predict(x: Tensor, batchSize = 256): Tensor {
    checkInput('Sequential.predict', x, this.inputShape);
    checkInt('Sequential.predict', 'batchSize', batchSize, 1);
    const N = x.shape[0];
    const out = Tensor.zeros([N, this.classes], this.dtype);
    const order = range(N);
    for (let start = 0; start < N; start += batchSize) {
      const end = Math.min(N, start + batchSize);
      out.data.set(this.run(gatherRows(x, order, start, end, this.dtype), false).data, start * this.classes);
    }
    return out;
  }

  /** Mean softmax cross-entropy and accuracy of the model on (x, y). */
  evaluate(x: Tensor, y: ArrayLike<number>, batchSize = 256): Evaluation {
    const scores = this.predict(x, batchSize);
    checkLabels('Sequential.evaluate', y, x.shape[0], this.classes);
    return { loss: softmaxCrossEntropy(scores, y).loss, accuracy: accuracy(argmax(scores), y) };
  }

  /** Trains on shuffled mini-batches; see {@link FitOptions}. Returns one entry per epoch. */
  fit(x: Tensor, y: ArrayLike<number>, options: FitOptions): History {
    checkInput('Sequential.fit', x, this.inputShape);
    checkLabels('Sequential.fit', y, x.shape[0], this.classes);
    return fitModel(this, x, y, options);
  }

  /** Each layer's output volume (W×H×D) and parameter count; `String(model.summary())` prints the table. */
  summary(): ModelSummary {
    return summarize(this);
  }

  /** Architecture and weights as plain JSON (`JSON.stringify(model)` works). */
  toJSON(): ModelJSON {
    return modelToJSON(this);
  }

  /** Copies the weights of `json` into this model; throws if the architectures differ. */
  loadWeights(json: ModelJSON): void {
    loadWeights(this, json);
  }

  /** Rebuilds a model (architecture and weights) saved with `toJSON`. */
  static fromJSON(json: ModelJSON): Sequential {
    const model = new Sequential(layersFromJSON(json), { inputShape: json.inputShape, dtype: json.dtype });
    model.loadWeights(json);
    return model;
  }

  /** The layers in order, on an x already checked. */
  private run(x: Tensor, training: boolean): Tensor {
    let out = x;
    for (const layer of this.layers) out = layer.forward(out, training);
    return out;
  }

  /** The layers in reverse; layer 0 computes ∂L/∂x only when `inputGradient` (else it returns null). */
  private backpropagate(dscores: Tensor, inputGradient: boolean): Tensor | null {
    let grad = dscores;
    for (let i = this.layers.length - 1; i > 0; i--) grad = this.layers[i].backward(grad);
    return this.layers[0].backward(grad, inputGradient);
  }
}
