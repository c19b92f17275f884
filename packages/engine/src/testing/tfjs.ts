/**
 * TensorFlow.js as an independent oracle for the tests: its CPU backend, and
 * conversions between convkit's NCHW tensors and TensorFlow.js tensors.
 * TensorFlow.js is NHWC with filters [KH, KW, C, F]; the oracles below take and
 * return NCHW so that callers compare like with like.
 */
import * as tf from '@tensorflow/tfjs';
import { Tensor } from '../tensor.ts';

export { tf };

/** Selects the pure-JavaScript CPU backend (call once, in `beforeAll`). */
export async function useCpuBackend(): Promise<void> {
  // Silences TensorFlow.js's console banner ("install the node backend"); PROD only skips debug warnings.
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
  await tf.ready();
}

export function toTf(t: Tensor): tf.Tensor {
  return tf.tensor(Float32Array.from(t.data), [...t.shape], 'float32');
}

/** Reads a TensorFlow.js tensor back (outside `tf.tidy`: returning typed arrays from tidy is slow). */
export function fromTf(t: tf.Tensor): Tensor {
  return new Tensor(t.shape, t.dataSync() as Float32Array, 'float32');
}

const toNhwc = (x: tf.Tensor): tf.Tensor4D => x.transpose([0, 2, 3, 1]) as tf.Tensor4D;
const toNchw = (x: tf.Tensor): tf.Tensor4D => x.transpose([0, 3, 1, 2]) as tf.Tensor4D;

/** Convolution in NCHW: x [N,C,H,W], w [F,C,HH,WW], b [F] → [N,F,H',W'], with explicit zero padding. */
export function tfConv2d(x: tf.Tensor, w: tf.Tensor, b: tf.Tensor, stride: number, pad: number): tf.Tensor4D {
  // biome-ignore format: one [before, after] pad pair per NHWC axis, kept on one line
  const padded = tf.pad(toNhwc(x), [[0, 0], [pad, pad], [pad, pad], [0, 0]]) as tf.Tensor4D;
  const filter = w.transpose([2, 3, 1, 0]) as tf.Tensor4D;
  return toNchw(tf.conv2d(padded, filter, stride, 'valid').add(b));
}

/** Max or average pooling in NCHW with a size × size window and no padding. */
export function tfPool2d(kind: 'max' | 'avg', x: tf.Tensor, size: number, stride: number): tf.Tensor4D {
  const pool = kind === 'max' ? tf.maxPool : tf.avgPool;
  return toNchw(pool(toNhwc(x), size, stride, 'valid'));
}

/**
 * Runs `fn` on the inputs and returns its output and its gradients with
 * respect to every input for the upstream gradient `dout`, all read back as
 * convkit tensors.
 */
export function tfForwardBackward(fn: (...inputs: tf.Tensor[]) => tf.Tensor, inputs: Tensor[], dout: Tensor): { out: Tensor; grads: Tensor[] } {
  const tfInputs = inputs.map(toTf);
  const tfDout = toTf(dout);
  const results = tf.tidy(() => {
    const out = fn(...tfInputs);
    const grads = tf.grads((...xs: tf.Tensor[]) => fn(...xs))(tfInputs, tfDout);
    return [out, ...grads];
  });
  const [out, ...grads] = results.map(fromTf);
  tf.dispose([...results, ...tfInputs, tfDout]);
  return { out, grads };
}
