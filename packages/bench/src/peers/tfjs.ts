/**
 * TensorFlow.js 4.22 with its pure-JS cpu backend or its WebAssembly backend
 * (XNNPACK, SIMD build; the multi-threaded build does not load in Node).
 * TensorFlow.js is NHWC with filters [KH, KW, C, F]: inputs are converted once,
 * outside the timed region. Each timed run reads its result back (dataSync)
 * and frees it, as a caller would.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs'; // registers the gradients (tfjs-core alone has none) and the cpu backend
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import type { Tensor as EngineTensor } from '@convkit/engine';
import type { Peer, TrainResult } from './peer.ts';

/** NCHW → NHWC (also dout [N, F, H', W'] → [N, H', W', F]). */
function nhwc(t: EngineTensor): tf.Tensor4D {
  const [N, C, H, W] = t.shape;
  const out = new Float32Array(t.size);
  for (let n = 0; n < N; n++)
    for (let c = 0; c < C; c++)
      for (let h = 0; h < H; h++)
        for (let w = 0; w < W; w++) {
          out[((n * H + h) * W + w) * C + c] = t.data[((n * C + c) * H + h) * W + w];
        }
  return tf.tensor4d(out, [N, H, W, C]);
}

/** Filters [F, C, K, K] → [K, K, C, F]. */
function filters(t: EngineTensor): tf.Tensor4D {
  const [F, C, KH, KW] = t.shape;
  const out = new Float32Array(t.size);
  for (let f = 0; f < F; f++)
    for (let c = 0; c < C; c++)
      for (let i = 0; i < KH; i++)
        for (let j = 0; j < KW; j++) {
          out[((i * KW + j) * C + c) * F + f] = t.data[((f * C + c) * KH + i) * KW + j];
        }
  return tf.tensor4d(out, [KH, KW, C, F]);
}

type Pad = 'valid' | [[number, number], [number, number], [number, number], [number, number]];
// biome-ignore format: one [before, after] pad pair per NHWC axis, kept on one line
const padOf = (p: number): Pad => (p === 0 ? 'valid' : [[0, 0], [p, p], [p, p], [0, 0]]);

function run(fn: () => tf.Tensor[]): void {
  const outs = fn();
  for (const t of outs) t.dataSync();
  for (const t of outs) t.dispose();
}

export async function useBackend(backend: 'cpu' | 'wasm'): Promise<void> {
  if (backend === 'wasm') {
    const pkg = createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/package.json');
    setWasmPaths(join(dirname(pkg), 'dist') + '/');
  }
  if (!(await tf.setBackend(backend))) throw new Error(`bench: TensorFlow.js backend ${backend} failed to initialise`);
}

function tfjsPeer(backend: 'cpu' | 'wasm'): Peer {
  return {
    name: backend === 'cpu' ? 'tfjs-cpu' : 'tfjs-wasm',
    async describe() {
      await useBackend(backend);
      if (backend === 'cpu') return 'TensorFlow.js 4.22 cpu backend (pure JS)';
      const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
      const threads = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
      return `TensorFlow.js 4.22 wasm backend (XNNPACK), SIMD ${simd ? 'on' : 'OFF'}, threads ${threads ? 'on' : 'off'}`;
    },
    convForward(c, { x, w, b }) {
      const [xt, wt, bt] = [nhwc(x), filters(w), tf.tensor1d(b.data as Float32Array)];
      return () => run(() => [tf.fused.conv2d({ x: xt, filter: wt, bias: bt, strides: c.stride, pad: padOf(c.pad) })]);
    },
    convBackward(c, { x, w, dout }) {
      if (!tf.getKernel('Conv2DBackpropFilter', backend)) return null; // the wasm backend cannot train
      const [xt, wt, dy] = [nhwc(x), filters(w), nhwc(dout)];
      const attrs = { strides: c.stride, pad: padOf(c.pad), dataFormat: 'NHWC' };
      return () =>
        run(() => [
          tf.engine().runKernel('Conv2DBackpropInput', { dy, filter: wt }, { ...attrs, inputShape: xt.shape }) as tf.Tensor,
          tf.engine().runKernel('Conv2DBackpropFilter', { x: xt, dy }, { ...attrs, filterShape: wt.shape }) as tf.Tensor,
          tf.sum(dy, [0, 1, 2]),
        ]);
    },
    poolForward(p, { x }) {
      const xt = nhwc(x);
      return () => run(() => [tf.maxPool(xt, p.size, p.stride, 'valid')]);
    },
    poolBackward(p, { x, dout }) {
      if (!tf.getKernel('MaxPoolGrad', backend)) return null;
      const [xt, dy] = [nhwc(x), nhwc(dout)];
      const output = tf.maxPool(xt, p.size, p.stride, 'valid');
      const attrs = { filterSize: p.size, strides: p.stride, pad: 'valid' };
      return () => run(() => [tf.engine().runKernel('MaxPoolGrad', { dy, input: xt, output }, attrs) as tf.Tensor]);
    },
    train(t, data) {
      if (!tf.getKernel('Conv2DBackpropFilter', backend)) return null;
      return trainTfjs(t.tfjsCpuImages, t.batchSize, t.lr, t.momentum, data.train.x, data.train.y, data.order);
    },
  };
}

/** The CNN in TensorFlow.js ops (no tfjs-layers): He-initialised, SGD with momentum, on the first `images` of `order`. */
function trainTfjs(images: number, batchSize: number, lr: number, momentum: number, x: EngineTensor, y: Int32Array, order: number[]): TrainResult {
  const he = (shape: number[], fanIn: number) => tf.variable(tf.randomNormal(shape, 0, Math.sqrt(2 / fanIn), 'float32', 1));
  const w1 = he([3, 3, 1, 16], 9),
    b1 = tf.variable(tf.zeros([16]));
  const w2 = he([3, 3, 16, 32], 144),
    b2 = tf.variable(tf.zeros([32]));
  const w3 = he([7 * 7 * 32, 10], 7 * 7 * 32),
    b3 = tf.variable(tf.zeros([10]));
  const logits = (batch: tf.Tensor4D): tf.Tensor2D => {
    let h = tf.maxPool(tf.relu(tf.add(tf.conv2d(batch, w1 as tf.Tensor4D, 1, 'same'), b1)) as tf.Tensor4D, 2, 2, 'valid');
    h = tf.maxPool(tf.relu(tf.add(tf.conv2d(h, w2 as tf.Tensor4D, 1, 'same'), b2)) as tf.Tensor4D, 2, 2, 'valid');
    return tf.add(tf.matMul(tf.reshape(h, [batch.shape[0], -1]), w3), b3);
  };
  const optimizer = tf.train.momentum(lr, momentum);
  const pixels = 28 * 28;
  const t0 = performance.now();
  for (let start = 0; start < images; start += batchSize) {
    const rows = order.slice(start, Math.min(images, start + batchSize));
    const xb = new Float32Array(rows.length * pixels); // C = 1: NCHW and NHWC are the same bytes
    rows.forEach((r, i) => xb.set(x.data.subarray(r * pixels, (r + 1) * pixels), i * pixels));
    tf.tidy(() => {
      const labels = tf.oneHot(
        tf.tensor1d(
          rows.map((r) => y[r]),
          'int32',
        ),
        10,
      );
      optimizer.minimize(() => tf.losses.softmaxCrossEntropy(labels, logits(tf.tensor4d(xb, [rows.length, 28, 28, 1]))) as tf.Scalar);
    });
  }
  const seconds = (performance.now() - t0) / 1000;
  return {
    images,
    seconds,
    imagesPerSecond: images / seconds,
    testAccuracy: null,
    note: `trained on ${images} images only, images/s extrapolated to the epoch; no test accuracy`,
  };
}

export const tfjsCpuPeer = tfjsPeer('cpu');
export const tfjsWasmPeer = tfjsPeer('wasm');
