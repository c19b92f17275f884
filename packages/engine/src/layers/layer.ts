/**
 * The one shape every layer shares (as in ConvNetJS): a forward pass that
 * remembers what the backward pass needs, a backward pass that returns the
 * gradient for the layer below and stores the gradients of its own weights,
 * and the list of those weights for the optimizer.
 *
 * Shapes given to `build` / `outputShape` describe ONE example, without the
 * batch axis: `[C, H, W]` for a volume, `[D]` for a vector.
 */
import { fmtShape, type DType, type Tensor } from '../tensor.ts';
import type { Rng } from '../random.ts';

/** A learnable tensor and the gradient of the loss with respect to it, written by the last `backward`. */
export interface Param {
  readonly name: string;
  readonly value: Tensor;
  grad: Tensor;
}

/** Weight initialisation: `'he'` before a ReLU (the default), `'xavier'` before tanh or sigmoid. */
export type Init = 'he' | 'xavier';

/** A layer's constructor options plus its class name, enough to rebuild it from JSON. */
export interface LayerConfig {
  readonly type: string;
  readonly [option: string]: unknown;
}

export interface Layer {
  /** The class name, e.g. `'Conv2D'`. */
  readonly name: string;
  /** The output shape for one example of `inputShape`; throws when the input does not fit the layer. */
  outputShape(inputShape: readonly number[]): number[];
  /** Creates the weights for inputs of `inputShape` (the model calls it once, in order). */
  build(inputShape: readonly number[], rng: Rng, dtype: DType): void;
  /**
   * `x` has a leading batch axis. `training` is false for predict/evaluate: the
   * result is then a new tensor. With `training` true, a float32 layer built by
   * a model returns a buffer it reuses at its next training step (see buffers.ts).
   */
  forward(x: Tensor, training?: boolean): Tensor;
  /** Gradient of the loss w.r.t. the last forward's input; fills `params()[i].grad`. */
  backward(dout: Tensor): Tensor;
  /**
   * With `inputGradient` false the caller does not need ∂L/∂x (the model's
   * first layer: nothing lies below it). The layer still fills its weight
   * gradients, may skip computing ∂L/∂x, and then returns null; the built-in
   * layers all do. With true, the same as `backward(dout)`.
   */
  backward(dout: Tensor, inputGradient: boolean): Tensor | null;
  params(): Param[];
  config(): LayerConfig;
}

/** Returns what forward cached, or throws if backward came first (a common mistake when wiring layers by hand). */
export function cached<T>(layer: string, value: T | undefined): T {
  if (value === undefined) throw new Error(`${layer}.backward: expected forward to be called first, got no cached input`);
  return value;
}

/** Stores a weighted layer's gradients in its params and returns dx (null when the input gradient is not wanted). */
export function storeGradients(w: Param, b: Param, g: { dx: Tensor | null; dw: Tensor; db: Tensor }, inputGradient = true): Tensor | null {
  w.grad = g.dw;
  b.grad = g.db;
  return inputGradient ? g.dx : null;
}

/** Throws unless `shape` (one example, no batch axis) has `rank` axes. */
export function checkInputRank(layer: string, shape: readonly number[], rank: number, dims: string): void {
  if (shape.length !== rank) {
    throw new Error(`${layer}: expected an input of rank ${rank} [${dims}] per example, got ${fmtShape(shape)}`);
  }
}
