import { describe, expect, it } from 'vitest';
import * as engine from './index.ts';
import {
  conv2dBackward,
  conv2dForward,
  denseBackward,
  denseForward,
  flattenBackward,
  flattenForward,
  maxPool2dBackward,
  maxPool2dForward,
  reluBackward,
  reluForward,
  softmaxCrossEntropy,
} from './functional.ts';
import { numericalGradient, randn, relError } from './testing/gradcheck.ts';

describe('the functional API contract', () => {
  it('index.ts exports every op of the contract as a function', () => {
    const names = [
      'outputSize',
      'conv2dForward',
      'conv2dBackward',
      'maxPool2dForward',
      'maxPool2dBackward',
      'avgPool2dForward',
      'avgPool2dBackward',
      'flattenForward',
      'flattenBackward',
      'denseForward',
      'denseBackward',
      'reluForward',
      'reluBackward',
      'sigmoidForward',
      'sigmoidBackward',
      'tanhForward',
      'tanhBackward',
      'softmaxCrossEntropy',
    ];
    const exported = engine as unknown as Record<string, unknown>;
    for (const name of names) expect(typeof exported[name], name).toBe('function');
  });
});

describe('ops composed into a small CNN: x=[2,1,6,6] → conv 3×3 p=1 (4 filters) → relu → maxpool 2 → flatten → dense 36→3 → softmax CE', () => {
  it('the chained backward passes equal the numerical gradient of the loss (float64, rel_error < 1e-6)', () => {
    const x = randn([2, 1, 6, 6], 1);
    const w1 = randn([4, 1, 3, 3], 2);
    const b1 = randn([4], 3);
    const w2 = randn([36, 3], 4);
    const b2 = randn([3], 5);
    const labels = [2, 0];
    const conv = { stride: 1, pad: 1 };
    const pool = { size: 2, stride: 2 };

    const loss = (): number => {
      const h = maxPool2dForward(reluForward(conv2dForward(x, w1, b1, conv)), pool);
      return softmaxCrossEntropy(denseForward(flattenForward(h), w2, b2), labels).loss;
    };

    // Forward, keeping what each backward needs.
    const a1 = conv2dForward(x, w1, b1, conv);
    const r1 = reluForward(a1);
    const p1 = maxPool2dForward(r1, pool);
    const f1 = flattenForward(p1);
    const { dscores } = softmaxCrossEntropy(denseForward(f1, w2, b2), labels);
    // Backward, in reverse order.
    const dense = denseBackward(dscores, f1, w2);
    const dp1 = flattenBackward(dense.dx, p1.shape);
    const dr1 = maxPool2dBackward(dp1, r1, pool);
    const da1 = reluBackward(dr1, a1);
    const convGrads = conv2dBackward(da1, x, w1, conv);

    expect(relError(dense.dw, numericalGradient(loss, w2))).toBeLessThan(1e-6);
    expect(relError(dense.db, numericalGradient(loss, b2))).toBeLessThan(1e-6);
    expect(relError(convGrads.dw, numericalGradient(loss, w1))).toBeLessThan(1e-6);
    expect(relError(convGrads.db, numericalGradient(loss, b1))).toBeLessThan(1e-6);
    expect(relError(convGrads.dx, numericalGradient(loss, x))).toBeLessThan(1e-6);
  });
});
