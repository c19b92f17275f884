/** Flatten: a W×H×D volume becomes one vector of W·H·D units, e.g. 32×32×5 → 5120 (the notes' example). */
import { flattenBackward, flattenForward } from '../functional.ts';
import { sizeOf, type Tensor } from '../tensor.ts';
import { cached, checkInputRank, type Layer, type LayerConfig, type Param } from './layer.ts';

export class Flatten implements Layer {
  readonly name = 'Flatten';
  private xShape?: readonly number[];

  outputShape(inputShape: readonly number[]): number[] {
    checkInputRank('Flatten', inputShape, 3, 'C, H, W');
    return [sizeOf(inputShape)];
  }

  build(inputShape: readonly number[]): void {
    this.outputShape(inputShape);
  }

  forward(x: Tensor): Tensor {
    this.xShape = x.shape;
    return flattenForward(x);
  }

  backward(dout: Tensor): Tensor {
    return flattenBackward(dout, cached('Flatten', this.xShape));
  }

  params(): Param[] {
    return [];
  }

  config(): LayerConfig {
    return { type: this.name };
  }
}
