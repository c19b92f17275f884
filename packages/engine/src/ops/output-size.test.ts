import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { outputSize, windowCount, windowPositions } from './output-size.ts';

describe('outputSize(n, f, stride, pad)', () => {
  it('CS231n notes: n=227 f=11 stride=4 pad=0 gives 55 (AlexNet conv1)', () => {
    expect(outputSize(227, 11, 4, 0)).toBe(55);
  });

  it('CS231n notes: n=7 f=3 stride=1 gives 5, stride=2 gives 3', () => {
    expect(outputSize(7, 3, 1, 0)).toBe(5);
    expect(outputSize(7, 3, 2, 0)).toBe(3);
  });

  it('"same" padding: n=32 f=5 stride=1 pad=2 keeps 32; n=5 f=3 stride=2 pad=1 gives 3', () => {
    expect(outputSize(32, 5, 1, 2)).toBe(32);
    expect(outputSize(5, 3, 2, 1)).toBe(3);
  });

  it('a window as large as the padded input gives one position: n=4 f=6 stride=3 pad=1 → 1', () => {
    expect(outputSize(4, 6, 3, 1)).toBe(1);
  });

  it('n=10 f=3 stride=2 pad=0: (10 - 3)/2 + 1 = 4.5 is invalid and the message shows the arithmetic', () => {
    expect(() => outputSize(10, 3, 2, 0)).toThrow(
      'outputSize: (n - f + 2*pad) / stride + 1 = (10 - 3 + 0) / 2 + 1 = 4.5 is not an integer; choose a stride that divides 7',
    );
  });

  it('padding can make a stride fit: n=10 f=3 stride=3 pad=1 → (10 - 3 + 2)/3 + 1 = 4', () => {
    expect(outputSize(10, 3, 3, 1)).toBe(4);
  });

  it('n=8 f=3 stride=3 pad=0 → (5)/3 + 1 = 2.6667… is rejected, never floored to 2', () => {
    expect(() => outputSize(8, 3, 3, 0)).toThrow('(8 - 3 + 0) / 3 + 1 = 2.6667… is not an integer; choose a stride that divides 5');
  });

  it('rejects a filter larger than the padded input: n=5 f=8 pad=1', () => {
    expect(() => outputSize(5, 8, 1, 1)).toThrow('outputSize: expected f ≤ n + 2*pad = 5 + 2 = 7 (the window must fit inside the padded input), got f = 8');
  });

  it.each([
    [[5, 3, 0, 0], 'outputSize: expected stride to be an integer ≥ 1, got 0'],
    [[5, 3, -1, 0], 'outputSize: expected stride to be an integer ≥ 1, got -1'],
    [[5, 3, 1.5, 0], 'outputSize: expected stride to be an integer ≥ 1, got 1.5'],
    [[5, 3, 1, -1], 'outputSize: expected pad to be an integer ≥ 0, got -1'],
    [[5, 3, 1, 0.5], 'outputSize: expected pad to be an integer ≥ 0, got 0.5'],
    [[5.5, 3, 1, 0], 'outputSize: expected n to be an integer ≥ 1, got 5.5'],
    [[0, 1, 1, 0], 'outputSize: expected n to be an integer ≥ 1, got 0'],
    [[5, 0, 1, 0], 'outputSize: expected f to be an integer ≥ 1, got 0'],
    [[5, NaN, 1, 0], 'outputSize: expected f to be an integer ≥ 1, got NaN'],
    [[Infinity, 3, 1, 0], 'outputSize: expected n to be an integer ≥ 1, got Infinity'],
  ])('rejects outputSize(%j)', (args, message) => {
    const [n, f, stride, pad] = args;
    expect(() => outputSize(n, f, stride, pad)).toThrow(message);
  });

  it('ops name their own symbols: conv2dForward with H, HH and pooling without pad', () => {
    expect(() => windowPositions({ op: 'conv2dForward', n: 'H', f: 'HH', withPad: true }, 10, 3, 2, 0)).toThrow(
      'conv2dForward: (H - HH + 2*pad) / stride + 1 = (10 - 3 + 0) / 2 + 1 = 4.5 is not an integer; choose a stride that divides 7',
    );
    expect(() => windowPositions({ op: 'maxPool2dForward', n: 'W', f: 'size', withPad: false }, 5, 2, 2, 0)).toThrow(
      'maxPool2dForward: (W - size) / stride + 1 = (5 - 2) / 2 + 1 = 2.5 is not an integer; choose a stride that divides 3',
    );
    expect(() => windowPositions({ op: 'maxPool2dForward', n: 'H', f: 'size', withPad: false }, 2, 3, 1, 0)).toThrow(
      'maxPool2dForward: expected size ≤ H = 2 (the window must fit inside the input), got size = 3',
    );
  });

  it("property: counting window positions one by one agrees with the formula, or the formula throws (windowCount, the fast path's non-throwing form: null)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 4 }),
        (n, f, stride, pad) => {
          // Slide the window over the padded input [0, n + 2*pad) and count where it fits.
          let positions = 0;
          let lastEnd = 0;
          for (let start = 0; start + f <= n + 2 * pad; start += stride) {
            positions++;
            lastEnd = start + f;
          }
          const fitsExactly = positions > 0 && lastEnd === n + 2 * pad;
          if (fitsExactly) expect(outputSize(n, f, stride, pad)).toBe(positions);
          else expect(() => outputSize(n, f, stride, pad)).toThrow(/outputSize: /);
          expect(windowCount(n, f, stride, pad)).toBe(fitsExactly ? positions : null);
        },
      ),
      { numRuns: 300 },
    );
  });
});
