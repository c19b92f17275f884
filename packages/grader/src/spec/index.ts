/**
 * Every exercise's checks, by exercise id, found by convention: `exercises/NN-slug/.meta/spec.ts`
 * (graders only; releases strip `.meta/`). Without one (the student kit), the checks recorded by the
 * course build, `packages/grader/expected/<id>.json`, are replayed instead (same judge, same
 * messages, no reference). An exercise with neither has no checks here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TestSpec } from './kit.ts';
import { repoRoot } from '@convkit/course-config/node';
import { replaySpec } from '../record/replay.ts';
import type { RecordedExercise } from '../record/format.ts';

export interface ExerciseSpec {
  /** Builds the tests afresh for one grading run (the exercise's time limit is given for the capstone). */
  tests(timeLimitMs: number): TestSpec[];
  /** Engine functions replaced by tripwires; the exercise's own functions when absent. */
  tripwires?: readonly string[];
}

/** The spec file of an exercise, whether or not it exists. */
export const specFile = (exercisesDir: string, id: string): string => join(exercisesDir, id, '.meta', 'spec.ts');

/** Where the recorded checks are: `packages/grader/expected/` (written into the kit by `pnpm course build`). */
export const expectedDir = resolve(import.meta.dirname, '..', '..', 'expected');

/** The recorded checks of an exercise, whether or not they exist. */
export const expectedFileOf = (dir: string, id: string): string => join(dir, `${id}.json`);

/**
 * Loads the `.meta/spec.ts` of every exercise folder in `exercisesDir` that has one; for a folder
 * without one, the recorded checks `<recordedDir>/<id>.json` when they exist.
 */
export async function loadSpecs(exercisesDir: string, recordedDir: string = expectedDir): Promise<Record<string, ExerciseSpec>> {
  const found: Record<string, ExerciseSpec> = {};
  if (!existsSync(exercisesDir)) return found;
  for (const id of readdirSync(exercisesDir)
    .filter((name) => /^\d\d-/.test(name))
    .sort()) {
    const file = specFile(exercisesDir, id);
    const recorded = expectedFileOf(recordedDir, id);
    if (existsSync(file)) found[id] = (await import(pathToFileURL(file).href)) as ExerciseSpec;
    else if (existsSync(recorded)) {
      try {
        found[id] = replaySpec(JSON.parse(readFileSync(recorded, 'utf8')) as RecordedExercise);
      } catch (error) {
        throw new Error(`the recorded checks of ${id} in ${recorded} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  return found;
}

/** The repository's (or kit's) exercises' checks. */
export const specs: Readonly<Record<string, ExerciseSpec>> = await loadSpecs(join(repoRoot, 'exercises'));

export type { TestSpec, Verdict, SpecContext } from './kit.ts';
