/** Element-wise activation layers: the shape goes through unchanged and there are no weights. */
import { reluBackward, reluForward, sigmoidBackward, sigmoidForward, tanhBackward, tanhForward } from '../functional.ts';
import type { Tensor } from '../tensor.ts';
import { cached, type Layer, type LayerConfig, type Param } from './layer.ts';
import { fastReluBackward, fastReluForward } from '../fast/activations.ts';
import { Buffers, isFloat32, sameShape } from './buffers.ts';

/** What the three activations share; each names its forward and backward op. */
abstract class Activation implements Layer {
  abstract readonly name: string;
  protected x?: Tensor;

  constructor(
    private readonly fwd: (x: Tensor) => Tensor,
    // The backward ops take the forward INPUT x, which is what the layer caches.
    private readonly bwd: (dout: Tensor, x: Tensor) => Tensor,
  ) {}

  outputShape(inputShape: readonly number[]): number[] {
    return [...inputShape];
  }

  build(): void {}

  forward(x: Tensor, _training = false): Tensor {
    this.x = x;
    return this.fwd(x);
  }

  backward(dout: Tensor): Tensor;
  backward(dout: Tensor, inputGradient: boolean): Tensor | null;
  backward(dout: Tensor, inputGradient = true): Tensor | null {
    const x = cached(this.name, this.x);
    return inputGradient ? this.bwd(dout, x) : null;
  }

  params(): Param[] {
    return [];
  }

  config(): LayerConfig {
    return { type: this.name };
  }
}

/**
 * max(0, x). Training on float32 runs the fast kernel into reused buffers (any
 * shape will do, and the kernel checks finiteness in the same pass); backward
 * then reads the layer's own output: relu(x) > 0 exactly where x > 0.
 */
export class ReLU extends Activation {
  readonly name = 'ReLU';
  /** The last training forward's output, when it took the fast path. */
  private out?: Tensor;
  private readonly buffers = new Buffers();

  constructor() {
    super(reluForward, reluBackward);
  }

  override forward(x: Tensor, training = false): Tensor {
    this.x = x;
    this.out = training && isFloat32(x) ? (fastReluForward(x, this.buffers.get('out', x.shape)) ?? undefined) : undefined;
    // Otherwise (or on a non-finite value) the functional op, which names a bad argument.
    return this.out ?? super.forward(x);
  }

  override backward(dout: Tensor): Tensor;
  override backward(dout: Tensor, inputGradient: boolean): Tensor | null;
  override backward(dout: Tensor, inputGradient = true): Tensor | null {
    const out = this.out;
    if (out === undefined || !isFloat32(dout) || !sameShape(dout.shape, out.shape)) return super.backward(dout, inputGradient);
    if (!inputGradient) return null;
    return fastReluBackward(dout, out, this.buffers.get('dx', out.shape)) ?? super.backward(dout);
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
