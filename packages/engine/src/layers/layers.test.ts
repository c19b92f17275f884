import { describe, expect, it } from 'vitest';
import { softmaxCrossEntropy } from '../functional.ts';
import { numericalGradient, randn, relError } from '../testing/gradcheck.ts';
import { Sequential } from '../model/sequential.ts';
import type { Layer } from './layer.ts';
import { Conv2D } from './conv2d.ts';
import { Dense } from './dense.ts';
import { AvgPool2D, MaxPool2D } from './pool2d.ts';
import { Flatten } from './flatten.ts';
import { ReLU, Sigmoid, Tanh } from './activations.ts';
import { Rng } from '../random.ts';

/**
 * Back-propagation through a whole float64 model against central differences of
 * the loss L = softmaxCrossEntropy(model(x), y): every weight and the input.
 */
function gradcheck(layers: Layer[], inputShape: number[], N: number, seed: number): void {
  const model = new Sequential(layers, { inputShape, seed, dtype: 'float64' });
  const x = randn([N, ...inputShape], seed + 1);
  const y = Array.from({ length: N }, (_, i) => (i * 7 + seed) % model.classes);
  const loss = () => softmaxCrossEntropy(model.forward(x, true), y).loss;
  const { dscores } = softmaxCrossEntropy(model.forward(x, true), y);
  const dx = model.backward(dscores);
  const analytic = model.params().map((p) => p.grad.clone());
  model.params().forEach((p, i) => {
    // A vacuous check (all-zero gradients on both sides, e.g. dead ReLUs) would pass; rule it out.
    expect(Math.max(...analytic[i].data.map(Math.abs)), p.name).toBeGreaterThan(1e-4);
    expect(relError(analytic[i], numericalGradient(loss, p.value)), p.name).toBeLessThan(1e-6);
  });
  expect(relError(dx, numericalGradient(loss, x))).toBeLessThan(1e-6);
}

describe('layers backward vs numerical gradients through a whole Sequential (float64, rel error < 1e-6)', () => {
  it('x=[2,2,7,6] conv 3×2 F=3 s=1 p=1 → relu → maxpool 3 s=2 (overlapping) → flatten 27 → dense 4 → softmax CE', { timeout: 60_000 }, () => {
    gradcheck(
      [new Conv2D({ filters: 3, kernelSize: [3, 2], pad: 1 }), new ReLU(), new MaxPool2D({ size: 3, stride: 2 }), new Flatten(), new Dense({ units: 4 })],
      [2, 7, 6],
      2,
      11,
    );
  });

  it('x=[3,1,9,9] conv 3×3 F=2 s=2 p=1 → tanh → avgpool 2 s=1 → flatten 32 → dense 5 (xavier) → sigmoid → dense 3', { timeout: 60_000 }, () => {
    gradcheck(
      [
        new Conv2D({ filters: 2, kernelSize: 3, stride: 2, pad: 1, init: 'xavier' }),
        new Tanh(),
        new AvgPool2D({ size: 2, stride: 1 }),
        new Flatten(),
        new Dense({ units: 5, init: 'xavier' }),
        new Sigmoid(),
        new Dense({ units: 3, init: 'xavier' }),
      ],
      [1, 9, 9],
      3,
      5,
    );
  });
});

describe('layer construction and initialisation', () => {
  it('He init of conv w=[8,1,5,5] has std ≈ sqrt(2/25) and zero bias; Xavier dense w=[256,10] stays within ±sqrt(6/266)', () => {
    const conv = new Conv2D({ filters: 8, kernelSize: 5 });
    conv.build([1, 28, 28], new Rng(3), 'float32');
    const [w, b] = conv.params();
    expect(w.value.shape).toEqual([8, 1, 5, 5]);
    const d = Array.from(w.value.data);
    const std = Math.sqrt(d.reduce((s, v) => s + v * v, 0) / d.length);
    expect(std).toBeGreaterThan(Math.sqrt(2 / 25) * 0.8);
    expect(std).toBeLessThan(Math.sqrt(2 / 25) * 1.2);
    expect(Array.from(b.value.data)).toEqual(new Array(8).fill(0));

    const dense = new Dense({ units: 10, init: 'xavier' });
    dense.build([256], new Rng(3), 'float32');
    const limit = Math.sqrt(6 / 266);
    expect(dense.params()[0].value.data.every((v) => Math.abs(v) <= limit)).toBe(true);
  });

  it('the same seed gives the same weights, another seed different ones', () => {
    const make = (seed: number) => new Sequential([new Flatten(), new Dense({ units: 3 })], { inputShape: [1, 2, 2], seed });
    expect(Array.from(make(1).params()[0].value.data)).toEqual(Array.from(make(1).params()[0].value.data));
    expect(Array.from(make(1).params()[0].value.data)).not.toEqual(Array.from(make(2).params()[0].value.data));
  });

  it('rejects bad options with the option named', () => {
    expect(() => new Conv2D({ filters: 0, kernelSize: 3 })).toThrow('Conv2D: expected filters to be an integer ≥ 1, got 0');
    expect(() => new Conv2D({ filters: 2, kernelSize: 3, pad: -1 })).toThrow('Conv2D: expected pad to be an integer ≥ 0, got -1');
    expect(() => new Conv2D({ filters: 2, kernelSize: 3, init: 'zeros' as 'he' })).toThrow(`Conv2D: expected init to be 'he' or 'xavier', got "zeros"`);
    expect(() => new MaxPool2D({ size: 2, stride: 0 })).toThrow('MaxPool2D: expected stride to be an integer ≥ 1, got 0');
    expect(() => new Dense({ units: 2.5 })).toThrow('Dense: expected units to be an integer ≥ 1, got 2.5');
  });

  it('backward before forward, or forward before build, throws', () => {
    expect(() => new ReLU().backward(randn([1, 2], 0))).toThrow('ReLU.backward: expected forward to be called first, got no cached input');
    expect(() => new Dense({ units: 2 }).forward(randn([1, 2], 0))).toThrow('Dense: expected the layer to be built');
  });
});
