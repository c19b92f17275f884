/** Named mistakes: hand-made expected/actual pairs, then buggy solutions graded end to end. */
import { describe, expect, it } from 'vitest';
import { borderOnly, constantFactor, diagnose, oneSlice, shiftedWindow, transposed, transposedShape } from '../src/diagnose.ts';
import { gradeExercise } from '../src/run.ts';
import { recordExercise, replaySpec } from '../src/index.ts';
import { specs } from '../src/spec/index.ts';
import { exercise, fixture } from './helpers.ts';

const E = [1, -2, 3, 0.5, 4, -1];

describe('constant factor, sign', () => {
  it('2× everywhere (zeros stay zeros) is "exactly 2×"', () => {
    expect(constantFactor([1, 0, -3], [2, 0, -6], [3])).toMatch(/^every value is exactly 2× the expected one\./);
  });
  it('½× is "exactly ½ of the expected one"', () => {
    expect(
      constantFactor(
        E,
        E.map((v) => v / 2),
        [6],
      ),
    ).toMatch(/exactly ½ of the expected one \(½×\)/);
  });
  it('the batch size N: 3× on a [3, 2] gradient says "forgot to divide by N", ⅓× says "averaged"', () => {
    expect(
      constantFactor(
        E,
        E.map((v) => 3 * v),
        [3, 2],
      ),
    ).toContain('3 is the batch size N: did you forget to divide by N');
    expect(
      constantFactor(
        E,
        E.map((v) => v / 3),
        [3, 2],
      ),
    ).toContain('did you average over the batch');
  });
  it('−1× is a flipped sign', () => {
    expect(
      constantFactor(
        E,
        E.map((v) => -v),
        [6],
      ),
    ).toMatch(/opposite sign .*sign flipped/);
  });
  it('no constant factor: 1.5× in one place, 2× elsewhere; a value where 0 was expected; ratio 1 (rounding)', () => {
    expect(constantFactor([1, 2], [1.5, 4], [2])).toBeNull();
    expect(constantFactor([1, 0], [2, 1], [2])).toBeNull();
    expect(constantFactor([1, 2], [1 + 1e-9, 2], [2])).toBeNull();
  });
});

describe('transposed', () => {
  it('a square [2, 2] matrix with rows and columns swapped', () => {
    expect(transposed([1, 2, 3, 4], [1, 3, 2, 4], [2, 2], 1e-6)).toContain('TRANSPOSE');
    expect(transposed([1, 2, 2, 4], [1, 2, 2, 4], [2, 2], 1e-6)).toBeNull(); // symmetric: nothing to tell
  });
  it('[2, 3] expected, [3, 2] returned holding its transpose', () => {
    expect(transposedShape([1, 2, 3, 4, 5, 6], [2, 3], [1, 4, 2, 5, 3, 6], [3, 2], 1e-6)).toContain('TRANSPOSE of the expected [2, 3] tensor');
    expect(transposedShape([1, 2, 3, 4, 5, 6], [2, 3], [1, 2, 3, 4, 5, 6], [3, 2], 1e-6)).toBeNull(); // a reshape, not a transpose
  });
});

describe('window, border, one slice', () => {
  // a 1×1×4×4 plane 0..15
  const plane = Array.from({ length: 16 }, (_, i) => i * 1.5 + 1);
  it('shifted by one row: yours[i] = expected[i + 1]', () => {
    const shifted = plane.map((_, i) => (i < 12 ? plane[i + 4] : 0));
    expect(shiftedWindow(plane, shifted, [1, 1, 4, 4], 1e-6)).toMatch(/shifted by one position along H \(rows\)/);
  });
  it('only the border wrong: padding', () => {
    const diff = [0, 1, 2, 3, 4, 7, 8, 11, 12, 13, 14, 15]; // all border cells of a 4×4 plane
    expect(borderOnly(diff, [1, 1, 4, 4])).toContain('padding');
    expect(borderOnly([5], [1, 1, 4, 4])).toBeNull(); // (1, 1) is inside
  });
  it('only the last example of a batch of 2, or only channel 1', () => {
    expect(oneSlice([16, 17, 31], [2, 1, 4, 4])).toMatch(/only the last example n = 1 of 2 is wrong/);
    expect(oneSlice([16, 20], [1, 2, 4, 4])).toMatch(/only the last channel c = 1 of 2/);
    expect(oneSlice([0, 16], [2, 1, 4, 4])).toBeNull();
  });
  it('diagnose: nothing for unrelated values', () => {
    expect(diagnose([1, 2, 3, 4], [4, 1, 3, 7], [4], 1e-6)).toBeNull();
  });
});

describe('buggy solutions, graded end to end', () => {
  const grade05 = (file: string) => gradeExercise({ exercise: exercise('05-backprop'), file: fixture(file) });
  const failedMessages = (r: Awaited<ReturnType<typeof grade05>>): string =>
    r.tests
      .filter((t) => t.status === 'failed')
      .map((t) => t.message)
      .join('\n');

  it('05 with dw 2× too large gets "exactly 2×"', async () => {
    const r = await grade05('buggy/double-dw.ts');
    const dense = r.tests.filter((t) => t.name.startsWith('dense'));
    expect(dense.every((t) => t.status === 'failed')).toBe(true);
    expect(dense[0].message).toMatch(/^dw\[0, 0\] .*\nlooks like: every value is exactly 2× the expected one/);
  });
  it('05 with dscores not divided by N gets "the batch size N"', async () => {
    const r = await grade05('buggy/no-batch-mean.ts');
    const m = r.tests.find((t) => t.name === 'softmax scores=[2,3] hand-picked')!.message;
    expect(m).toMatch(/^dscores\[.*\nlooks like: every value is exactly 2× the expected one\. 2 is the batch size N: did you forget to divide by N/);
  });
  it('05 with a transposed dw gets "TRANSPOSE"', async () => {
    const r = await grade05('buggy/transposed-dw.ts');
    expect(failedMessages(r)).toContain('looks like: your values are the TRANSPOSE of the expected');
  });
  it('05 with ReLU\'s gradient sign flipped gets "sign flipped"', async () => {
    const r = await grade05('buggy/relu-sign.ts');
    expect(r.tests.find((t) => t.name.startsWith('relu dout=[2,3,4,4]'))!.message).toContain('looks like: every value has the opposite sign');
  });
  it('02 padding with the edge value instead of zeros: "only values at the border differ"', async () => {
    const r = await gradeExercise({ exercise: exercise('02-conv-forward'), file: fixture('buggy/edge-padding.ts') });
    const padded = r.tests.find((t) => t.name.includes('(pad 1 keeps 3×3)'))!;
    expect(padded.status).toBe('failed');
    expect(padded.message).toContain('looks like: only values at the border differ');
  });
  it('02 whose loop over examples stops at N − 1: "only the last example n = 1 of 2 is wrong"', async () => {
    const r = await gradeExercise({ exercise: exercise('02-conv-forward'), file: fixture('buggy/skips-last-example.ts') });
    const batch = r.tests.find((t) => t.name.includes('(N = 2 examples)'))!;
    expect(batch.status).toBe('failed');
    expect(batch.message).toContain('looks like: only the last example n = 1 of 2 is wrong');
  });
  it('02 whose windows start one row too low: "shifted by one position along H"', async () => {
    const r = await gradeExercise({ exercise: exercise('02-conv-forward'), file: fixture('buggy/window-off-by-one.ts') });
    const padded = r.tests.find((t) => t.name.includes('(pad 1 keeps 3×3)'))!;
    expect(padded.status).toBe('failed');
    expect(padded.message).toContain('looks like: your output is the expected one shifted by one position along H (rows)');
  });

  describe('02 computing a true convolution (the kernel rotated 180°): "a true convolution"', () => {
    const flipped = { exercise: exercise('02-conv-forward'), file: fixture('buggy/flipped-kernel.ts') };
    const check = (r: Awaited<ReturnType<typeof gradeExercise>>): void => {
      // D2L's hand-worked case: correlation gives [[19,25],[37,43]], the flipped kernel [[5,11],[23,29]].
      const hand = r.tests.find((t) => t.name.startsWith('one filter, one channel'))!;
      expect(hand.status).toBe('failed');
      expect(hand.message).toMatch(/^out\[0, 0, 0, 0\] \(flat index 0\): expected 19, got 5;/);
      expect(hand.message).toContain('looks like: you computed a true convolution, with the kernel rotated 180°');
      expect(hand.message.match(/looks like:/g)).toHaveLength(1);
      // A 1×1 kernel is its own rotation: that case passes, so the mistake is not named where it changes nothing.
      expect(r.tests.find((t) => t.name.includes('1×1 kernel'))!.status).toBe('passed');
      const wrong = r.tests.filter((t) => t.status === 'failed');
      expect(wrong.length).toBeGreaterThanOrEqual(9);
      for (const t of wrong) expect(t.message, t.name).toContain('looks like: you computed a true convolution');
    };
    it('live (the reference computes the flipped answer on the same inputs)', async () => {
      check(await gradeExercise(flipped));
    });
    it('in the kit (recorded checks: the flipped answer is precomputed, no reference)', async () => {
      const recorded = JSON.parse(JSON.stringify(await recordExercise(specs['02-conv-forward'], flipped.exercise)));
      check(await gradeExercise(flipped, { specs: { '02-conv-forward': replaySpec(recorded) } }));
    });
    it('a correct conv2dForward is never told it flipped the kernel (the reference passes everything)', async () => {
      const r = await gradeExercise({ exercise: flipped.exercise, file: fixture('../../../../exercises/02-conv-forward/.meta/solution.ts') });
      expect(r.tests.every((t) => t.status === 'passed')).toBe(true);
    });
  });
});
