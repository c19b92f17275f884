import { describe, expect, it } from 'vitest';
import { Tensor } from '../tensor.ts';
import { conv2dBackward, conv2dForward } from './conv2d.ts';
import type { ConvParams } from './params.ts';
import { loose } from '../testing/loose.ts';

// Valid defaults: x=[1,2,5,5] w=[3,2,3,3] b=[3] s=1 p=1 → [1,3,5,5].
const x = Tensor.zeros([1, 2, 5, 5]);
const w = Tensor.zeros([3, 2, 3, 3]);
const b = Tensor.zeros([3]);
const same: ConvParams = { stride: 1, pad: 1 };
const dout = Tensor.zeros([1, 3, 5, 5]);

describe('conv2dForward rejects bad arguments with op, argument, expected and got', () => {
  it.each<[string, unknown[], string]>([
    ['x not a Tensor', [[[1]], w, b, same], 'conv2dForward: expected x to be a Tensor, got an array'],
    ['x=[2,5,5] rank 3', [Tensor.zeros([2, 5, 5]), w, b, same], 'conv2dForward: expected x of rank 4 [N, C, H, W], got rank 3 [2, 5, 5]'],
    ['w=[2,3,3] rank 3', [x, Tensor.zeros([2, 3, 3]), b, same], 'conv2dForward: expected w of rank 4 [F, C, HH, WW], got rank 3 [2, 3, 3]'],
    ['w missing', [x, undefined, b, same], 'conv2dForward: expected w to be a Tensor, got undefined'],
    ['w float64 with x float32', [x, Tensor.zeros([3, 2, 3, 3], 'float64'), b, same], 'conv2dForward: expected w of dtype float32 like x, got float64'],
    ['x=[0,2,5,5] empty batch', [Tensor.zeros([0, 2, 5, 5]), w, b, same], 'conv2dForward: expected x with every dimension ≥ 1 [N, C, H, W], got [0, 2, 5, 5]'],
    ['w=[0,2,3,3] no filters', [x, Tensor.zeros([0, 2, 3, 3]), b, same], 'conv2dForward: expected w with every dimension ≥ 1 [F, C, HH, WW], got [0, 2, 3, 3]'],
    [
      'channels x C=2, w C=3',
      [x, Tensor.zeros([3, 3, 3, 3]), b, same],
      'conv2dForward: expected w with C = 2 channels like x [1, 2, 5, 5], got C = 3 in w [3, 3, 3, 3]',
    ],
    ['params missing', [x, w, b, undefined], 'conv2dForward: expected params to be an object { stride, pad }, got undefined'],
    ['stride 0', [x, w, b, { stride: 0, pad: 1 }], 'conv2dForward: expected stride to be an integer ≥ 1, got 0'],
    ['stride 1.5', [x, w, b, { stride: 1.5, pad: 1 }], 'conv2dForward: expected stride to be an integer ≥ 1, got 1.5'],
    ['stride missing', [x, w, b, { pad: 1 }], 'conv2dForward: expected stride to be an integer ≥ 1, got undefined'],
    ['pad -1', [x, w, b, { stride: 1, pad: -1 }], 'conv2dForward: expected pad to be an integer ≥ 0, got -1'],
    ['pad "1" (a string)', [x, w, b, { stride: 1, pad: '1' }], 'conv2dForward: expected pad to be an integer ≥ 0, got the string "1"'],
    [
      'x=[1,2,10,10] w=[3,2,3,3] s=2 p=0: height 4.5',
      [Tensor.zeros([1, 2, 10, 10]), w, b, { stride: 2, pad: 0 }],
      'conv2dForward: (H - HH + 2*pad) / stride + 1 = (10 - 3 + 0) / 2 + 1 = 4.5 is not an integer; choose a stride that divides 7',
    ],
    [
      'x=[1,2,9,10] w=[3,2,3,3] s=2 p=0: width 4.5',
      [Tensor.zeros([1, 2, 9, 10]), w, b, { stride: 2, pad: 0 }],
      'conv2dForward: (W - WW + 2*pad) / stride + 1 = (10 - 3 + 0) / 2 + 1 = 4.5 is not an integer; choose a stride that divides 7',
    ],
    [
      'x=[1,2,2,2] w=[3,2,5,5] p=0: filter larger than input',
      [Tensor.zeros([1, 2, 2, 2]), Tensor.zeros([3, 2, 5, 5]), b, { stride: 1, pad: 0 }],
      'conv2dForward: expected HH ≤ H + 2*pad = 2 + 0 = 2 (the window must fit inside the padded input), got HH = 5',
    ],
    ['b=[3,1] rank 2', [x, w, Tensor.zeros([3, 1]), same], 'conv2dForward: expected b of rank 1 [F], got rank 2 [3, 1]'],
    ['b length 2 for F=3', [x, w, Tensor.zeros([2]), same], 'conv2dForward: expected b of length F = 3 (one bias per filter of w [3, 2, 3, 3]), got length 2'],
    ['b float64', [x, w, Tensor.zeros([3], 'float64'), same], 'conv2dForward: expected b of dtype float32 like x, got float64'],
    [
      'NaN in x',
      [
        new Tensor(
          [1, 2, 5, 5],
          Array.from({ length: 50 }, (_, i) => (i === 7 ? NaN : 0)),
        ),
        w,
        b,
        same,
      ],
      'conv2dForward: expected finite values in x, got NaN at flat index 7',
    ],
    ['Infinity in w', [x, Tensor.full([3, 2, 3, 3], Infinity), b, same], 'conv2dForward: expected finite values in w, got Infinity at flat index 0'],
    ['NaN in b', [x, w, Tensor.full([3], NaN), same], 'conv2dForward: expected finite values in b, got NaN at flat index 0'],
  ])('%s', (_name, args, message) => {
    expect(() => loose(conv2dForward)(...args)).toThrow(message);
  });
});

describe('conv2dBackward rejects bad arguments', () => {
  it.each<[string, unknown[], string]>([
    ['dout not a Tensor', [null, x, w, same], 'conv2dBackward: expected dout to be a Tensor, got null'],
    ['dout=[3,5,5] rank 3', [Tensor.zeros([3, 5, 5]), x, w, same], "conv2dBackward: expected dout of rank 4 [N, F, H', W'], got rank 3 [3, 5, 5]"],
    ['dout=[1,3,3,3] not the output shape', [Tensor.zeros([1, 3, 3, 3]), x, w, same], 'conv2dBackward: expected dout of shape [1, 3, 5, 5], got [1, 3, 3, 3]'],
    ['dout float64', [Tensor.zeros([1, 3, 5, 5], 'float64'), x, w, same], 'conv2dBackward: expected dout of dtype float32 like x, got float64'],
    ['NaN in dout', [Tensor.full([1, 3, 5, 5], NaN), x, w, same], 'conv2dBackward: expected finite values in dout, got NaN at flat index 0'],
    [
      'channels x C=2, w C=1',
      [dout, x, Tensor.zeros([3, 1, 3, 3]), same],
      'conv2dBackward: expected w with C = 2 channels like x [1, 2, 5, 5], got C = 1 in w [3, 1, 3, 3]',
    ],
    [
      'stride 2 on H=5, HH=3, p=0 is fine but p=1 gives (5-3+2)/2+1 = 3, dout [1,3,5,5] wrong',
      [dout, x, w, { stride: 2, pad: 1 }],
      'conv2dBackward: expected dout of shape [1, 3, 3, 3], got [1, 3, 5, 5]',
    ],
    ['pad 0.5', [dout, x, w, { stride: 1, pad: 0.5 }], 'conv2dBackward: expected pad to be an integer ≥ 0, got 0.5'],
  ])('%s', (_name, args, message) => {
    expect(() => loose(conv2dBackward)(...args)).toThrow(message);
  });
});
