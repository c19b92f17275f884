/** Pooling layers: down-sample each activation map separately, keeping the depth. No weights. */
import { avgPool2dBackward, avgPool2dForward, maxPool2dBackward, maxPool2dForward, outputSize } from '../functional.ts';
import { checkInt } from '../check.ts';
import type { DType, Tensor } from '../tensor.ts';
import type { PoolParams } from '../ops/params.ts';
import type { Rng } from '../random.ts';
import { cached, checkInputRank, type Layer, type LayerConfig, type Param } from './layer.ts';
import { fastMaxPool2dBackward, fastMaxPool2dForward } from '../fast/pool2d.ts';
import { batchShape, Buffers, isBatchOf } from './buffers.ts';

export interface Pool2DOptions {
  /** The window is size × size. */
  size: number;
  /** How far the window moves; defaults to `size` (non-overlapping windows). */
  stride?: number;
}

type PoolForward = (x: Tensor, p: PoolParams) => Tensor;
type PoolBackward = (dout: Tensor, x: Tensor, p: PoolParams) => Tensor;
/** A fast float32 kernel writing into a reused buffer; null when it met a non-finite value. */
type FastPool = {
  forward: (x: Tensor, p: PoolParams, out: Tensor) => Tensor | null;
  backward: (dout: Tensor, x: Tensor, p: PoolParams, dx: Tensor) => Tensor | null;
};

/** What max and average pooling share; they differ only in the two ops they call. */
abstract class Pool2D implements Layer {
  abstract readonly name: string;
  readonly size: number;
  readonly stride: number;
  private x?: Tensor;
  /** Per-example input and output shapes, set by `build` for a float32 model when a fast kernel exists. */
  private shapes?: { input: readonly number[]; output: readonly number[] };
  /** Whether the last forward took the fast path, so backward does too. */
  private fast = false;
  private readonly buffers = new Buffers();

  constructor(
    layer: string,
    options: Pool2DOptions,
    private readonly fwd: PoolForward,
    private readonly bwd: PoolBackward,
    private readonly kernels?: FastPool,
  ) {
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

  build(inputShape: readonly number[], _rng?: Rng, dtype: DType = 'float32'): void {
    const output = this.outputShape(inputShape);
    this.shapes = dtype === 'float32' && this.kernels ? { input: [...inputShape], output } : undefined;
  }

  forward(x: Tensor, training = false): Tensor {
    const params = { size: this.size, stride: this.stride };
    this.x = x;
    this.fast = training && this.shapes !== undefined && isBatchOf(x, this.shapes.input);
    if (this.fast) {
      const out = this.kernels!.forward(x, params, this.buffers.get('out', batchShape(x.shape[0], this.shapes!.output)));
      if (out !== null) return out;
      this.fast = false; // a non-finite value: the functional op names it
    }
    return this.fwd(x, params);
  }

  backward(dout: Tensor): Tensor;
  backward(dout: Tensor, inputGradient: boolean): Tensor | null;
  backward(dout: Tensor, inputGradient = true): Tensor | null {
    const x = cached(this.name, this.x);
    if (!inputGradient) return null; // no weights: nothing else to compute
    const params = { size: this.size, stride: this.stride };
    if (this.fast && isBatchOf(dout, this.shapes!.output) && dout.shape[0] === x.shape[0]) {
      const dx = this.kernels!.backward(dout, x, params, this.buffers.get('dx', x.shape));
      if (dx !== null) return dx;
    }
    return this.bwd(dout, x, params);
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
    super('MaxPool2D', options, maxPool2dForward, maxPool2dBackward, { forward: fastMaxPool2dForward, backward: fastMaxPool2dBackward });
  }
}

/** Keeps the mean of each window. */
export class AvgPool2D extends Pool2D {
  readonly name = 'AvgPool2D';
  constructor(options: Pool2DOptions) {
    super('AvgPool2D', options, avgPool2dForward, avgPool2dBackward);
  }
}
