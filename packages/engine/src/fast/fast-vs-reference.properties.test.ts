/**
 * Property tests (fast-check) of the fast path against the readable reference ops of ops/: for any
 * arguments, valid or not, that the fast path takes (its eligibility predicate says yes and its
 * kernel returns a result), the reference op accepts them too (does not throw) and the fast result
 * equals the reference one within float32 tolerance. Arguments are drawn around the edges the
 * kernels care about: windows that fit or miss the input by one, strides 1–3, padding up to and
 * past the filter size, non-integer and missing parameters, mismatched shapes, float64 tensors,
 * tied maxima and non-finite values. Each op runs with both GEMM backends (wasm-simd and typescript).
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Tensor } from '../tensor.ts';
import { Rng } from '../random.ts';
import { reference } from './dispatch.ts';
import * as ok from './eligible.ts';
import { fastConv2dBackward, fastConv2dForward } from './conv2d.ts';
import { fastMaxPool2dBackward, fastMaxPool2dForward } from './pool2d.ts';
import { fastDenseBackward, fastDenseForward } from './dense.ts';
import { fastReluBackward, fastReluForward } from './activations.ts';
import { kernelSet, setGemmBackend } from './gemm.ts';

/**
 * Runs per property and backend: all twelve take ~1.5 s on a 2-core machine. About a fifth to a half
 * of the draws are valid float32 calls that reach a fast kernel (at least a tenth is required).
 */
const RUNS = 120;

type Fill = 'normal' | 'ties' | 'non-finite';
/** How a tensor's values are drawn: normal floats, small integers (many tied maxima), or normal with a NaN/±Infinity. */
const fill = fc.constantFrom<Fill>('normal', 'normal', 'normal', 'ties', 'ties', 'non-finite');

function tensor(shape: number[], how: Fill, seed: number, dtype: 'float32' | 'float64' = 'float32'): Tensor {
  const rng = new Rng(seed);
  const t = Tensor.zeros(shape, dtype);
  for (let i = 0; i < t.size; i++) t.data[i] = how === 'ties' ? Math.floor(rng.uniform() * 4) - 1 : rng.normal(0, 1);
  if (how === 'non-finite') t.data[Math.floor(rng.uniform() * t.size)] = [NaN, Infinity, -Infinity][seed % 3];
  return t;
}

/**
 * A side that holds a whole number of windows (`out` of them, or more when padding past the filter
 * needs a longer side), then off by `miss` (−1, 0, +1): sometimes no longer valid.
 */
function side(out: number, filter: number, stride: number, pad: number, miss: number): number {
  let n = (out - 1) * stride + filter - 2 * pad;
  while (n < 1) n += stride;
  return Math.max(1, n + miss);
}
/** Windows along a side of n when a whole number ≥ 1, else `fallback` (a dout for an invalid x is invalid anyway). */
const windows = (n: number, filter: number, stride: number, pad: number, fallback: number): number => {
  const travel = n + 2 * pad - filter;
  return travel >= 0 && travel % stride === 0 ? travel / stride + 1 : fallback;
};

/** Mostly exact, sometimes one too few or too many (then usually invalid). */
const miss = fc.constantFrom(0, 0, 0, 0, 0, 0, -1, 1);
/** Mostly float32 (the fast path's dtype), sometimes float64 (never fast). */
const dtype = fc.constantFrom<'float32' | 'float64'>('float32', 'float32', 'float32', 'float32', 'float32', 'float64');

/** Parameters as a caller might pass them: mostly whole numbers in range, sometimes nonsense. */
const odd = fc.constantFrom<unknown>(0, -1, 1.5, NaN, '2', undefined);
const maybeOdd = (valid: fc.Arbitrary<number>): fc.Arbitrary<unknown> => fc.oneof({ weight: 9, arbitrary: valid }, { weight: 1, arbitrary: odd });

/** |fast − reference| ≤ 1e-4 · max(1, max |reference|) everywhere, shapes equal: float32 accumulation error, nothing more. */
function expectClose(fast: Tensor, ref: Tensor, what: string): void {
  expect(fast.shape, `${what}: shape`).toEqual(ref.shape);
  let scale = 1;
  for (const v of ref.data) scale = Math.max(scale, Math.abs(v));
  for (let i = 0; i < ref.size; i++) {
    if (!(Math.abs(fast.data[i] - ref.data[i]) <= 1e-4 * scale)) {
      expect.fail(`${what}: element ${i} is ${fast.data[i]}, the reference ${ref.data[i]} (tolerance ${1e-4 * scale})`);
    }
  }
}

/** Counts the draws that reach a fast kernel, so that a generator that rarely does fails instead of passing vacuously. */
function counter(): { eligible: number; total: number } {
  return { eligible: 0, total: 0 };
}

const convCase = fc.record({
  N: fc.integer({ min: 1, max: 2 }),
  C: fc.integer({ min: 1, max: 3 }),
  F: fc.integer({ min: 1, max: 4 }),
  HH: fc.integer({ min: 1, max: 5 }),
  WW: fc.integer({ min: 1, max: 5 }),
  outH: fc.integer({ min: 1, max: 4 }),
  outW: fc.integer({ min: 1, max: 4 }),
  stride: fc.integer({ min: 1, max: 3 }),
  pad: fc.integer({ min: 0, max: 3 }),
  missH: miss,
  missW: miss,
  strideArg: maybeOdd(fc.integer({ min: 1, max: 3 })),
  useStrideArg: fc.boolean(),
  dtype: dtype,
  wrongBias: fc.constantFrom(false, false, false, false, true),
  how: fill,
  seed: fc.nat(),
});

function convArgs(c: ReturnType<typeof convCase.generate>['value']) {
  const H = side(c.outH, c.HH, c.stride, c.pad, c.missH),
    W = side(c.outW, c.WW, c.stride, c.pad, c.missW);
  const x = tensor([c.N, c.C, H, W], c.how, c.seed, c.dtype);
  const w = tensor([c.F, c.C, c.HH, c.WW], c.how === 'non-finite' ? 'normal' : c.how, c.seed + 1);
  const b = tensor([c.wrongBias ? c.F + 1 : c.F], 'normal', c.seed + 2);
  const params = { stride: c.useStrideArg ? c.strideArg : c.stride, pad: c.pad } as { stride: number; pad: number };
  return { x, w, b, params, H, W };
}

describe.each(['auto', 'typescript'] as const)(
  'every argument the fast path takes, the reference op takes, with the same result (gemm backend %s)',
  (choice) => {
    afterAll(() => setGemmBackend('auto'));
    const use = (): void => {
      setGemmBackend(choice);
      expect(kernelSet().name).toBe(choice === 'auto' ? 'wasm-simd' : 'ts');
    };

    it('conv2dForward: x=[1–2, 1–3, H, W] w=[1–4, C, 1–5, 1–5], stride 1–3, pad 0–3', () => {
      use();
      const n = counter();
      fc.assert(
        fc.property(convCase, (c) => {
          const { x, w, b, params } = convArgs(c);
          n.total++;
          if (!ok.conv2dForwardEligible(x, w, b, params)) return;
          n.eligible++;
          const fast = fastConv2dForward(x, w, b, params);
          let ref: Tensor | undefined;
          expect(() => (ref = reference.conv2dForward(x, w, b, params))).not.toThrow();
          expectClose(fast, ref!, `conv2dForward x=[${x.shape}] w=[${w.shape}] stride ${params.stride} pad ${params.pad}`);
        }),
        { numRuns: RUNS },
      );
      expect(n.eligible).toBeGreaterThanOrEqual(n.total / 10);
    });

    it('conv2dBackward: dout shaped like the output (or off by one), dx, dw and db', () => {
      use();
      const n = counter();
      fc.assert(
        fc.property(convCase, fc.constantFrom(0, 0, 0, 0, 0, 1), (c, doutMiss) => {
          const { x, w, params, H, W } = convArgs({ ...c, dtype: 'float32' });
          const outH = windows(H, c.HH, c.stride, c.pad, c.outH),
            outW = windows(W, c.WW, c.stride, c.pad, c.outW);
          const dout = tensor([c.N, c.F, outH + doutMiss, outW], c.how === 'non-finite' ? 'normal' : c.how, c.seed + 3, c.dtype);
          n.total++;
          if (!ok.conv2dBackwardEligible(dout, x, w, params)) return;
          n.eligible++;
          const fast = fastConv2dBackward(dout, x, w, params);
          let ref: ReturnType<typeof reference.conv2dBackward> | undefined;
          expect(() => (ref = reference.conv2dBackward(dout, x, w, params))).not.toThrow();
          const what = `conv2dBackward dout=[${dout.shape}] x=[${x.shape}] w=[${w.shape}] stride ${params.stride} pad ${params.pad}`;
          expectClose(fast.dx, ref!.dx, `${what}: dx`);
          expectClose(fast.dw, ref!.dw, `${what}: dw`);
          expectClose(fast.db, ref!.db, `${what}: db`);
        }),
        { numRuns: RUNS },
      );
      expect(n.eligible).toBeGreaterThanOrEqual(n.total / 10);
    });

    const poolCase = fc.record({
      N: fc.integer({ min: 1, max: 2 }),
      C: fc.integer({ min: 1, max: 3 }),
      outH: fc.integer({ min: 1, max: 5 }),
      outW: fc.integer({ min: 1, max: 5 }),
      size: fc.integer({ min: 1, max: 3 }),
      stride: fc.integer({ min: 1, max: 3 }),
      twoByTwo: fc.boolean(),
      missH: miss,
      missW: miss,
      sizeArg: maybeOdd(fc.integer({ min: 1, max: 3 })),
      useSizeArg: fc.boolean(),
      dtype: dtype,
      how: fill,
      seed: fc.nat(),
    });

    function poolArgs(c: ReturnType<typeof poolCase.generate>['value']) {
      // Half the draws are 2×2 windows with stride 2, the case with its own WebAssembly kernels.
      const size = c.twoByTwo ? 2 : c.size,
        stride = c.twoByTwo ? 2 : c.stride;
      const H = side(c.outH, size, stride, 0, c.missH),
        W = side(c.outW, size, stride, 0, c.missW);
      const x = tensor([c.N, c.C, H, W], c.how, c.seed, c.dtype);
      const params = { size: c.useSizeArg ? c.sizeArg : size, stride } as { size: number; stride: number };
      return { x, params, outH: windows(H, size, stride, 0, c.outH), outW: windows(W, size, stride, 0, c.outW) };
    }

    it('maxPool2dForward: x=[1–2, 1–3, H, W], size and stride 1–3 (half of them 2×2/2), tied maxima, non-finite values', () => {
      use();
      const n = counter();
      fc.assert(
        fc.property(poolCase, (c) => {
          const { x, params } = poolArgs(c);
          n.total++;
          const fast = ok.maxPool2dForwardEligible(x, params) ? fastMaxPool2dForward(x, params) : null;
          if (fast === null) return;
          n.eligible++;
          let ref: Tensor | undefined;
          expect(() => (ref = reference.maxPool2dForward(x, params))).not.toThrow();
          expectClose(fast, ref!, `maxPool2dForward x=[${x.shape}] size ${params.size} stride ${params.stride}`);
        }),
        { numRuns: RUNS },
      );
      expect(n.eligible).toBeGreaterThanOrEqual(n.total / 10);
    });

    it('maxPool2dBackward: the gradient to the first maximum of each window, ties included', () => {
      use();
      const n = counter();
      fc.assert(
        fc.property(poolCase, fc.constantFrom(0, 0, 0, 0, 0, 1), (c, doutMiss) => {
          const { x, params, outH, outW } = poolArgs(c);
          const dout = tensor([c.N, c.C, outH + doutMiss, outW], 'normal', c.seed + 1);
          n.total++;
          const fast = ok.maxPool2dBackwardEligible(dout, x, params) ? fastMaxPool2dBackward(dout, x, params) : null;
          if (fast === null) return;
          n.eligible++;
          let ref: Tensor | undefined;
          expect(() => (ref = reference.maxPool2dBackward(dout, x, params))).not.toThrow();
          expectClose(fast, ref!, `maxPool2dBackward dout=[${dout.shape}] x=[${x.shape}] size ${params.size} stride ${params.stride}`);
        }),
        { numRuns: RUNS },
      );
      expect(n.eligible).toBeGreaterThanOrEqual(n.total / 10);
    });

    const denseCase = fc.record({
      N: fc.integer({ min: 1, max: 5 }),
      D: fc.integer({ min: 1, max: 20 }),
      M: fc.integer({ min: 1, max: 12 }),
      missD: fc.constantFrom(0, 0, 0, 0, 1),
      missB: fc.constantFrom(0, 0, 0, 0, 1),
      missDout: fc.constantFrom(0, 0, 0, 0, 1),
      dtype: dtype,
      how: fill,
      seed: fc.nat(),
    });

    it('denseForward and denseBackward: x=[1–5, 1–20] w=[D, 1–12], shapes sometimes off by one', () => {
      use();
      const n = counter();
      fc.assert(
        fc.property(denseCase, (c) => {
          const x = tensor([c.N, c.D], c.how, c.seed, c.dtype);
          const w = tensor([c.D + c.missD, c.M], 'normal', c.seed + 1);
          const b = tensor([c.M + c.missB], 'normal', c.seed + 2);
          const dout = tensor([c.N, c.M + c.missDout], 'normal', c.seed + 3);
          n.total++;
          if (ok.denseForwardEligible(x, w, b)) {
            n.eligible++;
            let ref: Tensor | undefined;
            expect(() => (ref = reference.denseForward(x, w, b))).not.toThrow();
            expectClose(fastDenseForward(x, w, b), ref!, `denseForward x=[${x.shape}] w=[${w.shape}]`);
          }
          if (ok.denseBackwardEligible(dout, x, w)) {
            let ref: ReturnType<typeof reference.denseBackward> | undefined;
            expect(() => (ref = reference.denseBackward(dout, x, w))).not.toThrow();
            const fast = fastDenseBackward(dout, x, w);
            for (const k of ['dx', 'dw', 'db'] as const) expectClose(fast[k], ref![k], `denseBackward dout=[${dout.shape}] x=[${x.shape}]: ${k}`);
          }
        }),
        { numRuns: RUNS },
      );
      expect(n.eligible).toBeGreaterThanOrEqual(n.total / 10);
    });

    it('reluForward and reluBackward: any shape of 1–4 dims, ±0 and ties, non-finite values', () => {
      use();
      const n = counter();
      fc.assert(
        fc.property(
          fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 4 }),
          fc.constantFrom(0, 0, 0, 0, 0, 1),
          fill,
          fc.nat(),
          (shape, miss, how, seed) => {
            const x = tensor(shape, how, seed);
            if (how === 'ties') x.data[0] = -0;
            const dout = tensor([...shape.slice(0, -1), shape[shape.length - 1] + miss], 'normal', seed + 1);
            n.total++;
            const forward = ok.reluForwardEligible(x) ? fastReluForward(x) : null;
            if (forward !== null) {
              n.eligible++;
              let ref: Tensor | undefined;
              expect(() => (ref = reference.reluForward(x))).not.toThrow();
              expectClose(forward, ref!, `reluForward x=[${x.shape}]`);
            }
            const backward = ok.reluBackwardEligible(dout, x) ? fastReluBackward(dout, x) : null;
            if (backward !== null) {
              let ref: Tensor | undefined;
              expect(() => (ref = reference.reluBackward(dout, x))).not.toThrow();
              expectClose(backward, ref!, `reluBackward x=[${x.shape}]`);
            }
          },
        ),
        { numRuns: RUNS },
      );
      expect(n.eligible).toBeGreaterThanOrEqual(n.total / 10);
    });
  },
);
