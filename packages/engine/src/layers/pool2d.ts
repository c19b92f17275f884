/** Pooling layers: down-sample each activation map separately, keeping the depth. No weights. */
import { avgPool2dBackward, avgPool2dForward, maxPool2dBackward, maxPool2dForward, outputSize } from '../functional.ts';
import { checkInt } from '../check.ts';
import type { Tensor } from '../tensor.ts';
import type { PoolParams } from '../ops/params.ts';
import { cached, checkInputRank, type Layer, type LayerConfig, type Param } from './layer.ts';

export interface Pool2DOptions {
  /** The window is size × size. */
  size: number;
  /** How far the window moves; defaults to `size` (non-overlapping windows). */
  stride?: number;
}

type PoolForward = (x: Tensor, p: PoolParams) => Tensor;
type PoolBackward = (dout: Tensor, x: Tensor, p: PoolParams) => Tensor;

/** What max and average pooling share; they differ only in the two ops they call. */
abstract class Pool2D implements Layer {
  abstract readonly name: string;
  readonly size: number;
  readonly stride: number;
  private x?: Tensor;

  constructor(layer: string, options: Pool2DOptions, private readonly fwd: PoolForward, private readonly bwd: PoolBackward) {
    const { size, stride = size } = options;
    checkInt(layer, 'size', size, 1);
    checkInt(layer, 'stride', stride, 1);
    this.size = size;
    this.stride = stride;
  }

  outputShape(inputShape: readonly number[]): number[] {
    checkInputRank(this.name, inputShape, 3, 'C, H, W');
    const [c, h, w] = inputShape;
    return [c, outputSize(h, this.size, this.stride, 0), outputSize(w, this.size, this.stride, 0)];
  }

  build(inputShape: readonly number[]): void {
    this.outputShape(inputShape);
  }

  forward(x: Tensor): Tensor {
    this.x = x;
    return this.fwd(x, { size: this.size, stride: this.stride });
  }

  backward(dout: Tensor): Tensor {
    return this.bwd(dout, cached(this.name, this.x), { size: this.size, stride: this.stride });
  }

  params(): Param[] {
    return [];
  }

  config(): LayerConfig {
    return { type: this.name, size: this.size, stride: this.stride };
  }
}

/** Keeps the largest value of each window. */
export class MaxPool2D extends Pool2D {
  readonly name = 'MaxPool2D';
  constructor(options: Pool2DOptions) {
    super('MaxPool2D', options, maxPool2dForward, maxPool2dBackward);
  }
}

/** Keeps the mean of each window. */
export class AvgPool2D extends Pool2D {
  readonly name = 'AvgPool2D';
  constructor(options: Pool2DOptions) {
    super('AvgPool2D', options, avgPool2dForward, avgPool2dBackward);
  }
}
