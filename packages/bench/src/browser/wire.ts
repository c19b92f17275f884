/**
 * The benchmark's MNIST split as one binary buffer, so that Node builds it once (data.ts: the engine's
 * loadMnist, the first 8,000/2,000 images, the shared visiting order) and the page trains on exactly those
 * bytes instead of re-implementing the split. Browser-safe: no Node imports.
 *
 * Layout, all 4-byte words, little-endian as the typed arrays of both ends:
 *   int32 [MAGIC, trainCount, testCount, pixelsPerImage]
 *   float32 train x (trainCount·pixels) | float32 test x (testCount·pixels)
 *   int32 train y (trainCount) | int32 test y (testCount) | int32 order (trainCount)
 */
import { MNIST_PIXELS, MNIST_SIDE, Tensor } from '@convkit/engine';
import type { MnistData } from '../data.ts';

/** "MNST" read as a little-endian int32: tells a stale or foreign buffer apart from ours. */
const MAGIC = 0x54534e4d;
const HEADER_WORDS = 4;

const words = (train: number, test: number) => HEADER_WORDS + (train + test) * MNIST_PIXELS + 2 * train + test;

export function encodeMnist(data: MnistData): ArrayBuffer {
  const train = data.train.y.length,
    test = data.test.y.length;
  if (data.train.x.size !== train * MNIST_PIXELS || data.test.x.size !== test * MNIST_PIXELS || data.order.length !== train) {
    throw new Error(
      `encodeMnist: expected ${train}+${test} images of ${MNIST_PIXELS} pixels and an order of ${train}, ` +
        `got x sizes ${data.train.x.size}+${data.test.x.size} and an order of ${data.order.length}`,
    );
  }
  const buffer = new ArrayBuffer(4 * words(train, test));
  const f32 = new Float32Array(buffer),
    i32 = new Int32Array(buffer);
  i32.set([MAGIC, train, test, MNIST_PIXELS]);
  let at = HEADER_WORDS;
  for (const x of [data.train.x, data.test.x]) {
    f32.set(x.data, at);
    at += x.size;
  }
  for (const ints of [data.train.y, data.test.y, data.order]) {
    i32.set(ints, at);
    at += ints.length;
  }
  return buffer;
}

export function decodeMnist(buffer: ArrayBuffer): MnistData {
  if (buffer.byteLength < 4 * HEADER_WORDS) {
    throw new Error(`decodeMnist: expected an encodeMnist buffer of at least ${4 * HEADER_WORDS} bytes, got ${buffer.byteLength} bytes`);
  }
  const [magic, train, test, pixels] = new Int32Array(buffer, 0, HEADER_WORDS);
  if (magic !== MAGIC || pixels !== MNIST_PIXELS || buffer.byteLength !== 4 * words(train, test)) {
    throw new Error(
      `decodeMnist: expected an encodeMnist buffer (magic ${MAGIC}, ${MNIST_PIXELS} pixels, matching length), ` +
        `got magic ${magic}, ${pixels} pixels, ${buffer.byteLength} bytes`,
    );
  }
  // Copies (slice), not views, so every array starts at offset 0 of its own buffer as a fresh one would.
  let at = HEADER_WORDS;
  const floats = (length: number): Float32Array => {
    const copy = new Float32Array(buffer, 4 * at, length).slice();
    at += length;
    return copy;
  };
  const ints = (length: number): Int32Array => {
    const copy = new Int32Array(buffer, 4 * at, length).slice();
    at += length;
    return copy;
  };
  const image = (n: number, x: Float32Array) => new Tensor([n, 1, MNIST_SIDE, MNIST_SIDE], x);
  const trainX = image(train, floats(train * MNIST_PIXELS)),
    testX = image(test, floats(test * MNIST_PIXELS));
  const trainY = ints(train),
    testY = ints(test);
  return { train: { x: trainX, y: trainY }, test: { x: testX, y: testY }, order: Array.from(ints(train)) };
}
