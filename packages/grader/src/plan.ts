/** PLAN → run → report: which exercises to grade, and which file holds the code for each. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findExercise, gradedExercises, repoRoot, type Exercise } from '@convkit/course-config/node';
import type { GradeTarget } from './run.ts';
import { UsageError } from '@convkit/engine/node';

/** The workspace root (where `exercises/` lives), as `@convkit/course-config` finds it. */
export { repoRoot };
/**
 * An exercise's reference solution (`exercises/NN-slug/.meta/solution.ts`, graders only), graded by
 * `--self-check` through the same path as a student's code.
 */
export const solutionFile = (id: string, exercisesDir = join(repoRoot, 'exercises')): string => join(exercisesDir, id, '.meta', 'solution.ts');

export { UsageError };

/**
 * The exercises graded: the course's (course.config.ts: its selection, order, points and limits), or
 * the whole manifest without one. A broken course config is a usage error naming the field.
 */
let courseError: UsageError | null = null;
const exercises: readonly Exercise[] = await gradedExercises(repoRoot).catch((error: unknown) => {
  courseError = new UsageError(error instanceof Error ? error.message : String(error));
  return [];
});

export interface PlanOptions {
  /** Exercise ids, numbers or slugs; all exercises when empty. */
  only?: readonly string[];
  /** Exercises to leave out (ids, numbers, slugs; `capstone` works). */
  skip?: readonly string[];
  /** Grade the reference solutions instead of the student's files. */
  selfCheck?: boolean;
  /** Folder holding the student's `exercises/` files (CONVKIT_EXERCISES_DIR, or the repository's by default). */
  exercisesDir?: string;
}

function lookup(query: string): Exercise {
  const found = exercises.find((e) => e.id === findExercise(query)?.id);
  if (!found) {
    throw new UsageError(`unknown exercise "${query}"; the exercises are: ${exercises.map((e) => e.id).join(', ')}`);
  }
  return found;
}

/** The file graded for an exercise. */
export function fileFor(exercise: Exercise, options: Pick<PlanOptions, 'selfCheck' | 'exercisesDir'> = {}): string {
  if (options.selfCheck) return solutionFile(exercise.id);
  return join(options.exercisesDir ?? process.env.CONVKIT_EXERCISES_DIR ?? join(repoRoot, 'exercises'), exercise.file);
}

export function planGrade(options: PlanOptions = {}): GradeTarget[] {
  if (courseError) throw courseError;
  const chosen = options.only && options.only.length > 0 ? options.only.map(lookup) : [...exercises];
  const skipped = new Set((options.skip ?? []).map((q) => lookup(q).id));
  const targets = [...new Set(chosen)]
    .filter((e) => !skipped.has(e.id))
    .sort((a, b) => exercises.indexOf(a) - exercises.indexOf(b))
    .map((exercise) => ({ exercise, file: fileFor(exercise, options) }));
  for (const t of targets) {
    if (!existsSync(t.file)) {
      throw new UsageError(
        options.selfCheck
          ? `${t.exercise.id}: no reference solution at ${t.file} (releases strip .meta/: --self-check runs in the course's repository)`
          : `${t.exercise.id}: file ${t.file} not found`,
      );
    }
  }
  return targets;
}
