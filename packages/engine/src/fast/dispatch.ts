/**
 * The public float32 ops: the fast kernel when the arguments are certainly
 * valid float32 (see eligible.ts), otherwise the readable reference op, which
 * checks every argument and throws its own error, and computes float64.
 * A fast kernel that checks finiteness itself returns null on a non-finite
 * value, and so does an ineligible call: `(eligible ? fast : null) ?? reference`.
 * Same names, argument orders and results as `ops/`, so functional.ts simply
 * re-exports these.
 */
import type { Tensor } from '../tensor.ts';
import type { ConvParams, PoolParams, WeightGradients } from '../ops/params.ts';
import * as conv from '../ops/conv2d.ts';
import * as pool from '../ops/pool2d.ts';
import * as dense from '../ops/dense.ts';
import * as act from '../ops/activations.ts';
import * as ok from './eligible.ts';
import { fastConv2dBackward, fastConv2dForward } from './conv2d.ts';
import { fastMaxPool2dBackward, fastMaxPool2dForward } from './pool2d.ts';
import { fastDenseBackward, fastDenseForward } from './dense.ts';
import { fastReluBackward, fastReluForward } from './activations.ts';

/** The readable reference implementations of the dispatched ops, for comparisons in tests, docs and the benchmark. */
export const reference = {
  conv2dForward: conv.conv2dForward,
  conv2dBackward: conv.conv2dBackward,
  maxPool2dForward: pool.maxPool2dForward,
  maxPool2dBackward: pool.maxPool2dBackward,
  denseForward: dense.denseForward,
  denseBackward: dense.denseBackward,
  reluForward: act.reluForward,
  reluBackward: act.reluBackward,
} as const;

/**
 * Convolution forward pass (cross-correlation), x [N, C, H, W], w [F, C, HH, WW], b [F] → [N, F, H', W'].
 * The math, step by step: `reference.conv2dForward` (ops/conv2d.ts).
 */
export function conv2dForward(x: Tensor, w: Tensor, b: Tensor, params: ConvParams): Tensor {
  return (ok.conv2dForwardEligible(x, w, b, params) ? fastConv2dForward(x, w, b, params) : null) ?? conv.conv2dForward(x, w, b, params);
}

/** Convolution backward pass: `{ dx, dw, db }` given dout [N, F, H', W']. Reference: ops/conv2d.ts. */
export function conv2dBackward(dout: Tensor, x: Tensor, w: Tensor, params: ConvParams): WeightGradients<Tensor> {
  return (ok.conv2dBackwardEligible(dout, x, w, params) ? fastConv2dBackward(dout, x, w, params) : null) ?? conv.conv2dBackward(dout, x, w, params);
}

/** Max pooling forward, [N, C, H, W] → [N, C, H', W']. Reference: ops/pool2d.ts. */
export function maxPool2dForward(x: Tensor, params: PoolParams): Tensor {
  return (ok.maxPool2dForwardEligible(x, params) ? fastMaxPool2dForward(x, params) : null) ?? pool.maxPool2dForward(x, params);
}

/** Max pooling backward: the gradient goes to each window's first maximum. Reference: ops/pool2d.ts. */
export function maxPool2dBackward(dout: Tensor, x: Tensor, params: PoolParams): Tensor {
  return (ok.maxPool2dBackwardEligible(dout, x, params) ? fastMaxPool2dBackward(dout, x, params) : null) ?? pool.maxPool2dBackward(dout, x, params);
}

/** Dense forward, out = x·w + b: x [N, D], w [D, M], b [M] → [N, M]. Reference: ops/dense.ts. */
export function denseForward(x: Tensor, w: Tensor, b: Tensor): Tensor {
  return (ok.denseForwardEligible(x, w, b) ? fastDenseForward(x, w, b) : null) ?? dense.denseForward(x, w, b);
}

/** Dense backward: `{ dx, dw, db }` given dout [N, M]. Reference: ops/dense.ts. */
export function denseBackward(dout: Tensor, x: Tensor, w: Tensor): WeightGradients<Tensor> {
  return (ok.denseBackwardEligible(dout, x, w) ? fastDenseBackward(dout, x, w) : null) ?? dense.denseBackward(dout, x, w);
}

/** ReLU, max(0, x). Reference: ops/activations.ts. */
export function reluForward(x: Tensor): Tensor {
  return (ok.reluForwardEligible(x) ? fastReluForward(x) : null) ?? act.reluForward(x);
}

/** ReLU backward: dout where x > 0, else 0. Reference: ops/activations.ts. */
export function reluBackward(dout: Tensor, x: Tensor): Tensor {
  return (ok.reluBackwardEligible(dout, x) ? fastReluBackward(dout, x) : null) ?? act.reluBackward(dout, x);
}
