/**
 * Oracle suite for the multilayer-perceptron ops: dense, the activations and
 * softmax cross-entropy, forward and backward, against TensorFlow.js (CPU
 * backend) in float32. Error is max |ours − theirs| / max |theirs| < 1e-4.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { denseBackward, denseForward } from './dense.ts';
import { reluBackward, reluForward, sigmoidBackward, sigmoidForward, tanhBackward, tanhForward } from './activations.ts';
import { softmaxCrossEntropy } from './softmax-cross-entropy.ts';
import { randn, scaledMaxError } from '../testing/gradcheck.ts';
import { fromTf, tf, tfForwardBackward, toTf, useCpuBackend } from '../testing/tfjs.ts';

beforeAll(useCpuBackend);

describe('dense vs TensorFlow.js (float32)', () => {
  it.each([
    { N: 4, D: 7, M: 3 },
    { N: 1, D: 20, M: 10 },
    { N: 16, D: 36, M: 5 },
  ])('x=[$N,$D] w=[$D,$M] b=[$M]', ({ N, D, M }) => {
    const x = randn([N, D], N + D, 'float32');
    const w = randn([D, M], D + M, 'float32');
    const b = randn([M], M, 'float32');
    const out = denseForward(x, w, b);
    const dout = randn([N, M], 99, 'float32');
    const { dx, dw, db } = denseBackward(dout, x, w);
    const oracle = tfForwardBackward((tx, tw, tb) => tf.matMul(tx, tw).add(tb), [x, w, b], dout);
    expect(scaledMaxError(out, oracle.out)).toBeLessThan(1e-4);
    expect(scaledMaxError(dx, oracle.grads[0])).toBeLessThan(1e-4);
    expect(scaledMaxError(dw, oracle.grads[1])).toBeLessThan(1e-4);
    expect(scaledMaxError(db, oracle.grads[2])).toBeLessThan(1e-4);
  });
});

describe.each([
  ['relu', reluForward, reluBackward, tf.relu],
  ['sigmoid', sigmoidForward, sigmoidBackward, tf.sigmoid],
  ['tanh', tanhForward, tanhBackward, tf.tanh],
] as const)('%s vs TensorFlow.js (float32)', (_name, forward, backward, oracleFn) => {
  it('x=[3,4,5,5] scaled by 3', () => {
    const x = randn([3, 4, 5, 5], 11, 'float32').clone();
    for (let i = 0; i < x.size; i++) x.data[i] *= 3;
    const dout = randn(x.shape, 12, 'float32');
    const oracle = tfForwardBackward((t) => oracleFn(t), [x], dout);
    expect(scaledMaxError(forward(x), oracle.out)).toBeLessThan(1e-4);
    expect(scaledMaxError(backward(dout, x), oracle.grads[0])).toBeLessThan(1e-4);
  });
});

describe('softmaxCrossEntropy vs tf.losses.softmaxCrossEntropy (float32, mean over N)', () => {
  it.each([
    [5, 10],
    [32, 3],
  ])('scores=[%i,%i]', (N, K) => {
    const scores = randn([N, K], N * K, 'float32');
    const labels = Array.from({ length: N }, (_, n) => (n * 5 + 2) % K);
    const { loss, dscores } = softmaxCrossEntropy(scores, labels);

    const onehot = tf.oneHot(tf.tensor1d(labels, 'int32'), K).asType('float32');
    const logits = toTf(scores);
    const lossFn = (s: tf.Tensor): tf.Scalar => tf.losses.softmaxCrossEntropy(onehot, s) as tf.Scalar;
    const { value, grad } = tf.valueAndGrad(lossFn)(logits);
    const [theirLoss, theirGrad] = [value.dataSync()[0], fromTf(grad)];
    tf.dispose([onehot, logits, value, grad]);

    expect(Math.abs(loss - theirLoss) / Math.abs(theirLoss)).toBeLessThan(1e-5);
    expect(scaledMaxError(dscores, theirGrad)).toBeLessThan(1e-4);
  });
});
