/**
 * The work every peer does, from issue 5: four conv2d shapes (forward, and
 * backward = input and filter gradients), a 2×2/2 max pool, and one training
 * epoch of a small MNIST CNN. `--quick` swaps in tiny versions so a smoke run
 * (and the CI test) takes seconds; its numbers mean nothing.
 */
import { outputSize } from '@convkit/engine';

/** A convolution: input [N, C, H, W], F filters of K×K, stride, pad (NCHW, as the engine). */
export interface ConvCase {
  name: string;
  N: number;
  C: number;
  H: number;
  W: number;
  F: number;
  K: number;
  stride: number;
  pad: number;
}

/** H', W' of a case, by the engine's `outputSize` (which throws on a size that does not fit). */
export const convOut = (c: ConvCase): [number, number] => [outputSize(c.H, c.K, c.stride, c.pad), outputSize(c.W, c.K, c.stride, c.pad)];

export const poolOut = (p: PoolCase): [number, number] => [outputSize(p.H, p.size, p.stride, 0), outputSize(p.W, p.size, p.stride, 0)];

/** Multiply-adds count twice: 2·N·F·H'·W'·C·K·K for one forward pass; backward does twice that (dx and dw). */
export function convFlops(c: ConvCase): number {
  const [outHeight, outWidth] = convOut(c);
  return 2 * c.N * c.F * outHeight * outWidth * c.C * c.K * c.K;
}

export interface PoolCase {
  name: string;
  N: number;
  C: number;
  H: number;
  W: number;
  size: number;
  stride: number;
}

/** One epoch of conv3×3×16 → relu → pool2 → conv3×3×32 → relu → pool2 → dense10 → softmax CE, SGD with momentum. */
export interface TrainCase {
  trainImages: number;
  testImages: number;
  /** TensorFlow.js cpu trains ~6 images/s: it runs on this many images and its rate is extrapolated. */
  tfjsCpuImages: number;
  batchSize: number;
  lr: number;
  momentum: number;
}

export interface Workloads {
  conv: ConvCase[];
  pool: PoolCase;
  train: TrainCase;
  /** Timed repetitions (after warm-up) per measurement: at least minReps, and more until minSeconds pass, up to maxReps. */
  minReps: number;
  maxReps: number;
  minSeconds: number;
  warmup: number;
}

export const FULL: Workloads = {
  conv: [
    { name: 'A', N: 64, C: 1, H: 28, W: 28, F: 32, K: 3, stride: 1, pad: 1 },
    { name: 'B', N: 64, C: 32, H: 14, W: 14, F: 64, K: 3, stride: 1, pad: 1 },
    { name: 'C', N: 32, C: 3, H: 32, W: 32, F: 16, K: 5, stride: 1, pad: 0 },
    { name: 'D', N: 1, C: 3, H: 225, W: 225, F: 64, K: 7, stride: 2, pad: 3 },
  ],
  pool: { name: 'pool', N: 64, C: 32, H: 28, W: 28, size: 2, stride: 2 },
  train: { trainImages: 8000, testImages: 2000, tfjsCpuImages: 320, batchSize: 32, lr: 0.01, momentum: 0.9 },
  minReps: 7,
  maxReps: 31,
  minSeconds: 1.5,
  warmup: 3,
};

export const QUICK: Workloads = {
  conv: [
    { name: 'A', N: 2, C: 1, H: 8, W: 8, F: 4, K: 3, stride: 1, pad: 1 },
    { name: 'B', N: 2, C: 4, H: 6, W: 6, F: 5, K: 3, stride: 1, pad: 1 },
    { name: 'C', N: 2, C: 3, H: 9, W: 9, F: 2, K: 5, stride: 1, pad: 0 },
    { name: 'D', N: 1, C: 3, H: 15, W: 15, F: 4, K: 7, stride: 2, pad: 3 },
  ],
  pool: { name: 'pool', N: 2, C: 3, H: 8, W: 8, size: 2, stride: 2 },
  train: { trainImages: 64, testImages: 32, tfjsCpuImages: 8, batchSize: 32, lr: 0.01, momentum: 0.9 },
  minReps: 2,
  maxReps: 2,
  minSeconds: 0,
  warmup: 1,
};
