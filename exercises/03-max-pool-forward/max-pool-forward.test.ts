import { expect, it } from 'vitest';
import { Tensor } from '@convkit/engine';
import { step } from '../steps.ts';
import { NotImplemented } from '../not-implemented.ts';
import { maxPool2dForward } from './max-pool-forward.ts';

const f64 = (v: number[][][][]): Tensor => Tensor.from(v, 'float64');

step('1. one window', () => {
  it('x=[1,1,2,2] size=2 s=2 gives its maximum, 9', () => {
    // biome-ignore format: a tensor literal, kept on one line
    const out = maxPool2dForward(f64([[[[3, 9], [-1, 4]]]]), { size: 2, stride: 2 });
    expect(out.shape).toEqual([1, 1, 1, 1]);
    expect(out.toArray()).toEqual([[[[9]]]]);
  });
});

step('2. sliding windows', () => {
  it('x=[1,1,4,4] size=2 s=2: four windows, maxima in different corners', () => {
    // biome-ignore format: a tensor literal, kept on one line
    const out = maxPool2dForward(f64([[[[9, 1, 2, 3], [4, 5, 6, 0], [1, 2, 0, 0], [3, 0, 0, 7]]]]), { size: 2, stride: 2 });
    // biome-ignore format: a tensor literal, kept on one line
    expect(out.toArray()).toEqual([[[[9, 6], [3, 7]]]]);
  });
  it('x=[1,1,3,3] size=2 s=1: overlapping windows give [[4,5],[7,8]]', () => {
    // biome-ignore format: a tensor literal, kept on one line
    const out = maxPool2dForward(f64([[[[0, 1, 2], [3, 4, 5], [6, 7, 8]]]]), { size: 2, stride: 1 });
    // biome-ignore format: a tensor literal, kept on one line
    expect(out.toArray()).toEqual([[[[4, 5], [7, 8]]]]);
  });
});

step('3. every channel on its own, negative values too', () => {
  it('x=[1,2,2,4] size=2 s=2', () => {
    // biome-ignore format: a tensor literal, kept on one line
    const out = maxPool2dForward(f64([[[[-5, -3, -8, -9], [-4, -6, -7, -10]], [[-1, -2, -3, -4], [-5, -6, -7, -8]]]]), { size: 2, stride: 2 });
    expect(out.toArray()).toEqual([[[[-3, -7]], [[-1, -3]]]]);
  });
});

step('4. the CS231n test vector', () => {
  it('x=[2,3,4,4] size=2 s=2 matches the published output to 1e-7', () => {
    const n = 96;
    const x = new Tensor(
      [2, 3, 4, 4],
      Array.from({ length: n }, (_, i) => -0.3 + (0.7 * i) / (n - 1)),
      'float64',
    );
    const out = maxPool2dForward(x, { size: 2, stride: 2 });
    const published = [
      -0.26315789, -0.24842105, -0.20421053, -0.18947368, -0.14526316, -0.13052632, -0.08631579, -0.07157895, -0.02736842, -0.01263158, 0.03157895, 0.04631579,
      0.09052632, 0.10526316, 0.14947368, 0.16421053, 0.20842105, 0.22315789, 0.26736842, 0.28210526, 0.32631579, 0.34105263, 0.38526316, 0.4,
    ];
    expect(out.shape).toEqual([2, 3, 2, 2]);
    published.forEach((v, i) => expect(Math.abs(out.data[i] - v) / Math.max(1e-8, Math.abs(out.data[i]) + Math.abs(v))).toBeLessThan(1e-7));
  });
});

step('5. windows that do not tile the input throw, as outputSize does', () => {
  /** `run` must throw an Error of your own (the stub's NotImplemented does not count). */
  const expectOwnError = (run: () => unknown): void => {
    expect(run).toThrow(Error);
    expect(run).not.toThrow(NotImplemented);
  };
  it("x=[1,1,5,5] size=2 s=2 throws: H' = (5 − 2)/2 + 1 = 2.5 is not a whole number of windows", () => {
    expectOwnError(() => maxPool2dForward(Tensor.ones([1, 1, 5, 5], 'float64'), { size: 2, stride: 2 }));
  });
  it('x=[1,1,2,2] size=3 s=1 throws: the window is larger than the input', () => {
    expectOwnError(() => maxPool2dForward(Tensor.ones([1, 1, 2, 2], 'float64'), { size: 3, stride: 1 }));
  });
});
