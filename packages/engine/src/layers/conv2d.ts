/** Conv2D: a bank of `filters` learnable filters slid over the input volume (cross-correlation, NCHW). */
import { conv2dBackward, conv2dForward, outputSize } from '../functional.ts';
import { checkInt } from '../check.ts';
import type { DType, Tensor } from '../tensor.ts';
import type { Rng } from '../random.ts';
import { cached, checkInputRank, storeGradients, type Init, type Layer, type LayerConfig, type Param } from './layer.ts';
import { built, checkInit, initBias, initWeights } from './init.ts';
import { fastConv2dBackward, fastConv2dForward } from '../fast/conv2d.ts';
import { batchShape, Buffers, isBatchOf } from './buffers.ts';

export interface Conv2DOptions {
  /** Number of filters F: the depth of the output volume. */
  filters: number;
  /** Filter size: `5` for 5×5, or `[filterHeight, filterWidth]`. */
  kernelSize: number | readonly [number, number];
  stride?: number;
  pad?: number;
  init?: Init;
}

export class Conv2D implements Layer {
  readonly name = 'Conv2D';
  readonly filters: number;
  readonly filterHeight: number;
  readonly filterWidth: number;
  readonly stride: number;
  readonly pad: number;
  readonly init: Init;
  private weights?: Param[];
  private x?: Tensor;
  /** Per-example input and output shapes, set by `build` for a float32 model (the fast training path). */
  private shapes?: { input: readonly number[]; output: readonly number[] };
  /** Whether the last forward took the fast path, so backward does too. */
  private fast = false;
  private readonly buffers = new Buffers();

  constructor(options: Conv2DOptions) {
    const { filters, kernelSize, stride = 1, pad = 0, init = 'he' } = options;
    checkInt('Conv2D', 'filters', filters, 1);
    const [fh, fw] = typeof kernelSize === 'number' ? [kernelSize, kernelSize] : kernelSize;
    checkInt('Conv2D', 'kernelSize', fh, 1);
    checkInt('Conv2D', 'kernelSize', fw, 1);
    checkInt('Conv2D', 'stride', stride, 1);
    checkInt('Conv2D', 'pad', pad, 0);
    this.filters = filters;
    this.filterHeight = fh;
    this.filterWidth = fw;
    this.stride = stride;
    this.pad = pad;
    this.init = checkInit('Conv2D', init);
  }

  outputShape(inputShape: readonly number[]): number[] {
    checkInputRank('Conv2D', inputShape, 3, 'C, H, W');
    const [, h, w] = inputShape;
    return [this.filters, outputSize(h, this.filterHeight, this.stride, this.pad), outputSize(w, this.filterWidth, this.stride, this.pad)];
  }

  build(inputShape: readonly number[], rng: Rng, dtype: DType): void {
    const output = this.outputShape(inputShape);
    this.shapes = dtype === 'float32' ? { input: [...inputShape], output } : undefined;
    const channels = inputShape[0];
    const area = this.filterHeight * this.filterWidth;
    const shape = [this.filters, channels, this.filterHeight, this.filterWidth];
    // Each output sees channels·area inputs; each input feeds filters·area outputs.
    const w = initWeights(shape, channels * area, this.filters * area, this.init, rng, dtype);
    this.weights = [w, initBias(this.filters, dtype)];
  }

  forward(x: Tensor, training = false): Tensor {
    const [w, b] = built('Conv2D', this.weights);
    const params = { stride: this.stride, pad: this.pad };
    this.x = x;
    // Training in a float32 model: the shapes were validated at build, x's values by the model.
    this.fast = training && this.shapes !== undefined && isBatchOf(x, this.shapes.input);
    if (!this.fast) return conv2dForward(x, w.value, b.value, params);
    const out = this.buffers.get('out', batchShape(x.shape[0], this.shapes!.output));
    return fastConv2dForward(x, w.value, b.value, params, out);
  }

  backward(dout: Tensor): Tensor;
  backward(dout: Tensor, inputGradient: boolean): Tensor | null;
  backward(dout: Tensor, inputGradient = true): Tensor | null {
    const [w, b] = built('Conv2D', this.weights);
    const x = cached('Conv2D', this.x);
    const params = { stride: this.stride, pad: this.pad };
    if (this.fast && isBatchOf(dout, this.shapes!.output) && dout.shape[0] === x.shape[0]) {
      const into = this.buffers.gradients(x, w.value, b.value, inputGradient);
      return storeGradients(w, b, fastConv2dBackward(dout, x, w.value, params, into));
    }
    return storeGradients(w, b, conv2dBackward(dout, x, w.value, params), inputGradient);
  }

  params(): Param[] {
    return this.weights ?? [];
  }

  config(): LayerConfig {
    const { filters, stride, pad, init } = this;
    return { type: this.name, filters, kernelSize: [this.filterHeight, this.filterWidth], stride, pad, init };
  }
}
