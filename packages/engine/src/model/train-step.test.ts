import { describe, expect, it } from 'vitest';
import { Tensor } from '../tensor.ts';
import { Rng, randomNormal } from '../random.ts';
import { scaledMaxError } from '../testing/gradcheck.ts';
import type { Layer } from '../layers/layer.ts';
import { Conv2D } from '../layers/conv2d.ts';
import { Dense } from '../layers/dense.ts';
import { AvgPool2D, MaxPool2D } from '../layers/pool2d.ts';
import { Flatten } from '../layers/flatten.ts';
import { ReLU, Tanh } from '../layers/activations.ts';
import { SGD } from '../optim/sgd.ts';
import { Adam } from '../optim/adam.ts';
import { Sequential } from './sequential.ts';

/**
 * A float32 model (fast kernels, reused buffers) and a float64 twin with the
 * same weights (the readable reference ops): before every step the twin gets
 * the float32 weights, so both compute gradients at the same point.
 */
function twins(layers: () => Layer[], inputShape: number[]): [Sequential, Sequential] {
  const f32 = new Sequential(layers(), { inputShape, seed: 3 });
  const f64 = new Sequential(layers(), { inputShape, seed: 3, dtype: 'float64' });
  return [f32, f64];
}

function syncWeights(from: Sequential, to: Sequential): void {
  to.params().forEach((p, i) => p.value.data.set(from.params()[i].value.data));
}

const batch = (N: number, inputShape: number[], seed: number) => {
  const rng = new Rng(seed);
  return { x: randomNormal([N, ...inputShape], rng), y: Int32Array.from({ length: N }, () => rng.int(3)) };
};

const cnn = () => [
  new Conv2D({ filters: 4, kernelSize: 3, pad: 1 }),
  new ReLU(),
  new MaxPool2D({ size: 2 }),
  new Conv2D({ filters: 6, kernelSize: 3 }),
  new ReLU(),
  new MaxPool2D({ size: 2 }),
  new Flatten(),
  new Dense({ units: 3 }),
];
// Overlapping max pooling (the general kernel, which accumulates into its reused dx), average pooling, tanh, ReLU on vectors.
const mixed = () => [
  new Conv2D({ filters: 3, kernelSize: 3, stride: 1 }),
  new ReLU(),
  new MaxPool2D({ size: 3, stride: 2 }),
  new AvgPool2D({ size: 2, stride: 1 }),
  new Tanh(),
  new Flatten(),
  new Dense({ units: 5 }),
  new ReLU(),
  new Dense({ units: 3 }),
];

describe('float32 trainStep (fast kernels, reused buffers) against a float64 twin on the reference ops', () => {
  for (const [label, layers, inputShape] of [
    ['conv 3×3 p=1 F=4 → relu → maxpool 2 → conv 3×3 F=6 → relu → maxpool 2 → flatten 24 → dense 3, x=[N,2,12,12]', cnn, [2, 12, 12]],
    ['conv 3×3 F=3 → relu → maxpool 3 s=2 → avgpool 2 s=1 → tanh → flatten 12 → dense 5 → relu → dense 3, x=[N,1,11,11]', mixed, [1, 11, 11]],
  ] as const) {
    it(`${label}: batches of 8, 8, 5 (a last smaller batch), 8: losses and weight gradients agree (scaled error < 1e-5)`, () => {
      const [f32, f64] = twins(layers, [...inputShape]);
      const opt32 = new SGD({ lr: 0.01, momentum: 0.9 }),
        opt64 = new SGD({ lr: 0.01, momentum: 0.9 });
      const grads: Float32Array[] = [];
      [8, 8, 5, 8].forEach((N, step) => {
        const { x, y } = batch(N, [...inputShape], 10 + step);
        syncWeights(f32, f64);
        const a = f32.trainStep(x, y, opt32);
        const b = f64.trainStep(x.astype('float64'), y, opt64);
        expect(a.loss, `step ${step} loss`).toBeCloseTo(b.loss, 5);
        expect(a.accuracy, `step ${step} accuracy`).toBe(b.accuracy);
        f32.params().forEach((p, i) => {
          const q = f64.params()[i];
          // Not a vacuous comparison: the gradient is there and not all zeros.
          expect(Math.max(...Array.from(q.grad.data, Math.abs)), `step ${step} param ${i}`).toBeGreaterThan(1e-6);
          expect(scaledMaxError(p.grad, q.grad), `step ${step} param ${i} (${p.name})`).toBeLessThan(1e-5);
        });
        grads.push(Float32Array.from(f32.params()[0].grad.data));
      });
      // Different batches, different gradients: the reused buffers were really rewritten.
      expect(grads[1]).not.toEqual(grads[0]);
    });
  }

  it('Sequential.backward still returns ∂L/∂x x=[4,2,12,12], equal to the float64 one and not overwritten by the next call', () => {
    const [f32, f64] = twins(cnn, [2, 12, 12]);
    const dscores = randomNormal([4, 3], new Rng(1));
    const x1 = batch(4, [2, 12, 12], 1).x,
      x2 = batch(4, [2, 12, 12], 2).x;
    f32.forward(x1, true);
    f64.forward(x1.astype('float64'), true);
    const dx = f32.backward(dscores);
    const expected = f64.backward(dscores.astype('float64'));
    expect(dx.shape).toEqual([4, 2, 12, 12]);
    expect(scaledMaxError(dx, expected)).toBeLessThan(1e-5);
    const copy = dx.clone();
    f32.forward(x2, true);
    f32.backward(dscores);
    expect(dx.data).toEqual(copy.data);
  });

  it('Adam (ε 0.1) on float32 gives the same weights as on float64 after 3 steps (x=[6,2,12,12])', () => {
    const [f32, f64] = twins(cnn, [2, 12, 12]);
    syncWeights(f32, f64);
    // A large ε keeps each update a smooth function of the gradient: with the default 1e-8, a
    // gradient that is ~0 in both dtypes but of opposite signs would move a weight by ±lr.
    const opt32 = new Adam({ lr: 1e-3, epsilon: 0.1 }),
      opt64 = new Adam({ lr: 1e-3, epsilon: 0.1 });
    for (let step = 0; step < 3; step++) {
      const { x, y } = batch(6, [2, 12, 12], 20 + step);
      f32.trainStep(x, y, opt32);
      f64.trainStep(x.astype('float64'), y, opt64);
    }
    f32.params().forEach((p, i) => expect(scaledMaxError(p.value, f64.params()[i].value), `param ${i}`).toBeLessThan(1e-4));
    // The weights moved by more than that tolerance.
    expect(scaledMaxError(f32.params()[0].value, twins(cnn, [2, 12, 12])[0].params()[0].value)).toBeGreaterThan(1e-3);
  });
});

describe('fit on float32 (batches gathered into a reused buffer) against trainStep on batches built by hand', () => {
  it('x=[21,2,12,12], batches 8, 8, 5, two epochs, SGD momentum: identical losses and weights', () => {
    const make = () => new Sequential(cnn(), { inputShape: [2, 12, 12], seed: 3 });
    const { x, y } = batch(21, [2, 12, 12], 50);
    const fitted = make();
    const history = fitted.fit(x, y, { epochs: 2, batchSize: 8, shuffleSeed: 4, optimizer: new SGD({ lr: 0.01, momentum: 0.9 }) });
    // The same schedule by hand: fit's documented order (one Rng(shuffleSeed), a shuffle per epoch), fresh tensors.
    const manual = make();
    const optimizer = new SGD({ lr: 0.01, momentum: 0.9 });
    const rng = new Rng(4);
    const per = 2 * 12 * 12;
    for (let epoch = 0; epoch < 2; epoch++) {
      const order = rng.shuffle(Array.from({ length: 21 }, (_, i) => i));
      let lossSum = 0;
      for (let start = 0; start < 21; start += 8) {
        const rows = order.slice(start, start + 8);
        const bx = new Tensor([rows.length, 2, 12, 12]);
        rows.forEach((r, i) => bx.data.set(x.data.subarray(r * per, (r + 1) * per), i * per));
        lossSum +=
          manual.trainStep(
            bx,
            rows.map((r) => y[r]),
            optimizer,
          ).loss * rows.length;
      }
      expect(history[epoch].loss, `epoch ${epoch}`).toBe(lossSum / 21);
    }
    fitted.params().forEach((p, i) => expect(p.value.data, `param ${i}`).toEqual(manual.params()[i].value.data));
    // The weights moved: a comparison of untrained models would prove nothing.
    expect(scaledMaxError(fitted.params()[0].value, make().params()[0].value)).toBeGreaterThan(1e-3);
  });
});

describe('what a float32 model returns to its caller is never overwritten by a later call', () => {
  const model = () => new Sequential(cnn(), { inputShape: [2, 12, 12], seed: 5 });
  const x1 = batch(3, [2, 12, 12], 31).x,
    x2 = batch(3, [2, 12, 12], 32).x;

  for (const training of [false, true]) {
    it(`forward(x, ${training}) twice with x=[3,2,12,12]: the first scores are unchanged`, () => {
      const m = model();
      const first = m.forward(x1, training);
      const copy = first.clone();
      const second = m.forward(x2, training);
      expect(first.data).toEqual(copy.data);
      expect(second.data).not.toEqual(copy.data);
    });
  }

  it('predict, then a training step, then predict again: the first predictions are unchanged', () => {
    const m = model();
    const first = m.predict(x1);
    const copy = first.clone();
    m.trainStep(x2, [0, 1, 2], new SGD({ lr: 0.5 }));
    m.predict(x2);
    expect(first.data).toEqual(copy.data);
  });

  it("a layer's forward outside training (x=[3,2,12,12] → conv, relu, pool, flatten, dense) returns a new tensor each call", () => {
    const m = model();
    let h1 = x1,
      h2 = x2;
    for (const layer of m.layers) {
      const out1 = layer.forward(h1);
      const copy = out1.clone();
      const out2 = layer.forward(h2);
      expect(out1.data, layer.name).toEqual(copy.data);
      expect(out2.data, layer.name).not.toEqual(copy.data);
      [h1, h2] = [out1, out2];
    }
  });
});

describe('bad input throws a clear error, never a silent NaN', () => {
  const model = () => new Sequential(cnn(), { inputShape: [2, 12, 12], seed: 5 });
  const withNaN = () => {
    const { x, y } = batch(4, [2, 12, 12], 41);
    x.data[37] = Number.NaN;
    return { x, y };
  };

  it('NaN in x=[4,2,12,12] given to fit, forward, predict, evaluate and trainStep names the op and flat index 37', () => {
    const { x, y } = withNaN();
    const m = model();
    expect(() => m.fit(x, y, { optimizer: new SGD({ lr: 0.1 }) })).toThrow('Sequential.fit: expected finite values in x, got NaN at flat index 37');
    expect(() => m.forward(x, true)).toThrow('Sequential.forward: expected finite values in x, got NaN at flat index 37');
    expect(() => m.predict(x)).toThrow('Sequential.predict: expected finite values in x, got NaN at flat index 37');
    expect(() => m.evaluate(x, y)).toThrow('Sequential.predict: expected finite values in x, got NaN at flat index 37');
    expect(() => m.trainStep(x, y, new SGD({ lr: 0.1 }))).toThrow('Sequential.trainStep: expected finite values in x, got NaN at flat index 37');
  });

  it('Infinity made by augment (batch x=[4,2,12,12]) is caught before the step', () => {
    const { x, y } = batch(4, [2, 12, 12], 42);
    const augment = (b: Tensor) => {
      const out = b.clone();
      out.data[5] = Infinity;
      return out;
    };
    expect(() => model().fit(x, y, { optimizer: new SGD({ lr: 0.1 }), augment })).toThrow(
      'Sequential.trainStep: expected finite values in x, got Infinity at flat index 5',
    );
  });

  it('a diverged float32 model (a NaN weight, flatten → dense 3 on x=[4,1,2,2]): trainStep returns the NaN loss and keeps the weights; fit throws', () => {
    const m = new Sequential([new Flatten(), new Dense({ units: 3 })], { inputShape: [1, 2, 2], seed: 1 });
    m.params()[0].value.data[2] = Number.NaN;
    const before = Array.from(m.params()[0].value.data);
    const x = randomNormal([4, 1, 2, 2], new Rng(2));
    const step = m.trainStep(x, [0, 1, 2, 0], new SGD({ lr: 0.1 }));
    expect(step.loss).toBeNaN();
    expect(Array.from(m.params()[0].value.data)).toEqual(before);
    expect(() => m.fit(x, [0, 1, 2, 0], { optimizer: new SGD({ lr: 0.1 }) })).toThrow(
      'Sequential.fit: the loss became NaN at epoch 0, batch 0; lower the learning rate',
    );
  });

  it('labels out of range given to trainStep (scores [2,3]) name the label', () => {
    const m = new Sequential([new Flatten(), new Dense({ units: 3 })], { inputShape: [1, 2, 2], seed: 1 });
    expect(() => m.trainStep(randomNormal([2, 1, 2, 2], new Rng(3)), [0, 3], new SGD({ lr: 0.1 }))).toThrow(
      'Sequential.trainStep: expected y[1] to be an integer class in [0, 3), got 3',
    );
  });

  it("a layer of a built model used on its own in training with a wrong shape gets the functional op's error", () => {
    const m = model();
    const [conv, , pool, , , , flatten, dense] = m.layers;
    // conv was built for 2 channels; the fast path does not take x=[1,3,12,12], the functional op rejects it.
    expect(() => conv.forward(randomNormal([1, 3, 12, 12], new Rng(1)), true)).toThrow(/^conv2dForward: expected .*channels|^conv2dForward: expected/);
    expect(() => pool.forward(randomNormal([1, 4, 5, 5], new Rng(1)), true)).toThrow(/^maxPool2dForward: /);
    expect(() => dense.forward(randomNormal([2, 23], new Rng(1)), true)).toThrow(/^denseForward: expected/);
    flatten.forward(randomNormal([2, 6, 2, 2], new Rng(1)), true);
    expect(() => flatten.backward(randomNormal([2, 23], new Rng(1)))).toThrow(/^flattenBackward: expected dout of shape \[2, 24\], got \[2, 23\]/);
    // The right shapes, after a forward with a wrong one, still run the fast path.
    conv.forward(randomNormal([1, 2, 12, 12], new Rng(2)), true);
    expect(() => conv.backward(randomNormal([1, 5, 12, 12], new Rng(1)))).toThrow(/^conv2dBackward: expected dout/);
  });
});
