/**
 * grade() starts the exercise with the longest time limit first (the capstone trains for a minute), so
 * that the others are graded on the other cores meanwhile; the report keeps the order it was given.
 */
import { describe, expect, it } from 'vitest';
import { grade } from '../src/run.ts';
import type { ExerciseSpec } from '../src/spec/index.ts';
import { exercise, fixture } from './helpers.ts';

/** A spec whose one test passes without calling the student's code (no sandbox work). */
const instant: ExerciseSpec = { tests: () => [{ name: 'instant', run: async () => ({ status: 'passed', message: '' }) }] };

describe('grade(): which exercise starts first', () => {
  it('with one worker, 09 (180 s limit) starts before 01 and 02 (2–3 s), and the report lists 01, 02, 09', async () => {
    const ids = ['01-output-size', '02-conv-forward', '09-capstone'];
    const targets = ids.map((id) => ({ exercise: exercise(id), file: fixture('buggy/relu-only.ts') }));
    expect(targets.map((t) => t.exercise.timeLimitMs)).toEqual([2000, 3000, 180000]);
    const started: string[] = [];
    const report = await grade(targets, {
      concurrency: 1,
      specs: Object.fromEntries(ids.map((id) => [id, instant])),
      onEvent: (e) => {
        if (e.type === 'exercise-start') started.push(e.exercise.id);
      },
    });
    expect(started).toEqual(['09-capstone', '02-conv-forward', '01-output-size']);
    expect(report.exercises.map((e) => e.id)).toEqual(ids);
  });
});
