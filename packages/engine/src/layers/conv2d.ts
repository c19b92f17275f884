/** Conv2D: a bank of `filters` learnable filters slid over the input volume (cross-correlation, NCHW). */
import { conv2dBackward, conv2dForward, outputSize } from '../functional.ts';
import { checkInt } from '../check.ts';
import type { DType, Tensor } from '../tensor.ts';
import type { Rng } from '../random.ts';
import { cached, checkInputRank, type Init, type Layer, type LayerConfig, type Param } from './layer.ts';
import { built, checkInit, initBias, initWeights } from './init.ts';

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
    return [
      this.filters,
      outputSize(h, this.filterHeight, this.stride, this.pad),
      outputSize(w, this.filterWidth, this.stride, this.pad),
    ];
  }

  build(inputShape: readonly number[], rng: Rng, dtype: DType): void {
    this.outputShape(inputShape);
    const channels = inputShape[0];
    const area = this.filterHeight * this.filterWidth;
    const shape = [this.filters, channels, this.filterHeight, this.filterWidth];
    // Each output sees channels·area inputs; each input feeds filters·area outputs.
    const w = initWeights(shape, channels * area, this.filters * area, this.init, rng, dtype);
    this.weights = [w, initBias(this.filters, dtype)];
  }

  forward(x: Tensor): Tensor {
    const [w, b] = built('Conv2D', this.weights);
    this.x = x;
    return conv2dForward(x, w.value, b.value, { stride: this.stride, pad: this.pad });
  }

  backward(dout: Tensor): Tensor {
    const [w, b] = built('Conv2D', this.weights);
    const x = cached('Conv2D', this.x);
    const { dx, dw, db } = conv2dBackward(dout, x, w.value, { stride: this.stride, pad: this.pad });
    w.grad = dw;
    b.grad = db;
    return dx;
  }

  params(): Param[] {
    return this.weights ?? [];
  }

  config(): LayerConfig {
    const { filters, stride, pad, init } = this;
    return { type: this.name, filters, kernelSize: [this.filterHeight, this.filterWidth], stride, pad, init };
  }
}
