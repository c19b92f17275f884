/**
 * Recording an exercise's checks for the student kit: every test of the spec, in order, as plain
 * data (the inputs of each case and the reference's result). `pnpm course build` writes them to the
 * kit's `packages/grader/expected/<id>.json`; the kit grades with {@link replaySpec}.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExerciseSpec } from '../spec/index.ts';
import { EXPECTED_FORMAT, type RecordedExercise, type RecordedTest } from './format.ts';

export interface RecordExerciseOptions {
  /** At most this many precomputed cases per random test (each test's numRuns by default). */
  maxRandomCases?: number;
}

/**
 * Records every test of `spec` for `exercise` (its id names the file; its time limit is given to
 * `spec.tests`). A test without a `record()` hook cannot be recorded: this throws, naming it.
 */
export async function recordExercise(
  spec: ExerciseSpec,
  exercise: { readonly id: string; readonly timeLimitMs: number },
  options: RecordExerciseOptions = {},
): Promise<RecordedExercise> {
  const tests: RecordedTest[] = [];
  for (const test of spec.tests(exercise.timeLimitMs)) {
    if (!test.record) {
      throw new Error(
        `recordExercise: test "${test.name}" of ${exercise.id} cannot be recorded (it has no record() hook); build it with caseTest, randomTest or threadedTest, or give it one`,
      );
    }
    const body = await test.record({ timeLimitMs: exercise.timeLimitMs, maxRandomCases: options.maxRandomCases });
    tests.push({ name: test.name, weight: test.weight ?? 1, ...body });
  }
  const recorded: RecordedExercise = { format: EXPECTED_FORMAT, id: exercise.id, tests };
  if (spec.tripwires) recorded.tripwires = [...spec.tripwires];
  return recorded;
}

/** The file a recorded exercise goes to in `dir`. */
export const expectedFile = (dir: string, id: string): string => join(dir, `${id}.json`);

/** Writes `recorded` to `dir/<id>.json` (creating `dir`) and returns the file's path. */
export function writeExpected(dir: string, recorded: RecordedExercise): string {
  mkdirSync(dir, { recursive: true });
  const file = expectedFile(dir, recorded.id);
  writeFileSync(file, `${JSON.stringify(recorded)}\n`);
  return file;
}
