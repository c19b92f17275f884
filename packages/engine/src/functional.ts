/**
 * The functional layer API: one forward and one backward function per layer
 * type, on NCHW tensors. This is the contract the exercises and the grader
 * share, so names and argument orders are fixed. float32 conv2d, max pooling,
 * dense and ReLU dispatch to the fast path in `fast/` (direct convolution and
 * element-wise kernels in WebAssembly SIMD) when their arguments are valid; float64, every other op, and any
 * invalid call run the readable reference ops in `ops/`, which do all argument
 * checking. `reference` holds the reference versions of the dispatched ops.
 */
export { outputSize } from './ops/output-size.ts';
export {
  conv2dForward,
  conv2dBackward,
  maxPool2dForward,
  maxPool2dBackward,
  denseForward,
  denseBackward,
  reluForward,
  reluBackward,
  reference,
} from './fast/dispatch.ts';
export { avgPool2dForward, avgPool2dBackward } from './ops/pool2d.ts';
export { flattenForward, flattenBackward } from './ops/flatten.ts';
export {
  sigmoidForward,
  sigmoidBackward,
  tanhForward,
  tanhBackward,
} from './ops/activations.ts';
export { softmaxCrossEntropy, type LossAndGradient } from './ops/softmax-cross-entropy.ts';
export { softmax } from './ops/softmax.ts';
export type { ConvParams, PoolParams, WeightGradients } from './ops/params.ts';
