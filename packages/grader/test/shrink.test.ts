import { describe, expect, it } from 'vitest';
import { fixture, gradeConv } from './helpers.ts';

describe('random cases shrink to a small failing input', () => {
  it('a conv2dForward that ignores the stride: hand-worked case passes, the random one shrinks to stride 2', async () => {
    const r = await gradeConv(fixture('buggy/ignores-stride.ts'));
    expect(r.tests[0].status).toBe('passed'); // stride 1
    expect(r.tests[1].status).toBe('failed'); // CS231n vector: stride 2
    const random = r.tests[2];
    expect(random.status).toBe('failed');
    expect(random.message).toMatch(
      /^random case failed; smallest failing input found by shrinking \(\d+ runs, seed 202\): x=\[1,1,\d+,\d+\] w=\[1,1,\d+,\d+\] s=2 p=0\n/,
    );
    // The shrunk case is tiny: a 1×2 output at most in each direction.
    const [, h, w] = random.message.match(/x=\[1,1,(\d+),(\d+)\]/)!.map(Number);
    expect(h * w).toBeLessThanOrEqual(12);
  });
});
