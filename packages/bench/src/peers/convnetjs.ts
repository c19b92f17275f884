/**
 * ConvNetJS 0.3.0: plain JavaScript, one image at a time, Float64Array
 * volumes in (x, y, depth) order. Inputs become Vols outside the timed
 * region. ConvNetJS keeps only the last input of a layer, so its backward
 * pass is timed as forward+backward per image and child.ts subtracts the
 * forward time.
 */
import convnetjs from 'convnetjs';
import type { Tensor } from '@convkit/engine';
import { convOut } from '../workloads.ts';
import type { Peer } from './peer.ts';

/** Image n of an NCHW tensor as a ConvNetJS Vol (w index ((W·y)+x)·C + c). */
function vol(t: Tensor, n: number): convnetjs.Vol {
  const [, C, H, W] = t.shape;
  const v = new convnetjs.Vol(W, H, C, 0);
  for (let c = 0; c < C; c++)
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) {
        v.w[(W * y + x) * C + c] = t.data[((n * C + c) * H + y) * W + x];
      }
  return v;
}

const vols = (t: Tensor): convnetjs.Vol[] => Array.from({ length: t.shape[0] }, (_, n) => vol(t, n));

export const convnetjsPeer: Peer = {
  name: 'convnetjs',
  async describe() {
    return 'ConvNetJS 0.3.0 (plain JS, Float64Array, one image at a time)';
  },
  convForward(c, { x, w, b }) {
    const layer = new convnetjs.ConvLayer({ in_sx: c.W, in_sy: c.H, in_depth: c.C, sx: c.K, filters: c.F, stride: c.stride, pad: c.pad });
    layer.filters.forEach((f, i) => {
      for (let d = 0; d < c.C; d++)
        for (let fy = 0; fy < c.K; fy++)
          for (let fx = 0; fx < c.K; fx++) {
            f.w[(c.K * fy + fx) * c.C + d] = w.data[((i * c.C + d) * c.K + fy) * c.K + fx];
          }
      layer.biases.w[i] = b.data[i];
    });
    const inputs = vols(x);
    return () => inputs.forEach((v) => layer.forward(v, false));
  },
  convBackward(c, data) {
    const forward = this.convForward(c, data);
    if (forward === null) return null;
    const [outHeight, outWidth] = convOut(c);
    const layer = new convnetjs.ConvLayer({ in_sx: c.W, in_sy: c.H, in_depth: c.C, sx: c.K, filters: c.F, stride: c.stride, pad: c.pad });
    const inputs = vols(data.x),
      upstream = vols(data.dout);
    if (upstream[0].w.length !== outHeight * outWidth * c.F) throw new Error('bench: ConvNetJS output size mismatch');
    return () =>
      inputs.forEach((v, n) => {
        layer.forward(v, true);
        layer.out_act.dw.set(upstream[n].w);
        layer.backward();
      });
  },
  poolForward(p, { x }) {
    const layer = new convnetjs.PoolLayer({ in_sx: p.W, in_sy: p.H, in_depth: p.C, sx: p.size, stride: p.stride });
    const inputs = vols(x);
    return () => inputs.forEach((v) => layer.forward(v, false));
  },
  poolBackward(p, { x, dout }) {
    const layer = new convnetjs.PoolLayer({ in_sx: p.W, in_sy: p.H, in_depth: p.C, sx: p.size, stride: p.stride });
    const inputs = vols(x),
      upstream = vols(dout);
    return () =>
      inputs.forEach((v, n) => {
        layer.forward(v, true);
        layer.out_act.dw.set(upstream[n].w);
        layer.backward();
      });
  },
  train(t, data) {
    const net = new convnetjs.Net();
    net.makeLayers([
      { type: 'input', out_sx: 28, out_sy: 28, out_depth: 1 },
      { type: 'conv', sx: 3, filters: 16, stride: 1, pad: 1, activation: 'relu' },
      { type: 'pool', sx: 2, stride: 2 },
      { type: 'conv', sx: 3, filters: 32, stride: 1, pad: 1, activation: 'relu' },
      { type: 'pool', sx: 2, stride: 2 },
      { type: 'softmax', num_classes: 10 }, // ConvNetJS inserts the dense (fc) layer of 10 before it
    ]);
    const trainer = new convnetjs.Trainer(net, { method: 'sgd', learning_rate: t.lr, momentum: t.momentum, batch_size: t.batchSize, l2_decay: 0 });
    const trainVols = vols(data.train.x),
      testVols = vols(data.test.x);
    const t0 = performance.now();
    for (const i of data.order) trainer.train(trainVols[i], data.train.y[i]);
    const seconds = (performance.now() - t0) / 1000;
    let correct = 0;
    testVols.forEach((v, i) => {
      net.forward(v, false);
      if (net.getPrediction() === data.test.y[i]) correct++;
    });
    const images = data.order.length;
    return { images, seconds, imagesPerSecond: images / seconds, testAccuracy: correct / testVols.length };
  },
};
