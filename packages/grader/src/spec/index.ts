/**
 * Every exercise's checks, by exercise id, found by convention: `exercises/NN-slug/.meta/spec.ts`
 * (graders only; releases strip `.meta/`). An exercise without one has no checks here.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TestSpec } from './kit.ts';

export interface ExerciseSpec {
  /** Builds the tests afresh for one grading run (the exercise's time limit is given for the capstone). */
  tests(timeLimitMs: number): TestSpec[];
  /** Engine functions replaced by tripwires; the exercise's own functions when absent. */
  tripwires?: readonly string[];
}

/** The spec file of an exercise, whether or not it exists. */
export const specFile = (exercisesDir: string, id: string): string => join(exercisesDir, id, '.meta', 'spec.ts');

/** Loads the `.meta/spec.ts` of every exercise folder in `exercisesDir` that has one. */
export async function loadSpecs(exercisesDir: string): Promise<Record<string, ExerciseSpec>> {
  const found: Record<string, ExerciseSpec> = {};
  if (!existsSync(exercisesDir)) return found;
  for (const id of readdirSync(exercisesDir).filter((name) => /^\d\d-/.test(name)).sort()) {
    const file = specFile(exercisesDir, id);
    if (existsSync(file)) found[id] = (await import(pathToFileURL(file).href)) as ExerciseSpec;
  }
  return found;
}

/** The repository's (or kit's) exercises' checks. */
export const specs: Readonly<Record<string, ExerciseSpec>> = await loadSpecs(resolve(import.meta.dirname, '..', '..', '..', '..', 'exercises'));

export type { TestSpec, Verdict, SpecContext } from './kit.ts';
