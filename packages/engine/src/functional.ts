/**
 * The functional layer API: one forward and one backward function per layer
 * type, on NCHW tensors. This is the contract the exercises and the grader
 * share, so names and argument orders are fixed. Today every dtype runs on the
 * readable reference ops in `ops/`.
 */
export { outputSize } from './ops/output-size.ts';
export { conv2dForward, conv2dBackward } from './ops/conv2d.ts';
export { maxPool2dForward, maxPool2dBackward, avgPool2dForward, avgPool2dBackward } from './ops/pool2d.ts';
export { flattenForward, flattenBackward } from './ops/flatten.ts';
export { denseForward, denseBackward } from './ops/dense.ts';
export {
  reluForward,
  reluBackward,
  sigmoidForward,
  sigmoidBackward,
  tanhForward,
  tanhBackward,
} from './ops/activations.ts';
export { softmaxCrossEntropy, type LossAndGradient } from './ops/softmax-cross-entropy.ts';
export type { ConvParams, PoolParams, WeightGradients } from './ops/params.ts';
