/**
 * The reference's error contract is graded: a forward pass must throw for a geometry that does not
 * fit (as outputSize does), so an implementation that floors the output size loses those points,
 * while the reference keeps full marks.
 */
import { describe, expect, it } from 'vitest';
import { gradeExercise } from '../src/run.ts';
import { solutionFile } from '../src/plan.ts';
import { exercise, fixture } from './helpers.ts';

describe.each([
  ['02-conv-forward', 'buggy/floors-conv.ts', 'conv2dForward'],
  ['03-max-pool-forward', 'buggy/floors-pool.ts', 'maxPool2dForward'],
])('%s: a geometry that does not fit must throw', (id, buggy, fn) => {
  it(`flooring the output size passes every valid case but fails the "must throw" ones, so it loses points`, async () => {
    const r = await gradeExercise({ exercise: exercise(id), file: fixture(buggy) });
    const mustThrow = r.tests.filter((t) => t.name.includes('must throw'));
    expect(mustThrow.length).toBeGreaterThanOrEqual(2);
    for (const t of mustThrow) {
      expect(t.status, t.name).toBe('failed');
      expect(t.message).toMatch(new RegExp(`^expected ${fn} to throw an Error \\(.+\\), got a Tensor of shape`));
    }
    expect(r.tests.filter((t) => !t.name.includes('must throw')).every((t) => t.status === 'passed')).toBe(true);
    expect(r.score).toBeLessThan(r.maxScore);
  });
  it('the reference solution throws there and keeps full marks', async () => {
    const r = await gradeExercise({ exercise: exercise(id), file: solutionFile(id) });
    expect(r.tests.filter((t) => t.status !== 'passed')).toEqual([]);
    expect(r.score).toBe(r.maxScore);
  });
});
