/** @convkit/engine: the public API, named exports only. */

// --- tensors and randomness ---
export { Tensor, index4, sizeOf, allocate, type DType, type TypedArray, type NestedArray } from './tensor.ts';
export { Rng, randomUniform, randomNormal, heNormal, xavierUniform } from './random.ts';

// --- the functional layer API (ops): see functional.ts ---
export * from './functional.ts';

// --- layers, models, optimizers, data ---
