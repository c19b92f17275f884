/**
 * Trains the playground's CNN off the main thread, so the page stays responsive. The loop runs in short
 * chunks of mini-batches and yields to the event loop between chunks, so 'pause' and 'predict' messages are
 * handled while training. Everything numeric is the engine's: data split and normalisation
 * (mnistFromDigits), the shuffled mini-batches (shuffledBatches, the same as Sequential.fit's), layers,
 * Sequential.trainStep, Adam, evaluate, confusionMatrix.
 */
import {
  Adam,
  Conv2D,
  Dense,
  Flatten,
  MaxPool2D,
  ReLU,
  Rng,
  Sequential,
  Tensor,
  accuracy,
  argmax,
  confusionMatrix,
  examplesAt,
  mnistFromDigits,
  shuffledBatches,
  softmax,
  softmaxCrossEntropy,
  type Layer,
  type MiniBatch,
  type MnistSplit,
} from '@convkit/engine';
import { fetchMnist } from '../../lib/mnist.ts';
import type { FromWorker, ToWorker, TrainConfig } from './protocol.ts';

const TEST_SIZE = 1000;
/** Test examples scored at each evaluation: enough for a stable accuracy, cheap enough to do often. */
const EVAL_SIZE = 500;
const EVAL_EVERY = 40;
const REPORT_EVERY = 5;
const CHUNK_MS = 60;

const post = (m: FromWorker): void => (self as unknown as Worker).postMessage(m);

function layersFor(config: TrainConfig): Layer[] {
  const head = [new Conv2D({ filters: config.filters, kernelSize: 5 }), new ReLU(), new MaxPool2D({ size: 2 })];
  const middle = config.architecture === 'small' ? [new Conv2D({ filters: 2 * config.filters, kernelSize: 5 }), new ReLU(), new MaxPool2D({ size: 2 })] : [];
  return [...head, ...middle, new Flatten(), new Dense({ units: 10 })];
}

let split: MnistSplit | undefined;
let model: Sequential | undefined;
let optimizer: Adam | undefined;
let config: TrainConfig | undefined;
let running = false;
let step = 0;
/** The run's mini-batches, pulled one at a time so training can pause between any two. */
let batches: Generator<MiniBatch, void, undefined> | undefined;
let evalBatch: { x: Tensor; y: Int32Array } | undefined;

function sendViews(): void {
  const conv = model!.layers[0];
  const x = evalBatch!.x;
  const one = new Tensor([1, 1, 28, 28], x.data.slice(0, 784));
  const maps = model!.layers[1].forward(conv.forward(one));
  const w = conv.params()[0].value;
  const { mean, std } = split!;
  const input = Float32Array.from(one.data, (v) => v * std + mean);
  post({
    type: 'views',
    step,
    views: {
      filters: { shape: [...w.shape], data: Float32Array.from(w.data) },
      input: { shape: [1, 1, 28, 28], data: input },
      maps: { shape: [...maps.shape], data: Float32Array.from(maps.data) },
    },
  });
}

function evaluate(): void {
  const { x, y } = evalBatch!;
  const scores = model!.predict(x); // one forward pass gives the loss, the accuracy and the confusion matrix
  const predicted = argmax(scores);
  post({ type: 'eval', step, loss: softmaxCrossEntropy(scores, y).loss, accuracy: accuracy(predicted, y), confusion: confusionMatrix(predicted, y, 10) });
  sendViews();
}

async function loop(): Promise<void> {
  let lossSum = 0;
  let accSum = 0;
  let count = 0;
  // The rate shown is sustained: every image since training (re)started over all the time since,
  // evaluations, pictures and yields included, not just the last few steps.
  let examples = 0;
  const since = performance.now();
  while (running) {
    const chunkEnd = performance.now() + CHUNK_MS;
    while (running && performance.now() < chunkEnd) {
      const { epoch, indices } = batches!.next().value!; // endless: a new shuffle every epoch
      const { x, y } = examplesAt(split!.train, indices);
      const r = model!.trainStep(x, y, optimizer!);
      if (!Number.isFinite(r.loss)) {
        running = false;
        post({ type: 'error', message: `the loss became ${r.loss} at step ${step}: lower the learning rate and reset` });
        return;
      }
      step++;
      lossSum += r.loss;
      accSum += r.accuracy;
      count++;
      examples += y.length;
      if (step % REPORT_EVERY === 0) {
        const now = performance.now();
        post({
          type: 'progress',
          step,
          epoch,
          loss: lossSum / count,
          accuracy: accSum / count,
          examplesPerSecond: (examples * 1000) / Math.max(1, now - since),
        });
        lossSum = accSum = count = 0;
      }
      if (step % EVAL_EVERY === 0) evaluate();
    }
    // Yield so queued messages (pause, predict) run between chunks.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

self.onmessage = async (event: MessageEvent<ToWorker>) => {
  const msg = event.data;
  try {
    if (msg.type === 'init') {
      running = false;
      config = msg.config;
      split ??= mnistFromDigits(await fetchMnist(msg.dataUrl), { testSize: TEST_SIZE, seed: 0 });
      model = new Sequential(layersFor(config), { inputShape: [1, 28, 28], seed: config.seed });
      optimizer = new Adam({ lr: config.learningRate });
      batches = shuffledBatches(split.train.y.length, config.batchSize, new Rng(config.seed));
      step = 0;
      evalBatch = examplesAt(
        split.test,
        Array.from({ length: Math.min(EVAL_SIZE, split.test.y.length) }, (_, i) => i),
      );
      const summary = model.summary();
      post({ type: 'ready', train: split.train.y.length, test: split.test.y.length, summary: String(summary), params: summary.totalParams });
      evaluate();
    } else if (msg.type === 'start') {
      if (!model || running) return;
      running = true;
      void loop();
    } else if (msg.type === 'pause') {
      running = false;
    } else if (msg.type === 'predict') {
      if (!model || !split) return;
      const { mean, std } = split;
      const x = new Tensor(
        [1, 1, 28, 28],
        Float32Array.from(msg.pixels, (v) => (v - mean) / std),
      );
      const prediction = model.predict(x);
      post({ type: 'prediction', probabilities: Array.from(softmax(prediction).data), label: argmax(prediction)[0] });
    }
  } catch (err) {
    running = false;
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
