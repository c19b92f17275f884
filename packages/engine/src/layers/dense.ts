/** Dense (fully connected): every input unit connects to every one of `units` outputs, `x·w + b`. */
import { denseBackward, denseForward } from '../functional.ts';
import { checkInt } from '../check.ts';
import type { DType, Tensor } from '../tensor.ts';
import type { Rng } from '../random.ts';
import { cached, checkInputRank, storeGradients, type Init, type Layer, type LayerConfig, type Param } from './layer.ts';
import { built, checkInit, initBias, initWeights } from './init.ts';
import { fastDenseBackward, fastDenseForward } from '../fast/dense.ts';
import { Buffers, isBatchOf } from './buffers.ts';

export interface DenseOptions {
  /** Number of output units M. */
  units: number;
  init?: Init;
}

export class Dense implements Layer {
  readonly name = 'Dense';
  readonly units: number;
  readonly init: Init;
  private weights?: Param[];
  private x?: Tensor;
  /** Inputs per example, set by `build` for a float32 model (the fast training path). */
  private inputs?: number;
  /** Whether the last forward took the fast path, so backward does too. */
  private fast = false;
  private readonly buffers = new Buffers();

  constructor(options: DenseOptions) {
    const { units, init = 'he' } = options;
    checkInt('Dense', 'units', units, 1);
    this.units = units;
    this.init = checkInit('Dense', init);
  }

  outputShape(inputShape: readonly number[]): number[] {
    checkInputRank('Dense', inputShape, 1, 'D (use Flatten before Dense)');
    return [this.units];
  }

  build(inputShape: readonly number[], rng: Rng, dtype: DType): void {
    this.outputShape(inputShape);
    const inputs = inputShape[0];
    this.inputs = dtype === 'float32' ? inputs : undefined;
    this.weights = [initWeights([inputs, this.units], inputs, this.units, this.init, rng, dtype), initBias(this.units, dtype)];
  }

  forward(x: Tensor, training = false): Tensor {
    const [w, b] = built('Dense', this.weights);
    this.x = x;
    // Training in a float32 model: the shapes were validated at build, x's values by the model.
    this.fast = training && this.inputs !== undefined && isBatchOf(x, [this.inputs]);
    if (!this.fast) return denseForward(x, w.value, b.value);
    return fastDenseForward(x, w.value, b.value, this.buffers.get('out', [x.shape[0], this.units]));
  }

  backward(dout: Tensor): Tensor;
  backward(dout: Tensor, inputGradient: boolean): Tensor | null;
  backward(dout: Tensor, inputGradient = true): Tensor | null {
    const [w, b] = built('Dense', this.weights);
    const x = cached('Dense', this.x);
    if (this.fast && isBatchOf(dout, [this.units]) && dout.shape[0] === x.shape[0]) {
      const into = this.buffers.gradients(x, w.value, b.value, inputGradient);
      return storeGradients(w, b, fastDenseBackward(dout, x, w.value, into));
    }
    return storeGradients(w, b, denseBackward(dout, x, w.value), inputGradient);
  }

  params(): Param[] {
    return this.weights ?? [];
  }

  config(): LayerConfig {
    return { type: this.name, units: this.units, init: this.init };
  }
}
