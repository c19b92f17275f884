/** Weight initialisation shared by the layers with weights (Conv2D, Dense). */
import { Tensor, type DType } from '../tensor.ts';
import { heNormal, xavierUniform, type Rng } from '../random.ts';
import type { Init, Param } from './layer.ts';

/**
 * A weight Param drawn from the chosen scheme: He keeps the activations' variance
 * through a ReLU (std = sqrt(2 / fanIn)); Xavier suits tanh and sigmoid.
 */
export function initWeights(shape: number[], fanIn: number, fanOut: number, init: Init, rng: Rng, dtype: DType): Param {
  const value = init === 'he' ? heNormal(shape, fanIn, rng, dtype) : xavierUniform(shape, fanIn, fanOut, rng, dtype);
  return { name: 'w', value, grad: Tensor.zerosLike(value) };
}

/** Biases start at zero: the random weights already break the symmetry between units. */
export function initBias(size: number, dtype: DType): Param {
  return { name: 'b', value: Tensor.zeros([size], dtype), grad: Tensor.zeros([size], dtype) };
}

export function checkInit(layer: string, init: unknown): Init {
  if (init !== 'he' && init !== 'xavier') {
    throw new Error(`${layer}: expected init to be 'he' or 'xavier', got ${JSON.stringify(init)}`);
  }
  return init;
}

/** Returns the weights, or throws if the layer was used before a model built it. */
export function built(layer: string, params: Param[] | undefined): Param[] {
  if (params === undefined) {
    throw new Error(`${layer}: expected the layer to be built (put it in a Sequential with an inputShape), got an unbuilt layer`);
  }
  return params;
}
