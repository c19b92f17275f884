/** convkit's engine through its public API: the functional ops and Sequential.fit (float32 → fast path). */
import {
  Conv2D,
  Dense,
  Flatten,
  MaxPool2D,
  ReLU,
  Sequential,
  SGD,
  conv2dBackward,
  conv2dForward,
  kernelSet,
  maxPool2dBackward,
  maxPool2dForward,
} from '@convkit/engine';
import type { Peer } from './peer.ts';

/** conv3×3×16 → relu → pool2 → conv3×3×32 → relu → pool2 → dense10 (softmax CE is the model's loss). */
export function engineModel(seed: number): Sequential {
  return new Sequential(
    [
      new Conv2D({ filters: 16, kernelSize: 3, pad: 1 }),
      new ReLU(),
      new MaxPool2D({ size: 2 }),
      new Conv2D({ filters: 32, kernelSize: 3, pad: 1 }),
      new ReLU(),
      new MaxPool2D({ size: 2 }),
      new Flatten(),
      new Dense({ units: 10 }),
    ],
    { inputShape: [1, 28, 28], seed },
  );
}

export const enginePeer: Peer = {
  name: 'convkit',
  async describe() {
    const kernels = kernelSet();
    return `convkit engine, float32 fast path, kernels: ${kernels.name} (${kernels.reason}), 1 thread`;
  },
  convForward(c, { x, w, b }) {
    const params = { stride: c.stride, pad: c.pad };
    return () => void conv2dForward(x, w, b, params);
  },
  convBackward(c, { x, w, dout }) {
    const params = { stride: c.stride, pad: c.pad };
    return () => void conv2dBackward(dout, x, w, params);
  },
  poolForward(p, { x }) {
    return () => void maxPool2dForward(x, { size: p.size, stride: p.stride });
  },
  poolBackward(p, { x, dout }) {
    return () => void maxPool2dBackward(dout, x, { size: p.size, stride: p.stride });
  },
  train(t, data) {
    const model = engineModel(1);
    const t0 = performance.now();
    model.fit(data.train.x, data.train.y, {
      optimizer: new SGD({ lr: t.lr, momentum: t.momentum }),
      epochs: 1,
      batchSize: t.batchSize,
      shuffleSeed: 7,
    });
    const seconds = (performance.now() - t0) / 1000;
    const { accuracy } = model.evaluate(data.test.x, data.test.y);
    return { images: data.train.y.length, seconds, imagesPerSecond: data.train.y.length / seconds, testAccuracy: accuracy };
  },
};
