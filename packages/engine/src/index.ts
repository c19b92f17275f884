/** @convkit/engine: the public API, named exports only. */

// --- tensors and randomness ---
export { Tensor, index4, sizeOf, allocate, fmtShape, type DType, type TypedArray, type NestedArray } from './tensor.ts';
export { Rng, randomUniform, randomNormal, heNormal, xavierUniform } from './random.ts';

// --- the functional layer API (ops): see functional.ts ---
export * from './functional.ts';

// --- layers, models, optimizers, data ---
export type { Layer, Param, Init, LayerConfig } from './layers/layer.ts';
export { Conv2D, type Conv2DOptions } from './layers/conv2d.ts';
export { MaxPool2D, AvgPool2D, type Pool2DOptions } from './layers/pool2d.ts';
export { Flatten } from './layers/flatten.ts';
export { Dense, type DenseOptions } from './layers/dense.ts';
export { ReLU, Sigmoid, Tanh } from './layers/activations.ts';
export { Sequential, type SequentialOptions, type Evaluation } from './model/sequential.ts';
export type { FitOptions, BatchEnd, EpochEnd, History } from './model/fit.ts';
export { shuffledBatches, examplesAt, type MiniBatch } from './model/batch.ts';
export { formatVolume, type ModelSummary, type SummaryRow } from './model/summary.ts';
export { MODEL_FORMAT, type ModelJSON, type WeightJSON } from './model/serialize.ts';
export { argmax, accuracy, confusionMatrix } from './model/metrics.ts';
export type { Optimizer } from './optim/optimizer.ts';
export { SGD, type SGDOptions } from './optim/sgd.ts';
export { Adam, type AdamOptions } from './optim/adam.ts';
export { mnistFromDigits, takeExamples, MNIST_SIDE, MNIST_PIXELS, type Dataset, type MnistSplit, type MnistSplitOptions } from './data/mnist.ts';
export { randomShift } from './data/augment.ts';

// --- the fast path: which kernels run and why, and the machine's WebAssembly SIMD peak (for the benchmark) ---
export { kernelSet, measureSimdPeak, type KernelSet } from './fast/index.ts';
