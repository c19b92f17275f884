import { expect, it } from 'vitest';
import { Tensor } from '@convkit/engine';
import { step } from '../steps.ts';
import { NotImplemented } from '../not-implemented.ts';
import { conv2dForward } from './conv-forward.ts';

const f64 = (v: number[][][][]): Tensor => Tensor.from(v, 'float64');
// biome-ignore format: a tensor literal, kept on one line
const X = [[0, 1, 2], [3, 4, 5], [6, 7, 8]];
// biome-ignore format: a tensor literal, kept on one line
const K = [[0, 1], [2, 3]];
const noBias = (F: number): Tensor => Tensor.zeros([F], 'float64');

step('1. one filter on one channel', () => {
  it('x=[1,1,3,3] w=[1,1,2,2] s=1 p=0 gives [[19,25],[37,43]]', () => {
    const out = conv2dForward(f64([[X]]), f64([[K]]), noBias(1), { stride: 1, pad: 0 });
    expect(out.shape).toEqual([1, 1, 2, 2]);
    // biome-ignore format: a tensor literal, kept on one line
    expect(out.toArray()).toEqual([[[[19, 25], [37, 43]]]]);
  });
  it('adds the bias: b=[0.5] gives [[19.5,25.5],[37.5,43.5]]', () => {
    const out = conv2dForward(f64([[X]]), f64([[K]]), Tensor.from([0.5], 'float64'), { stride: 1, pad: 0 });
    // biome-ignore format: a tensor literal, kept on one line
    expect(out.toArray()).toEqual([[[[19.5, 25.5], [37.5, 43.5]]]]);
  });
});

step('2. depth: a filter spans every channel', () => {
  it('x=[1,2,3,3] w=[1,2,2,2]: the two channels add up to [[56,72],[104,120]]', () => {
    const plus1 = (m: number[][]) => m.map((r) => r.map((v) => v + 1));
    const out = conv2dForward(f64([[X, plus1(X)]]), f64([[K, plus1(K)]]), noBias(1), { stride: 1, pad: 0 });
    // biome-ignore format: a tensor literal, kept on one line
    expect(out.toArray()).toEqual([[[[56, 72], [104, 120]]]]);
  });
});

step('3. T filters give T activation maps', () => {
  it('w=[2,1,2,2]: the second filter (all ones) sums each window', () => {
    // biome-ignore format: a tensor literal, kept on one line
    const out = conv2dForward(f64([[X]]), f64([[K], [[[1, 1], [1, 1]]]]), noBias(2), { stride: 1, pad: 0 });
    expect(out.shape).toEqual([1, 2, 2, 2]);
    // biome-ignore format: a tensor literal, kept on one line
    expect(out.toArray()).toEqual([[[[19, 25], [37, 43]], [[8, 12], [20, 24]]]]);
  });
});

step('4. stride', () => {
  it('x=[1,1,5,5] w=[1,1,3,3] s=2 p=0: the window jumps two columns and two rows', () => {
    // biome-ignore format: a tensor literal, kept on one line
    const x = f64([[[[1, 0, 2, 0, 3], [0, 0, 0, 0, 0], [4, 0, 5, 0, 6], [0, 0, 0, 0, 0], [7, 0, 8, 0, 9]]]]);
    // biome-ignore format: a tensor literal, kept on one line
    const out = conv2dForward(x, f64([[[[1, 0, 0], [0, 0, 0], [0, 0, 0]]]]), noBias(1), { stride: 2, pad: 0 });
    // biome-ignore format: a tensor literal, kept on one line
    expect(out.toArray()).toEqual([[[[1, 2], [4, 5]]]]); // the top-left corner of each window
  });
});

step('5. padding', () => {
  it('x=[1,1,3,3] w=[1,1,3,3] of ones, p=1: each output counts its real (non-padding) neighbours', () => {
    const out = conv2dForward(Tensor.ones([1, 1, 3, 3], 'float64'), Tensor.ones([1, 1, 3, 3], 'float64'), noBias(1), { stride: 1, pad: 1 });
    // biome-ignore format: a tensor literal, kept on one line
    expect(out.toArray()).toEqual([[[[4, 6, 4], [6, 9, 6], [4, 6, 4]]]]);
  });
});

step('6. the CS231n test vector', () => {
  it('x=[2,3,4,4] w=[3,3,4,4] s=2 p=1 matches the published output to 1e-7', () => {
    const linspace = (a: number, b: number, shape: number[]) => {
      const n = shape.reduce((p, d) => p * d, 1);
      return new Tensor(
        shape,
        Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1)),
        'float64',
      );
    };
    const out = conv2dForward(linspace(-0.1, 0.5, [2, 3, 4, 4]), linspace(-0.2, 0.3, [3, 3, 4, 4]), linspace(-0.1, 0.2, [3]), { stride: 2, pad: 1 });
    const published = [
      -0.08759809, -0.10987781, -0.18387192, -0.2109216, 0.21027089, 0.21661097, 0.22847626, 0.23004637, 0.50813986, 0.54309974, 0.64082444, 0.67101435,
      -0.98053589, -1.03143541, -1.19128892, -1.24695841, 0.69108355, 0.66880383, 0.59480972, 0.56776003, 2.36270298, 2.36904306, 2.38090835, 2.38247847,
    ];
    expect(out.shape).toEqual([2, 3, 2, 2]);
    published.forEach((v, i) => expect(Math.abs(out.data[i] - v) / Math.max(1e-8, Math.abs(out.data[i]) + Math.abs(v))).toBeLessThan(1e-7));
  });
});

step('7. a geometry that does not fit throws, as outputSize does', () => {
  /** `run` must throw an Error of your own (the stub's NotImplemented does not count). */
  const expectOwnError = (run: () => unknown): void => {
    expect(run).toThrow(Error);
    expect(run).not.toThrow(NotImplemented);
  };
  it("x=[1,1,5,5] w=[1,1,2,2] s=2 p=0 throws: H' = (5 − 2 + 0)/2 + 1 = 2.5 is not a whole number of windows", () => {
    expectOwnError(() => conv2dForward(Tensor.ones([1, 1, 5, 5], 'float64'), Tensor.ones([1, 1, 2, 2], 'float64'), noBias(1), { stride: 2, pad: 0 }));
  });
  it('x=[1,1,2,2] w=[1,1,3,3] s=1 p=0 throws: the filter is larger than the input', () => {
    expectOwnError(() => conv2dForward(Tensor.ones([1, 1, 2, 2], 'float64'), Tensor.ones([1, 1, 3, 3], 'float64'), noBias(1), { stride: 1, pad: 0 }));
  });
});
