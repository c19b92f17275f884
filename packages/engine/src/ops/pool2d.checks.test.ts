import { describe, expect, it } from 'vitest';
import { Tensor } from '../tensor.ts';
import { avgPool2dBackward, avgPool2dForward, maxPool2dBackward, maxPool2dForward } from './pool2d.ts';
import { loose } from '../testing/loose.ts';

// Valid defaults: x=[1,2,4,4], size 2, stride 2 → [1,2,2,2].
const x = Tensor.zeros([1, 2, 4, 4]);
const params = { size: 2, stride: 2 };
const dout = Tensor.zeros([1, 2, 2, 2]);

describe.each([
  ['maxPool2dForward', maxPool2dForward],
  ['avgPool2dForward', avgPool2dForward],
] as const)('%s rejects bad arguments', (op, forward) => {
  it.each<[string, unknown[], string]>([
    ['x a number', [3, params], `${op}: expected x to be a Tensor, got number`],
    ['x=[2,4,4] rank 3', [Tensor.zeros([2, 4, 4]), params], `${op}: expected x of rank 4 [N, C, H, W], got rank 3 [2, 4, 4]`],
    ['x=[1,0,4,4] no channels', [Tensor.zeros([1, 0, 4, 4]), params], `${op}: expected x with every dimension ≥ 1 [N, C, H, W], got [1, 0, 4, 4]`],
    ['params null', [x, null], `${op}: expected params to be an object { size, stride }, got null`],
    ['size 0', [x, { size: 0, stride: 2 }], `${op}: expected size to be an integer ≥ 1, got 0`],
    ['stride -2', [x, { size: 2, stride: -2 }], `${op}: expected stride to be an integer ≥ 1, got -2`],
    ['stride 1.5', [x, { size: 2, stride: 1.5 }], `${op}: expected stride to be an integer ≥ 1, got 1.5`],
    [
      'x=[1,2,5,4] size=2 s=2: height 2.5',
      [Tensor.zeros([1, 2, 5, 4]), params],
      `${op}: (H - size) / stride + 1 = (5 - 2) / 2 + 1 = 2.5 is not an integer; choose a stride that divides 3`,
    ],
    [
      'x=[1,2,4,7] size=3 s=3: height (4 - 3)/3 + 1 = 1.3333…',
      [Tensor.zeros([1, 2, 4, 7]), { size: 3, stride: 3 }],
      `${op}: (H - size) / stride + 1 = (4 - 3) / 3 + 1 = 1.3333… is not an integer; choose a stride that divides 1`,
    ],
    [
      'x=[1,2,6,4] size=2 s=4: height (6 - 2)/4 + 1 = 2 but width (4 - 2)/4 + 1 = 1.5',
      [Tensor.zeros([1, 2, 6, 4]), { size: 2, stride: 4 }],
      `${op}: (W - size) / stride + 1 = (4 - 2) / 4 + 1 = 1.5 is not an integer; choose a stride that divides 2`,
    ],
    [
      'x=[1,2,4,4] size=5: window larger than input',
      [x, { size: 5, stride: 1 }],
      `${op}: expected size ≤ H = 4 (the window must fit inside the input), got size = 5`,
    ],
    ['NaN in x', [Tensor.full([1, 2, 4, 4], NaN), params], `${op}: expected finite values in x, got NaN at flat index 0`],
  ])('%s', (_name, args, message) => {
    expect(() => loose(forward)(...args)).toThrow(message);
  });
});

describe.each([
  ['maxPool2dBackward', maxPool2dBackward],
  ['avgPool2dBackward', avgPool2dBackward],
] as const)('%s rejects bad arguments', (op, backward) => {
  it.each<[string, unknown[], string]>([
    ['dout an array', [[0], x, params], `${op}: expected dout to be a Tensor, got an array`],
    ['dout=[2,2,2] rank 3', [Tensor.zeros([2, 2, 2]), x, params], `${op}: expected dout of rank 4 [N, C, H', W'], got rank 3 [2, 2, 2]`],
    ['dout=[1,2,3,3] not the output shape', [Tensor.zeros([1, 2, 3, 3]), x, params], `${op}: expected dout of shape [1, 2, 2, 2], got [1, 2, 3, 3]`],
    ['dout float64', [Tensor.zeros([1, 2, 2, 2], 'float64'), x, params], `${op}: expected dout of dtype float32 like x, got float64`],
    ['Infinity in dout', [Tensor.full([1, 2, 2, 2], -Infinity), x, params], `${op}: expected finite values in dout, got -Infinity at flat index 0`],
    ['x missing', [dout, undefined, params], `${op}: expected x to be a Tensor, got undefined`],
    ['size 3 on H=4 s=2', [dout, x, { size: 3, stride: 2 }], `${op}: (H - size) / stride + 1 = (4 - 3) / 2 + 1 = 1.5 is not an integer`],
  ])('%s', (_name, args, message) => {
    expect(() => loose(backward)(...args)).toThrow(message);
  });
});
