/**
 * The same inputs for every peer: seeded random NCHW tensors from the
 * engine's generator, and the MNIST split of the engine's loader. Peers
 * convert them to their own layouts (outside the timed region).
 */
import { Rng, randomNormal, Tensor } from '@convkit/engine';
import { loadMnist } from '@convkit/engine/node';
import { convOut, poolOut, type ConvCase, type PoolCase, type TrainCase } from './workloads.ts';

export interface ConvData {
  x: Tensor; // [N, C, H, W]
  w: Tensor; // [F, C, K, K]
  b: Tensor; // [F]
  dout: Tensor; // [N, F, H', W']
}

export interface PoolData {
  x: Tensor; // [N, C, H, W]
  dout: Tensor; // [N, C, H', W']
}

export interface MnistData {
  train: { x: Tensor; y: Int32Array }; // x [N, 1, 28, 28], normalised
  test: { x: Tensor; y: Int32Array };
  /** The order in which every peer visits the training images. */
  order: number[];
}

export function convData(c: ConvCase): ConvData {
  const rng = new Rng(1234);
  const [outHeight, outWidth] = convOut(c);
  const fanIn = c.C * c.K * c.K;
  return {
    x: randomNormal([c.N, c.C, c.H, c.W], rng),
    w: randomNormal([c.F, c.C, c.K, c.K], rng, 0, Math.sqrt(2 / fanIn)),
    b: randomNormal([c.F], rng, 0, 0.1),
    dout: randomNormal([c.N, c.F, outHeight, outWidth], rng),
  };
}

export function poolData(p: PoolCase): PoolData {
  const rng = new Rng(99);
  const [outHeight, outWidth] = poolOut(p);
  return { x: randomNormal([p.N, p.C, p.H, p.W], rng), dout: randomNormal([p.N, p.C, outHeight, outWidth], rng) };
}

export function mnistData(t: TrainCase): MnistData {
  const split = loadMnist({ testSize: 2000, seed: 1 });
  const train = { x: firstImages(split.train.x, t.trainImages), y: split.train.y.slice(0, t.trainImages) };
  const test = { x: firstImages(split.test.x, t.testImages), y: split.test.y.slice(0, t.testImages) };
  return { train, test, order: new Rng(7).shuffle(Array.from({ length: train.y.length }, (_, i) => i)) };
}

/** The first n images of x [N, 1, 28, 28], as a new tensor. */
function firstImages(x: Tensor, n: number): Tensor {
  const per = x.size / x.shape[0];
  return new Tensor([n, ...x.shape.slice(1)], x.data.slice(0, n * per));
}
