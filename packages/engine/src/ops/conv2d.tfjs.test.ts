/**
 * Oracle suite: conv2dForward / conv2dBackward against TensorFlow.js (CPU
 * backend) on seeded random shapes, in float32. Error is measured as
 * max |ours − theirs| / max |theirs| and must stay below 1e-4.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../random.ts';
import { conv2dBackward, conv2dForward } from './conv2d.ts';
import { randn, scaledMaxError } from '../testing/gradcheck.ts';
import { tfConv2d, tfForwardBackward, useCpuBackend } from '../testing/tfjs.ts';

interface Case {
  x: number[];
  w: number[];
  stride: number;
  pad: number;
}

/** Random valid shapes: pick the output size first, then the input size that gives it exactly. */
function randomCases(seed: number, count: number): Case[] {
  const rng = new Rng(seed);
  const between = (low: number, high: number): number => low + rng.int(high - low + 1);
  const cases: Case[] = [];
  while (cases.length < count) {
    const [N, C, F] = [between(1, 3), between(1, 4), between(1, 4)];
    const [filterHeight, filterWidth] = [between(1, 5), between(1, 5)];
    const [stride, pad] = [between(1, 3), between(0, 2)];
    const H = (between(1, 5) - 1) * stride + filterHeight - 2 * pad;
    const W = (between(1, 5) - 1) * stride + filterWidth - 2 * pad;
    if (H >= 1 && W >= 1) cases.push({ x: [N, C, H, W], w: [F, C, filterHeight, filterWidth], stride, pad });
  }
  return cases;
}

const CASES: Case[] = [
  { x: [2, 3, 4, 4], w: [3, 3, 4, 4], stride: 2, pad: 1 },
  { x: [1, 1, 28, 28], w: [6, 1, 5, 5], stride: 1, pad: 2 },
  { x: [2, 3, 7, 9], w: [4, 3, 3, 5], stride: 2, pad: 0 },
  ...randomCases(2026, 9),
];

beforeAll(useCpuBackend);

describe('conv2d vs TensorFlow.js (float32, scaled error < 1e-4)', () => {
  for (const [k, c] of CASES.entries()) {
    it(`x=[${c.x}] w=[${c.w}] s=${c.stride} p=${c.pad}`, () => {
      const params = { stride: c.stride, pad: c.pad };
      const x = randn(c.x, 100 + k, 'float32');
      const w = randn(c.w, 200 + k, 'float32');
      const b = randn([c.w[0]], 300 + k, 'float32');
      const out = conv2dForward(x, w, b, params);
      const dout = randn(out.shape, 400 + k, 'float32');
      const { dx, dw, db } = conv2dBackward(dout, x, w, params);

      const oracle = tfForwardBackward((tx, tw, tb) => tfConv2d(tx, tw, tb, c.stride, c.pad), [x, w, b], dout);
      expect(out.shape).toEqual(oracle.out.shape);
      expect(scaledMaxError(out, oracle.out)).toBeLessThan(1e-4);
      expect(scaledMaxError(dx, oracle.grads[0])).toBeLessThan(1e-4);
      expect(scaledMaxError(dw, oracle.grads[1])).toBeLessThan(1e-4);
      expect(scaledMaxError(db, oracle.grads[2])).toBeLessThan(1e-4);
    });
  }
});
