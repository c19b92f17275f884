/** Flatten: a W×H×D volume becomes one vector of W·H·D units, e.g. 32×32×5 → 5120 (the notes' example). */
import { flattenBackward, flattenForward } from '../functional.ts';
import { sizeOf, type DType, type Tensor } from '../tensor.ts';
import { cached, checkInputRank, type Layer, type LayerConfig, type Param } from './layer.ts';
import { isBatchOf } from './buffers.ts';
import type { Rng } from '../random.ts';

export class Flatten implements Layer {
  readonly name = 'Flatten';
  private xShape?: readonly number[];
  /** The per-example input shape, set by `build` for a float32 model (the fast training path). */
  private inputShape?: readonly number[];
  /** Whether the last forward returned a view of x (training), so backward returns a view of dout. */
  private view = false;

  outputShape(inputShape: readonly number[]): number[] {
    checkInputRank('Flatten', inputShape, 3, 'C, H, W');
    return [sizeOf(inputShape)];
  }

  build(inputShape: readonly number[], _rng?: Rng, dtype: DType = 'float32'): void {
    this.outputShape(inputShape);
    this.inputShape = dtype === 'float32' ? [...inputShape] : undefined;
  }

  forward(x: Tensor, training = false): Tensor {
    this.xShape = x.shape;
    // Training: the same memory seen as [N, C·H·W] (row-major, so nothing moves); else a copy.
    this.view = training && isBatchOf(x, this.inputShape);
    return this.view ? x.reshape([x.shape[0], sizeOf(this.inputShape!)]) : flattenForward(x);
  }

  backward(dout: Tensor): Tensor;
  backward(dout: Tensor, inputGradient: boolean): Tensor | null;
  backward(dout: Tensor, inputGradient = true): Tensor | null {
    const xShape = cached('Flatten', this.xShape);
    if (!inputGradient) return null;
    const fits = this.view && isBatchOf(dout, [sizeOf(this.inputShape!)]) && dout.shape[0] === xShape[0];
    return fits ? dout.reshape(xShape) : flattenBackward(dout, xShape);
  }

  params(): Param[] {
    return [];
  }

  config(): LayerConfig {
    return { type: this.name };
  }
}
