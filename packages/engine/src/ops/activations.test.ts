import { describe, expect, it } from 'vitest';
import { Tensor } from '../tensor.ts';
import { reluBackward, reluForward, sigmoidBackward, sigmoidForward, tanhBackward, tanhForward } from './activations.ts';
import { numericalGradient, randn, relError } from '../testing/gradcheck.ts';
import { loose } from '../testing/loose.ts';

const ACTIVATIONS = [
  ['relu', reluForward, reluBackward],
  ['sigmoid', sigmoidForward, sigmoidBackward],
  ['tanh', tanhForward, tanhBackward],
] as const;

describe('activations: known values', () => {
  it('relu x=[5]: [-2,-0.5,0,0.5,2] → [0,0,0,0.5,2]; gradient passes only where x > 0', () => {
    const x = Tensor.from([-2, -0.5, 0, 0.5, 2]);
    expect(reluForward(x).toArray()).toEqual([0, 0, 0, 0.5, 2]);
    expect(reluBackward(Tensor.from([1, 2, 3, 4, 5]), x).toArray()).toEqual([0, 0, 0, 4, 5]);
  });

  it("sigmoid x=[3]: σ(0) = 0.5, σ(1) = 1/(1 + e⁻¹), σ(-1) = 1 − σ(1); σ'(0) = 0.25", () => {
    const s = sigmoidForward(Tensor.from([0, 1, -1], 'float64')).data;
    expect(s[0]).toBe(0.5);
    expect(s[1]).toBeCloseTo(0.7310585786300049, 15);
    expect(s[2]).toBeCloseTo(1 - 0.7310585786300049, 15);
    expect(sigmoidBackward(Tensor.from([1], 'float64'), Tensor.from([0], 'float64')).data[0]).toBe(0.25);
  });

  it("tanh x=[2]: tanh(0.5) = 0.46211715726000974; tanh'(0) = 1", () => {
    expect(tanhForward(Tensor.from([0.5], 'float64')).data[0]).toBeCloseTo(0.46211715726000974, 15);
    expect(tanhBackward(Tensor.from([3], 'float64'), Tensor.from([0], 'float64')).data[0]).toBe(3);
  });

  it('no NaN or overflow at x = ±1000: σ → 0 and 1, tanh → −1 and 1, gradients → 0', () => {
    const x = Tensor.from([-1000, 1000], 'float64');
    const ones = Tensor.ones([2], 'float64');
    expect(sigmoidForward(x).toArray()).toEqual([0, 1]);
    expect(tanhForward(x).toArray()).toEqual([-1, 1]);
    expect(Array.from(sigmoidBackward(ones, x).data)).toEqual([0, 0]);
    expect(Array.from(tanhBackward(ones, x).data)).toEqual([0, 0]);
  });
});

describe.each(ACTIVATIONS)('%s', (name, forward, backward) => {
  it.each([[[4, 5]], [[2, 3, 4, 4]]])(`${name}Backward x=%j against central differences (float64, rel_error < 1e-6)`, (shape) => {
    const x = randn(shape, 7);
    const dout = randn(shape, 8);
    expect(
      relError(
        backward(dout, x),
        numericalGradient(() => forward(x), x, dout),
      ),
    ).toBeLessThan(1e-6);
  });

  it.each(['float32', 'float64'] as const)(`${name} x=[2,3] in %s keeps the dtype and leaves inputs unchanged`, (dtype) => {
    const x = randn([2, 3], 1, dtype);
    const dout = randn([2, 3], 2, dtype);
    const [xBefore, doutBefore] = [x.clone(), dout.clone()];
    expect(forward(x).dtype).toBe(dtype);
    expect(backward(dout, x).dtype).toBe(dtype);
    expect(x.data).toEqual(xBefore.data);
    expect(dout.data).toEqual(doutBefore.data);
  });

  it.each<[string, () => unknown, string]>([
    ['x not a Tensor', () => loose(forward)([1]), `${name}Forward: expected x to be a Tensor, got an array`],
    ['NaN in x', () => forward(Tensor.from([0, NaN])), `${name}Forward: expected finite values in x, got NaN at flat index 1`],
    ['dout not a Tensor', () => loose(backward)(1, Tensor.zeros([2])), `${name}Backward: expected dout to be a Tensor, got number`],
    ['dout=[3] for x=[2]', () => backward(Tensor.zeros([3]), Tensor.zeros([2])), `${name}Backward: expected dout of shape [2], got [3]`],
    [
      'dout float64, x float32',
      () => backward(Tensor.zeros([2], 'float64'), Tensor.zeros([2])),
      `${name}Backward: expected dout of dtype float32 like x, got float64`,
    ],
    ['x missing', () => loose(backward)(Tensor.zeros([2])), `${name}Backward: expected x to be a Tensor, got undefined`],
    [
      'Infinity in dout',
      () => backward(Tensor.full([2], Infinity), Tensor.zeros([2])),
      `${name}Backward: expected finite values in dout, got Infinity at flat index 0`,
    ],
  ])('rejects %s', (_case, call, message) => {
    expect(call).toThrow(message);
  });
});
