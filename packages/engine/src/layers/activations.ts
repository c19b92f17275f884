/** Element-wise activation layers: the shape goes through unchanged and there are no weights. */
import { reluBackward, reluForward, sigmoidBackward, sigmoidForward, tanhBackward, tanhForward } from '../functional.ts';
import type { Tensor } from '../tensor.ts';
import { cached, type Layer, type LayerConfig, type Param } from './layer.ts';

/** What the three activations share; each names its forward and backward op. */
abstract class Activation implements Layer {
  abstract readonly name: string;
  private x?: Tensor;

  constructor(
    private readonly fwd: (x: Tensor) => Tensor,
    // The backward ops take the forward INPUT x, which is what the layer caches.
    private readonly bwd: (dout: Tensor, x: Tensor) => Tensor,
  ) {}

  outputShape(inputShape: readonly number[]): number[] {
    return [...inputShape];
  }

  build(): void {}

  forward(x: Tensor): Tensor {
    this.x = x;
    return this.fwd(x);
  }

  backward(dout: Tensor): Tensor {
    return this.bwd(dout, cached(this.name, this.x));
  }

  params(): Param[] {
    return [];
  }

  config(): LayerConfig {
    return { type: this.name };
  }
}

/** max(0, x) */
export class ReLU extends Activation {
  readonly name = 'ReLU';
  constructor() {
    super(reluForward, reluBackward);
  }
}

/** 1 / (1 + e^(−x)) */
export class Sigmoid extends Activation {
  readonly name = 'Sigmoid';
  constructor() {
    super(sigmoidForward, sigmoidBackward);
  }
}

export class Tanh extends Activation {
  readonly name = 'Tanh';
  constructor() {
    super(tanhForward, tanhBackward);
  }
}
