import { describe, expect, it } from 'vitest';
import { Tensor } from '../tensor.ts';
import { denseBackward, denseForward } from './dense.ts';
import { numericalGradient, randn, relError } from '../testing/gradcheck.ts';
import { loose } from '../testing/loose.ts';

describe('denseForward: hand-worked', () => {
  it('x=[2,2] w=[2,3] b=[3] → x·w + b', () => {
    // biome-ignore format: a tensor literal, kept on one line
    const x = Tensor.from([[1, 2], [3, 4]]);
    // biome-ignore format: a tensor literal, kept on one line
    const w = Tensor.from([[1, 0, -1], [2, 1, 0]]);
    const b = Tensor.from([0.5, 0, 1]);
    // Row 1: [1 + 4, 0 + 2, -1 + 0] + b; row 2: [3 + 8, 0 + 4, -3 + 0] + b.
    // biome-ignore format: a tensor literal, kept on one line
    expect(denseForward(x, w, b).toArray()).toEqual([[5.5, 2, 0], [11.5, 4, -2]]);
  });

  it('backward by hand: x=[1,2] w=[2,1] dout=[[1]] → dx = wᵀ, dw = xᵀ, db = 1', () => {
    const { dx, dw, db } = denseBackward(Tensor.from([[1]]), Tensor.from([[3, -2]]), Tensor.from([[5], [7]]));
    expect(dx.toArray()).toEqual([[5, 7]]);
    expect(dw.toArray()).toEqual([[3], [-2]]);
    expect(db.toArray()).toEqual([1]);
  });
});

describe('denseBackward against central differences (float64, rel_error < 1e-6)', () => {
  it.each([
    { N: 4, D: 5, M: 3 },
    { N: 1, D: 7, M: 1 },
    { N: 3, D: 2, M: 6 },
  ])('x=[$N,$D] w=[$D,$M] b=[$M]', ({ N, D, M }) => {
    const seed = N * 100 + D * 10 + M;
    const x = randn([N, D], seed);
    const w = randn([D, M], seed + 1);
    const b = randn([M], seed + 2);
    const dout = randn([N, M], seed + 3);
    const { dx, dw, db } = denseBackward(dout, x, w);
    const forward = (): Tensor => denseForward(x, w, b);
    expect(relError(dx, numericalGradient(forward, x, dout))).toBeLessThan(1e-6);
    expect(relError(dw, numericalGradient(forward, w, dout))).toBeLessThan(1e-6);
    expect(relError(db, numericalGradient(forward, b, dout))).toBeLessThan(1e-6);
  });
});

describe('dense dtypes and purity', () => {
  it.each(['float32', 'float64'] as const)('x=[3,4] w=[4,2] in %s: outputs keep the dtype, inputs unchanged', (dtype) => {
    const [x, w, b, dout] = [randn([3, 4], 1, dtype), randn([4, 2], 2, dtype), randn([2], 3, dtype), randn([3, 2], 4, dtype)];
    const before = [x, w, b, dout].map((t) => t.clone());
    const out = denseForward(x, w, b);
    const grads = denseBackward(dout, x, w);
    for (const t of [out, grads.dx, grads.dw, grads.db]) expect(t.dtype).toBe(dtype);
    [x, w, b, dout].forEach((t, i) => expect(t.data).toEqual(before[i].data));
  });
});

describe('dense rejects bad arguments', () => {
  const [x, w, b] = [Tensor.zeros([2, 3]), Tensor.zeros([3, 4]), Tensor.zeros([4])];
  it.each<[string, () => unknown, string]>([
    ['x not a Tensor', () => loose(denseForward)({}, w, b), 'denseForward: expected x to be a Tensor, got object'],
    [
      'x=[2,1,3] rank 3',
      () => denseForward(Tensor.zeros([2, 1, 3]), w, b),
      'denseForward: expected x of rank 2 [N, D], got rank 3 [2, 1, 3] (flatten it first)',
    ],
    ['w=[12] rank 1', () => denseForward(x, Tensor.zeros([12]), b), 'denseForward: expected w of rank 2 [D, M], got rank 1 [12]'],
    [
      'w=[4,4] for D=3',
      () => denseForward(x, Tensor.zeros([4, 4]), b),
      'denseForward: expected w with D = 3 rows like the columns of x [2, 3], got D = 4 in w [4, 4]',
    ],
    ['w float64', () => denseForward(x, Tensor.zeros([3, 4], 'float64'), b), 'denseForward: expected w of dtype float32 like x, got float64'],
    ['x=[0,3] empty batch', () => denseForward(Tensor.zeros([0, 3]), w, b), 'denseForward: expected x with every dimension ≥ 1 [N, D], got [0, 3]'],
    ['b=[1,4] rank 2', () => denseForward(x, w, Tensor.zeros([1, 4])), 'denseForward: expected b of rank 1 [M], got rank 2 [1, 4]'],
    [
      'b length 3 for M=4',
      () => denseForward(x, w, Tensor.zeros([3])),
      'denseForward: expected b of length M = 4 (one bias per column of w [3, 4]), got length 3',
    ],
    ['b float64', () => denseForward(x, w, Tensor.zeros([4], 'float64')), 'denseForward: expected b of dtype float32 like x, got float64'],
    ['NaN in w', () => denseForward(x, Tensor.full([3, 4], NaN), b), 'denseForward: expected finite values in w, got NaN at flat index 0'],
    ['dout=[2,3] not [N,M]', () => denseBackward(Tensor.zeros([2, 3]), x, w), 'denseBackward: expected dout of shape [2, 4], got [2, 3]'],
    ['dout rank 1', () => denseBackward(Tensor.zeros([8]), x, w), 'denseBackward: expected dout of rank 2 [N, M], got rank 1 [8]'],
    ['dout float64', () => denseBackward(Tensor.zeros([2, 4], 'float64'), x, w), 'denseBackward: expected dout of dtype float32 like x, got float64'],
    ['NaN in dout', () => denseBackward(Tensor.full([2, 4], NaN), x, w), 'denseBackward: expected finite values in dout, got NaN at flat index 0'],
  ])('%s', (_name, call, message) => {
    expect(call).toThrow(message);
  });
});
