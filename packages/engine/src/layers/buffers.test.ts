import { describe, expect, it } from 'vitest';
import { Tensor } from '../tensor.ts';
import { Rng, randomNormal } from '../random.ts';
import { Sequential } from '../model/sequential.ts';
import { Buffers, isBatchOf } from './buffers.ts';
import { Conv2D } from './conv2d.ts';
import { Dense } from './dense.ts';
import { AvgPool2D, MaxPool2D } from './pool2d.ts';
import { Flatten } from './flatten.ts';
import { ReLU, Sigmoid, Tanh } from './activations.ts';
import type { Layer } from './layer.ts';

describe('Buffers: a tensor of this shape, reused if it fits', () => {
  it('the same tensor for the same role and shape [32,4,6,6]; a new one for [7,4,6,6] (a last, smaller batch) or another role', () => {
    const buffers = new Buffers();
    const a = buffers.get('out', [32, 4, 6, 6]);
    expect(a.shape).toEqual([32, 4, 6, 6]);
    expect(a.dtype).toBe('float32');
    expect(buffers.get('out', [32, 4, 6, 6])).toBe(a);
    expect(buffers.get('dx', [32, 4, 6, 6])).not.toBe(a);
    const small = buffers.get('out', [7, 4, 6, 6]);
    expect(small.shape).toEqual([7, 4, 6, 6]);
    expect(buffers.get('out', [7, 4, 6, 6])).toBe(small);
    expect(buffers.get('out', [32, 4, 6, 6])).not.toBe(a); // one kept per role: the full size is made again
  });

  it('isBatchOf takes a float32 [N ≥ 1, ...example] and nothing else', () => {
    expect(isBatchOf(Tensor.zeros([3, 2, 5]), [2, 5])).toBe(true);
    expect(isBatchOf(Tensor.zeros([3, 2, 5], 'float64'), [2, 5])).toBe(false);
    expect(isBatchOf(Tensor.zeros([3, 2, 4]), [2, 5])).toBe(false);
    expect(isBatchOf(Tensor.zeros([2, 5]), [2, 5])).toBe(false);
    expect(isBatchOf(Tensor.zeros([0, 2, 5]), [2, 5])).toBe(false);
    expect(isBatchOf([[1, 2]], [2])).toBe(false);
    expect(isBatchOf(Tensor.zeros([3, 2, 5]), undefined)).toBe(false);
  });
});

describe("backward(dout, false): the first layer's input gradient is skipped", () => {
  // Each layer inside a float32 and a float64 model, so both the fast and the reference path are covered.
  const cases: [string, () => Layer[], number[]][] = [
    ['conv 3×3 F=2 on x=[3,2,6,6]', () => [new Conv2D({ filters: 2, kernelSize: 3 }), new Flatten(), new Dense({ units: 2 })], [2, 6, 6]],
    ['dense 4 on x=[3,5]', () => [new Dense({ units: 4 })], [5]],
    ['maxpool 2 on x=[3,2,6,6]', () => [new MaxPool2D({ size: 2 }), new Flatten(), new Dense({ units: 2 })], [2, 6, 6]],
    ['avgpool 2 on x=[3,2,6,6]', () => [new AvgPool2D({ size: 2 }), new Flatten(), new Dense({ units: 2 })], [2, 6, 6]],
    ['relu on x=[3,5]', () => [new ReLU(), new Dense({ units: 2 })], [5]],
    ['tanh on x=[3,5]', () => [new Tanh(), new Dense({ units: 2 })], [5]],
    ['sigmoid on x=[3,5]', () => [new Sigmoid(), new Dense({ units: 2 })], [5]],
    ['flatten on x=[3,2,3,3]', () => [new Flatten(), new Dense({ units: 2 })], [2, 3, 3]],
  ];
  for (const [label, layers, inputShape] of cases) {
    for (const dtype of ['float32', 'float64'] as const) {
      it(`${label} (${dtype}): returns null, fills the same weight gradients as backward(dout)`, () => {
        const model = new Sequential(layers(), { inputShape, seed: 2, dtype });
        const first = model.layers[0];
        const x = randomNormal([3, ...inputShape], new Rng(1), 0, 1, dtype);
        const out = first.forward(x, true);
        const dout = randomNormal(out.shape, new Rng(2), 0, 1, dtype);
        const full = first.backward(dout).clone();
        expect(full.shape).toEqual(x.shape);
        const grads = first.params().map((p) => p.grad.clone());
        first.forward(x, true);
        expect(first.backward(dout, false)).toBeNull();
        first.params().forEach((p, i) => expect(p.grad.data).toEqual(grads[i].data));
        // true is the same as no flag.
        first.forward(x, true);
        expect(first.backward(dout, true)!.data).toEqual(full.data);
      });
    }
  }
});
