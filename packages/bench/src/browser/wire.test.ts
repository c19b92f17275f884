import { describe, expect, it } from 'vitest';
import { Tensor } from '@convkit/engine';
import type { MnistData } from '../data.ts';
import { decodeMnist, encodeMnist } from './wire.ts';

/** 3 training and 2 test images of 784 pixels, every pixel different, so a shifted or swapped block shows. */
function sample(): MnistData {
  const images = (n: number, offset: number) =>
    new Tensor(
      [n, 1, 28, 28],
      Float32Array.from({ length: n * 784 }, (_, i) => (offset + i) / 4096),
    );
  return {
    train: { x: images(3, 0), y: Int32Array.from([7, 0, 9]) },
    test: { x: images(2, 5000), y: Int32Array.from([3, 1]) },
    order: [2, 0, 1],
  };
}

describe('MNIST split over the wire (Node → Chromium page)', () => {
  it('train x=[3,1,28,28] test x=[2,1,28,28]: decode(encode(d)) gives the same pixels, labels and order', () => {
    const d = sample();
    const back = decodeMnist(encodeMnist(d));
    expect(back.train.x.shape).toEqual([3, 1, 28, 28]);
    expect(back.test.x.shape).toEqual([2, 1, 28, 28]);
    expect(Array.from(back.train.x.data)).toEqual(Array.from(d.train.x.data));
    expect(Array.from(back.test.x.data)).toEqual(Array.from(d.test.x.data));
    expect(back.test.x.get(1, 0, 27, 27)).toBe(Math.fround((5000 + 2 * 784 - 1) / 4096));
    expect(Array.from(back.train.y)).toEqual([7, 0, 9]);
    expect(Array.from(back.test.y)).toEqual([3, 1]);
    expect(back.order).toEqual([2, 0, 1]);
  });

  it('train x=[3,1,28,28]: a buffer cut short, or not from encodeMnist, is rejected naming what was expected', () => {
    const bytes = encodeMnist(sample());
    expect(() => decodeMnist(bytes.slice(0, bytes.byteLength - 4))).toThrow(
      /^decodeMnist: expected an encodeMnist buffer .*, got magic \d+, 784 pixels, \d+ bytes$/,
    );
    const foreign = new Float32Array(bytes.byteLength / 4).fill(0.5).buffer;
    expect(() => decodeMnist(foreign)).toThrow(/^decodeMnist: expected .*, got magic 1056964608, 1056964608 pixels, \d+ bytes$/);
    expect(() => decodeMnist(new ArrayBuffer(8))).toThrow(/^decodeMnist: expected an encodeMnist buffer of at least 16 bytes, got 8 bytes$/);
  });

  it('train x=[3,1,28,28] with an order of 2: encodeMnist refuses the mismatch', () => {
    const d = { ...sample(), order: [0, 1] };
    expect(() => encodeMnist(d)).toThrow(/^encodeMnist: expected 3\+2 images of 784 pixels and an order of 3, got x sizes 2352\+1568 and an order of 2$/);
  });
});
