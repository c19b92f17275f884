/**
 * The exercises `pnpm grade` grades, for the grader's plan: the course's (course.config.ts: its
 * selection, order, points and limits), or every exercise of the manifest where there is no course
 * config. A broken config fails here with the message naming the field.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Exercise } from './manifest.ts';
import { loadCourse, manifestExercises } from './load.ts';

export async function gradedExercises(root: string): Promise<readonly Exercise[]> {
  if (process.env.CONVKIT_COURSE_CONFIG === undefined && !existsSync(join(root, 'course.config.ts'))) return manifestExercises(root);
  return (await loadCourse(root)).exercises;
}
