import { describe, expect, it } from 'vitest';
import { Tensor } from '../tensor.ts';
import { Rng, randomNormal } from '../random.ts';
import { scaledMaxError } from '../testing/gradcheck.ts';
import { loose } from '../testing/loose.ts';
import * as F from '../functional.ts';
import * as ok from './eligible.ts';

const rng = new Rng(5);
const x = randomNormal([2, 3, 6, 6], rng),
  w = randomNormal([4, 3, 3, 3], rng),
  b = randomNormal([4], rng);
const conv = { stride: 1, pad: 1 };

/** The message the call throws, or 'no error'. */
function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
}

describe('functional API dispatch', () => {
  it('float32 conv2d x=[2,3,6,6] w=[4,3,3,3] s=1 p=1 takes the fast path and matches the reference', () => {
    expect(ok.conv2dForwardEligible(x, w, b, conv)).toBe(true);
    expect(scaledMaxError(F.conv2dForward(x, w, b, conv), F.reference.conv2dForward(x, w, b, conv))).toBeLessThan(1e-5);
  });

  it('float64 runs the reference op exactly: conv2d x=[2,3,6,6] w=[4,3,3,3] s=1 p=1, dense, pool, relu', () => {
    const [x64, w64, b64] = [x.astype('float64'), w.astype('float64'), b.astype('float64')];
    expect(ok.conv2dForwardEligible(x64, w64, b64, conv)).toBe(false);
    const out = F.conv2dForward(x64, w64, b64, conv);
    expect(out.dtype).toBe('float64');
    expect(out.data).toEqual(F.reference.conv2dForward(x64, w64, b64, conv).data);
    const pooled = F.maxPool2dForward(x64, { size: 2, stride: 2 });
    expect(pooled.data).toEqual(F.reference.maxPool2dForward(x64, { size: 2, stride: 2 }).data);
    const d = F.denseForward(x64.reshape([2, 108]), randomNormal([108, 5], rng, 0, 1, 'float64'), Tensor.zeros([5], 'float64'));
    expect(d.dtype).toBe('float64');
    expect(F.reluForward(x64).dtype).toBe('float64');
  });

  // Each invalid float32 call must fall through to the reference op and throw ITS message.
  const invalid: [string, () => unknown, () => unknown][] = [
    [
      'NaN in x',
      () => {
        const bad = x.clone();
        bad.data[3] = Number.NaN;
        return F.conv2dForward(bad, w, b, conv);
      },
      () => {
        const bad = x.clone();
        bad.data[3] = Number.NaN;
        return F.reference.conv2dForward(bad, w, b, conv);
      },
    ],
    [
      'channel mismatch w=[4,2,3,3]',
      () => F.conv2dForward(x, randomNormal([4, 2, 3, 3], rng), b, conv),
      () => F.reference.conv2dForward(x, randomNormal([4, 2, 3, 3], rng), b, conv),
    ],
    [
      'non-integer output size s=2 p=0 on 6×6 with 3×3',
      () => F.conv2dForward(x, w, b, { stride: 2, pad: 0 }),
      () => F.reference.conv2dForward(x, w, b, { stride: 2, pad: 0 }),
    ],
    ['stride 1.5', () => F.conv2dForward(x, w, b, { stride: 1.5, pad: 1 }), () => F.reference.conv2dForward(x, w, b, { stride: 1.5, pad: 1 })],
    ['bias of length 3', () => F.conv2dForward(x, w, Tensor.zeros([3]), conv), () => F.reference.conv2dForward(x, w, Tensor.zeros([3]), conv)],
    ['mixed dtypes', () => F.conv2dForward(x, w.astype('float64'), b, conv), () => F.reference.conv2dForward(x, w.astype('float64'), b, conv)],
    ['dout of the wrong shape', () => F.conv2dBackward(x, x, w, conv), () => F.reference.conv2dBackward(x, x, w, conv)],
    ['params missing', () => loose(F.conv2dForward)(x, w, b), () => loose(F.reference.conv2dForward)(x, w, b)],
    ['pool size 4 on 6×6 with stride 4', () => F.maxPool2dForward(x, { size: 4, stride: 4 }), () => F.reference.maxPool2dForward(x, { size: 4, stride: 4 })],
    [
      'NaN in pool x (2×2/2 checks inside its kernel)',
      () => {
        const bad = x.clone();
        bad.data[70] = Number.NaN;
        return F.maxPool2dForward(bad, { size: 2, stride: 2 });
      },
      () => {
        const bad = x.clone();
        bad.data[70] = Number.NaN;
        return F.reference.maxPool2dForward(bad, { size: 2, stride: 2 });
      },
    ],
    [
      'Infinity in pool x with 3×3/3 windows',
      () => {
        const bad = x.clone();
        bad.data[5] = Infinity;
        return F.maxPool2dForward(bad, { size: 3, stride: 3 });
      },
      () => {
        const bad = x.clone();
        bad.data[5] = Infinity;
        return F.reference.maxPool2dForward(bad, { size: 3, stride: 3 });
      },
    ],
    [
      'NaN in pool dout',
      () => F.maxPool2dBackward(Tensor.full([2, 3, 3, 3], Number.NaN), x, { size: 2, stride: 2 }),
      () => F.reference.maxPool2dBackward(Tensor.full([2, 3, 3, 3], Number.NaN), x, { size: 2, stride: 2 }),
    ],
    [
      'NaN in relu dout',
      () => F.reluBackward(Tensor.from([1, Number.NaN]), Tensor.from([1, 2])),
      () => F.reference.reluBackward(Tensor.from([1, Number.NaN]), Tensor.from([1, 2])),
    ],
    ['pool dout wrong shape', () => F.maxPool2dBackward(x, x, { size: 2, stride: 2 }), () => F.reference.maxPool2dBackward(x, x, { size: 2, stride: 2 })],
    [
      'dense x of rank 4',
      () => F.denseForward(x, Tensor.zeros([108, 2]), Tensor.zeros([2])),
      () => F.reference.denseForward(x, Tensor.zeros([108, 2]), Tensor.zeros([2])),
    ],
    [
      'dense w rows ≠ D',
      () => F.denseForward(Tensor.zeros([2, 3]), Tensor.zeros([4, 2]), Tensor.zeros([2])),
      () => F.reference.denseForward(Tensor.zeros([2, 3]), Tensor.zeros([4, 2]), Tensor.zeros([2])),
    ],
    [
      'dense dout wrong shape',
      () => F.denseBackward(Tensor.zeros([2, 3]), Tensor.zeros([2, 3]), Tensor.zeros([3, 2])),
      () => F.reference.denseBackward(Tensor.zeros([2, 3]), Tensor.zeros([2, 3]), Tensor.zeros([3, 2])),
    ],
    ['relu Infinity', () => F.reluForward(Tensor.from([1, Infinity])), () => F.reference.reluForward(Tensor.from([1, Infinity]))],
    ['relu dout shape', () => F.reluBackward(Tensor.zeros([3]), Tensor.zeros([2])), () => F.reference.reluBackward(Tensor.zeros([3]), Tensor.zeros([2]))],
    ['relu of an array', () => loose(F.reluForward)([1, 2]), () => loose(F.reference.reluForward)([1, 2])],
  ];
  for (const [name, call, referenceCall] of invalid) {
    it(`invalid float32 call (${name}) throws the reference op's error`, () => {
      const expected = messageOf(referenceCall);
      expect(expected).not.toBe('no error');
      expect(messageOf(call)).toBe(expected);
    });
  }
});
