import { describe, expect, it } from 'vitest';
import { Tensor } from '../tensor.ts';
import { Rng } from '../random.ts';
import { Conv2D } from '../layers/conv2d.ts';
import { Dense } from '../layers/dense.ts';
import { MaxPool2D } from '../layers/pool2d.ts';
import { Flatten } from '../layers/flatten.ts';
import { ReLU } from '../layers/activations.ts';
import { Adam } from '../optim/adam.ts';
import { SGD } from '../optim/sgd.ts';
import { Sequential } from './sequential.ts';
import type { ModelJSON } from './serialize.ts';

const lenet = (seed = 1, filters = 8) =>
  new Sequential(
    [
      new Conv2D({ filters, kernelSize: 5 }),
      new ReLU(),
      new MaxPool2D({ size: 2 }),
      new Conv2D({ filters: 16, kernelSize: 5 }),
      new ReLU(),
      new MaxPool2D({ size: 2 }),
      new Flatten(),
      new Dense({ units: 10 }),
    ],
    { inputShape: [1, 28, 28], seed },
  );

/**
 * 6×6 one-channel images: class 0 has a bright vertical bar, class 1 a bright
 * horizontal bar, at a random position, plus noise. Linearly separable after a conv.
 */
function bars(n: number, seed: number): { x: Tensor; y: Int32Array } {
  const rng = new Rng(seed);
  const x = Tensor.zeros([n, 1, 6, 6]);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = i % 2;
    const at = rng.int(6);
    for (let r = 0; r < 6; r++) {
      for (let c = 0; c < 6; c++) {
        const on = y[i] === 0 ? c === at : r === at;
        x.data[i * 36 + r * 6 + c] = (on ? 1 : 0) + rng.normal(0, 0.1);
      }
    }
  }
  return { x, y };
}
const barModel = (seed: number) =>
  new Sequential([new Conv2D({ filters: 4, kernelSize: 3 }), new ReLU(), new MaxPool2D({ size: 2 }), new Flatten(), new Dense({ units: 2 })], {
    inputShape: [1, 6, 6],
    seed,
  });

describe('Sequential.summary: output volumes W×H×D from the size formula, parameter counts', () => {
  it("the notes' example: 32×32×3 input, conv 3×3 ×5 p=1 → 32×32×5, flatten → 5120, dense 10", () => {
    const model = new Sequential([new Conv2D({ filters: 5, kernelSize: 3, pad: 1 }), new ReLU(), new Flatten(), new Dense({ units: 10 })], {
      inputShape: [3, 32, 32],
    });
    const s = model.summary();
    // (32 − 3 + 2·1)/1 + 1 = 32; conv params 5·(3·3·3) + 5 = 140; flatten 32·32·5 = 5120; dense 5120·10 + 10 = 51210.
    expect(s.rows.map((r) => [r.output, r.params])).toEqual([
      ['32×32×3', 0],
      ['32×32×5', 140],
      ['32×32×5', 0],
      ['5120', 0],
      ['10', 51210],
    ]);
    expect(s.totalParams).toBe(51350);
    const text = String(s);
    expect(text).toContain('Conv2D filters=5 kernelSize=3×3 stride=1 pad=1');
    expect(text).toContain('Total params: 51,350');
  });

  it('LeNet on x=[1,28,28]: 24×24×8 → 12×12×8 → 8×8×16 → 4×4×16 → 256 → 10', () => {
    const s = lenet().summary();
    // conv1 8·(1·5·5) + 8 = 208; conv2 16·(8·5·5) + 16 = 3216; dense 256·10 + 10 = 2570.
    expect(s.rows.map((r) => r.output)).toEqual(['28×28×1', '24×24×8', '24×24×8', '12×12×8', '8×8×16', '8×8×16', '4×4×16', '256', '10']);
    expect(s.totalParams).toBe(208 + 3216 + 2570);
  });

  it('writes width first: x=[1,10,14] (H=10, W=14) conv 3×3 ×4 → 12×8×4', () => {
    const model = new Sequential([new Conv2D({ filters: 4, kernelSize: 3 }), new Flatten(), new Dense({ units: 2 })], { inputShape: [1, 10, 14] });
    expect(model.summary().rows[1].output).toBe('12×8×4');
    expect(model.shapes[0]).toEqual([4, 8, 12]);
  });
});

describe('Sequential build errors name the layer, the input and the rule', () => {
  it('Dense straight after a conv volume', () => {
    expect(() => new Sequential([new Conv2D({ filters: 2, kernelSize: 3 }), new Dense({ units: 2 })], { inputShape: [1, 5, 5] })).toThrow(
      'Sequential: layer 1 (Dense) cannot take an input of shape [2, 3, 3]: Dense: expected an input of rank 1 [D (use Flatten before Dense)] per example, got [2, 3, 3]',
    );
  });
  it('a stride that does not fit: x=[1,10,10] conv 3×3 s=2', () => {
    expect(
      () => new Sequential([new Conv2D({ filters: 2, kernelSize: 3, stride: 2 }), new Flatten(), new Dense({ units: 2 })], { inputShape: [1, 10, 10] }),
    ).toThrow(/^Sequential: layer 0 \(Conv2D\) cannot take an input of shape \[1, 10, 10\]: outputSize: .*4\.5/);
  });
  it('a model that does not end in class scores, and a bad inputShape', () => {
    expect(() => new Sequential([new ReLU()], { inputShape: [1, 4, 4] })).toThrow('expected the last layer to output class scores [K], got [1, 4, 4]');
    expect(() => new Sequential([new Flatten()], { inputShape: [1, 0, 4] })).toThrow('Sequential: expected inputShape[1] to be an integer ≥ 1, got 0');
  });
  it('forward/fit with x of the wrong shape or labels out of range', () => {
    const model = barModel(0);
    expect(() => model.forward(Tensor.zeros([2, 1, 5, 6]))).toThrow('Sequential.forward: expected x of shape [N, 1, 6, 6] with N ≥ 1, got [2, 1, 5, 6]');
    const { x } = bars(4, 0);
    expect(() => model.fit(x, [0, 1, 2, 0], { optimizer: new Adam() })).toThrow('Sequential.fit: expected y[2] to be an integer class in [0, 2), got 2');
    expect(() => model.fit(x, [0, 1], { optimizer: new Adam() })).toThrow('Sequential.fit: expected y of length 4 (one label per example of x), got 2');
    expect(() => model.fit(x, [0, 1, 1, 0], { optimizer: new Adam(), batchSize: 0 })).toThrow('Sequential.fit: expected batchSize to be an integer ≥ 1, got 0');
  });
});

// Training runs take ~1 s on an idle machine; the timeouts allow for a busy CI box.
describe('Sequential.fit / evaluate / predict on a separable toy problem (6×6 bars, 2 classes)', () => {
  const train = bars(120, 1);
  const test = bars(60, 2);

  it('x=[120,1,6,6] reaches ≥ 95% held-out accuracy with Adam, and the loss falls', { timeout: 60_000 }, () => {
    const model = barModel(3);
    const before = model.evaluate(test.x, test.y);
    let batchCalls = 0;
    const history = model.fit(train.x, train.y, { optimizer: new Adam({ lr: 0.01 }), epochs: 15, batchSize: 16, onBatchEnd: () => batchCalls++ });
    expect(batchCalls).toBe(15 * Math.ceil(120 / 16));
    expect(history).toHaveLength(15);
    expect(history[14].loss).toBeLessThan(history[0].loss);
    const after = model.evaluate(test.x, test.y);
    expect(after.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(after.loss).toBeLessThan(before.loss);
  });

  it('SGD with momentum learns it too, and reports validation each epoch', { timeout: 60_000 }, () => {
    const model = barModel(4);
    const history = model.fit(train.x, train.y, { optimizer: new SGD({ lr: 0.05, momentum: 0.9 }), epochs: 15, batchSize: 16, validation: test });
    expect(history[14].validation!.accuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('is reproducible: same seeds → identical histories and weights', () => {
    const run = () => {
      const model = barModel(5);
      const h = model.fit(train.x, train.y, { optimizer: new Adam({ lr: 0.01 }), epochs: 2, batchSize: 32, shuffleSeed: 9 });
      return [h.map((e) => e.loss), Array.from(model.params()[0].value.data)];
    };
    expect(run()).toEqual(run());
  });

  it('augment sees every training batch (x=[16|16|16|16|16|16|16|8,1,6,6]) before the forward pass', () => {
    const sizes: number[] = [];
    barModel(7).fit(train.x, train.y, { optimizer: new Adam(), batchSize: 16, augment: (b) => (sizes.push(b.shape[0]), b) });
    expect(sizes).toEqual([16, 16, 16, 16, 16, 16, 16, 8]);
    // What augment returns is what gets trained on: an all-zero batch leaves the conv weights' gradient zero.
    const model = barModel(8);
    const w = Array.from(model.params()[0].value.data);
    model.fit(train.x, train.y, { optimizer: new SGD({ lr: 0.1 }), batchSize: 120, augment: (b) => Tensor.zerosLike(b) });
    expect(Array.from(model.params()[0].value.data)).toEqual(w);
  });

  it('predict in batches of 7 equals one forward pass over all 60', () => {
    const model = barModel(6);
    expect(Array.from(model.predict(test.x, 7).data)).toEqual(Array.from(model.forward(test.x).data));
  });
});

describe('save / load as JSON', () => {
  it('round-trips LeNet predictions exactly through JSON.stringify / fromJSON', { timeout: 60_000 }, () => {
    const model = lenet(7);
    const x = Tensor.zeros([3, 1, 28, 28]).clone();
    const rng = new Rng(8);
    for (let i = 0; i < x.size; i++) x.data[i] = rng.normal();
    const json = JSON.parse(JSON.stringify(model)) as ModelJSON;
    const loaded = Sequential.fromJSON(json);
    expect(loaded.summary().rows).toEqual(model.summary().rows);
    expect(Array.from(loaded.predict(x).data)).toEqual(Array.from(model.predict(x).data));
    // loadWeights into a fresh model with other initial weights also gives the same predictions.
    const other = lenet(99);
    other.loadWeights(json);
    expect(Array.from(other.predict(x).data)).toEqual(Array.from(model.predict(x).data));
  });

  it('loading into a mismatched architecture throws and leaves the weights untouched', () => {
    const json = lenet(1).toJSON();
    const six = lenet(2, 6);
    const before = Array.from(six.params()[0].value.data);
    expect(() => six.loadWeights(json)).toThrow('Sequential.loadWeights: expected layer 0 (Conv2D) w of shape [6, 1, 5, 5], got w of shape [8, 1, 5, 5]');
    expect(Array.from(six.params()[0].value.data)).toEqual(before);
    expect(() => barModel(0).loadWeights(json)).toThrow('Sequential.loadWeights: expected a model with 5 layers, got 8');
    const swapped = { ...json, layers: [...json.layers] };
    swapped.layers[1] = { config: { type: 'Tanh' }, weights: [] };
    expect(() => lenet(1).loadWeights(swapped)).toThrow('Sequential.loadWeights: expected layer 1 (ReLU) to be a ReLU, got "Tanh"');
    expect(() => Sequential.fromJSON({ format: 'keras' } as unknown as ModelJSON)).toThrow(
      'expected a model saved by toJSON (format "convkit.sequential/1"), got format "keras"',
    );
  });
});
