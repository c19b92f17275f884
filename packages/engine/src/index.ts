/** @convkit/engine: the public API, named exports only. */
export { Tensor, index4, sizeOf, allocate, type DType, type TypedArray, type NestedArray } from './tensor.ts';
export { Rng, randomUniform, randomNormal, heNormal, xavierUniform } from './random.ts';
