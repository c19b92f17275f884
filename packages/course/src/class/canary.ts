/**
 * The canary: before any student is graded, the reference solutions are graded exactly as a student's
 * work would be (the same runtime, the same unprivileged user, the same limits). Anything short of
 * full marks means the grading environment is broken (a temp folder the student user cannot write, a
 * runtime that does not resolve, limits too tight for this machine), and grading stops with the
 * reason instead of giving the whole class zeros.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { readExercises, type Exercise } from '@convkit/course-config/node';
import type { GradeReport } from '@convkit/grader';
import type { Submission } from './submissions.ts';

export class CanaryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CanaryError';
  }
}

/** The student folder name the canary is graded under (never a real student's: it has a space and brackets). */
export const CANARY_STUDENT = '(canary: reference solutions)';

/**
 * Writes the reference solutions (`<id>/.meta/solution.ts` in `keyExercisesDir`) as a submission in
 * `dir`, each at its stub's path, its imports of other references rewritten to those exercises'
 * stubs (`../../02-conv-forward/.meta/solution.ts` → `../02-conv-forward/conv-forward.ts`), as a
 * student who wrote the reference would have it.
 */
export function writeCanary(keyExercisesDir: string, exercises: readonly Exercise[], dir: string): Submission {
  const all = readExercises(keyExercisesDir);
  for (const e of exercises) {
    const solution = join(keyExercisesDir, e.id, '.meta', 'solution.ts');
    if (!existsSync(solution)) throw new CanaryError(`canary: expected the reference solution of ${e.id} at ${solution}, got no such file`);
    const source = readFileSync(solution, 'utf8').replace(
      /(['"])\.\.\/\.\.\/(\d\d-[a-z0-9-]+)\/\.meta\/solution\.ts\1/g,
      (whole, quote: string, id: string) => {
        const other = all.find((x) => x.id === id);
        return other ? `${quote}../${id}/${basename(other.file)}${quote}` : whole;
      },
    );
    mkdirSync(join(dir, dirname(e.file)), { recursive: true });
    writeFileSync(join(dir, e.file), source);
  }
  return { student: CANARY_STUDENT, path: dir, kind: 'folder' };
}

/**
 * Throws a CanaryError unless the reference got full marks: names each exercise that lost points and
 * its first failing test's message.
 */
export function assertCanary(report: GradeReport & { error?: string | null }): void {
  const problems: string[] = [];
  if (report.error) problems.push(report.error.split('\n').slice(0, 3).join(' '));
  for (const e of report.exercises) {
    if (e.score >= e.maxScore - 1e-9) continue;
    const first = e.tests.find((t) => t.status !== 'passed');
    problems.push(`${e.id}: ${e.score}/${e.maxScore}${first ? `, first failure "${first.name}": ${first.message.split('\n')[0].slice(0, 300)}` : ''}`);
  }
  if (problems.length === 0) return;
  throw new CanaryError(
    `the reference solutions did not get full marks when graded like a student's work (${report.score}/${report.maxScore}), ` +
      `so this grading environment would mark correct work wrong; nothing was graded.\n  ${problems.join('\n  ')}`,
  );
}
