/**
 * Oracle suite: max and average pooling, forward and backward, against
 * TensorFlow.js (CPU backend) on seeded random shapes, in float32. Error is
 * max |ours − theirs| / max |theirs| and must stay below 1e-4.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../random.ts';
import { avgPool2dBackward, avgPool2dForward, maxPool2dBackward, maxPool2dForward } from './pool2d.ts';
import { randn, scaledMaxError } from '../testing/gradcheck.ts';
import { tfForwardBackward, tfPool2d, useCpuBackend } from '../testing/tfjs.ts';

type Case = [shape: number[], size: number, stride: number];

function randomCases(seed: number, count: number): Case[] {
  const rng = new Rng(seed);
  const between = (low: number, high: number): number => low + rng.int(high - low + 1);
  return Array.from({ length: count }, (): Case => {
    const [size, stride] = [between(1, 4), between(1, 3)];
    const H = (between(1, 5) - 1) * stride + size;
    const W = (between(1, 5) - 1) * stride + size;
    return [[between(1, 3), between(1, 4), H, W], size, stride];
  });
}

// biome-ignore format: a tensor literal, kept on one line
const CASES: Case[] = [
  [[2, 3, 4, 4], 2, 2],
  [[2, 3, 7, 7], 3, 2],
  [[1, 6, 28, 28], 2, 2],
  [[3, 2, 5, 9], 3, 1],
  ...randomCases(7, 8),
];

const OPS = {
  max: { forward: maxPool2dForward, backward: maxPool2dBackward },
  avg: { forward: avgPool2dForward, backward: avgPool2dBackward },
} as const;

beforeAll(useCpuBackend);

describe.each(['max', 'avg'] as const)('%sPool2d vs TensorFlow.js (float32, scaled error < 1e-4)', (kind) => {
  for (const [k, [shape, size, stride]] of CASES.entries()) {
    it(`x=[${shape}] size=${size} s=${stride}`, () => {
      const params = { size, stride };
      const x = randn(shape, 500 + k, 'float32');
      const out = OPS[kind].forward(x, params);
      const dout = randn(out.shape, 600 + k, 'float32');
      const dx = OPS[kind].backward(dout, x, params);

      const oracle = tfForwardBackward((tx) => tfPool2d(kind, tx, size, stride), [x], dout);
      expect(out.shape).toEqual(oracle.out.shape);
      expect(scaledMaxError(out, oracle.out)).toBeLessThan(1e-4);
      expect(scaledMaxError(dx, oracle.grads[0])).toBeLessThan(1e-4);
    });
  }
});
