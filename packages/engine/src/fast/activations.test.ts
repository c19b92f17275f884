import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { Tensor } from '../tensor.ts';
import { Rng, randomNormal } from '../random.ts';
import { reluBackward, reluForward } from '../ops/activations.ts';
import { fastReluBackward, fastReluForward } from './activations.ts';
import { setGemmBackend } from './gemm.ts';

describe.each(['auto', 'typescript'] as const)('fast ReLU against the reference op (kernels: %s)', (choice) => {
  beforeEach(() => setGemmBackend(choice));
  afterAll(() => setGemmBackend('auto'));

  it('forward and backward on x=[2,3,4,5] with exact zeros', () => {
    const rng = new Rng(11);
    const x = randomNormal([2, 3, 4, 5], rng);
    x.data[0] = 0;
    x.data[7] = -0;
    const dout = randomNormal(x.shape, rng);
    // -0 and 0 are the same gradient: compare values (the reference computes dout·0 = -0 for dout < 0).
    const values = (t: Tensor): number[] => Array.from(t.data, (v) => v + 0);
    expect(values(fastReluForward(x)!)).toEqual(values(reluForward(x)));
    expect(values(fastReluBackward(dout, x)!)).toEqual(values(reluBackward(dout, x)));
  });

  it('hand-worked: relu([-1, 0, 2]) = [0, 0, 2]; gradient [5, 6, 7] → [0, 0, 7]', () => {
    const x = Tensor.from([-1, 0, 2]);
    expect(fastReluForward(x)!.toArray()).toEqual([0, 0, 2]);
    expect(fastReluBackward(Tensor.from([5, 6, 7]), x)!.toArray()).toEqual([0, 0, 7]);
  });

  it('returns null (so the reference op reports it) on NaN or ±Infinity in x or dout: x=[3]', () => {
    expect(fastReluForward(Tensor.from([1, Number.NaN, 2]))).toBeNull();
    expect(fastReluForward(Tensor.from([1, -Infinity, 2]))).toBeNull();
    expect(fastReluBackward(Tensor.from([1, 1, Infinity]), Tensor.from([1, 2, 3]))).toBeNull();
    expect(fastReluBackward(Tensor.from([1, 1, 1]), Tensor.from([1, Number.NaN, 3]))).toBeNull();
  });

  it('writes into given buffers (filled with garbage first) the same values as fresh ones: x=[2,3,5,5], random signs, ±0', () => {
    const rng = new Rng(12);
    const x = randomNormal([2, 3, 5, 5], rng);
    x.data[3] = -0;
    x.data[4] = 0;
    const dout = randomNormal(x.shape, rng);
    const out = Tensor.full(x.shape, 7),
      dx = Tensor.full(x.shape, 7);
    expect(fastReluForward(x, out)).toBe(out);
    expect(Array.from(out.data)).toEqual(Array.from(reluForward(x).data, (v) => v + 0));
    expect(Object.is(out.data[3], 0)).toBe(true); // relu(−0) is +0
    expect(fastReluBackward(dout, x, dx)).toBe(dx);
    const expected = Array.from(reluBackward(dout, x).data, (v) => v + 0);
    expect(Array.from(dx.data, (v) => v + 0)).toEqual(expected);
    // The forward OUTPUT in place of x gives the same gradient (relu(x) > 0 ⇔ x > 0).
    expect(Array.from(fastReluBackward(dout, out)!.data, (v) => v + 0)).toEqual(expected);
  });
});
