/** Dense (fully connected): every input unit connects to every one of `units` outputs, `x·w + b`. */
import { denseBackward, denseForward } from '../functional.ts';
import { checkInt } from '../check.ts';
import type { DType, Tensor } from '../tensor.ts';
import type { Rng } from '../random.ts';
import { cached, checkInputRank, type Init, type Layer, type LayerConfig, type Param } from './layer.ts';
import { built, checkInit, initBias, initWeights } from './init.ts';

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
    this.weights = [initWeights([inputs, this.units], inputs, this.units, this.init, rng, dtype), initBias(this.units, dtype)];
  }

  forward(x: Tensor): Tensor {
    const [w, b] = built('Dense', this.weights);
    this.x = x;
    return denseForward(x, w.value, b.value);
  }

  backward(dout: Tensor): Tensor {
    const [w, b] = built('Dense', this.weights);
    const { dx, dw, db } = denseBackward(dout, cached('Dense', this.x), w.value);
    w.grad = dw;
    b.grad = db;
    return dx;
  }

  params(): Param[] {
    return this.weights ?? [];
  }

  config(): LayerConfig {
    return { type: this.name, units: this.units, init: this.init };
  }
}
