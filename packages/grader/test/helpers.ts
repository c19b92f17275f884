/** Grading helpers for the grader's own tests. */
import { fileURLToPath } from 'node:url';
import { exercises } from '@convkit/course-config/node';
import { gradeExercise } from '../src/run.ts';
import { specs } from '../src/spec/index.ts';
import type { ExerciseResult } from '../src/report.ts';
import type { TestSpec } from '../src/spec/kit.ts';

export const fixture = (path: string): string => fileURLToPath(new URL(`./fixtures/${path}`, import.meta.url));
export const exercise = (id: string) => exercises.find((e) => e.id === id)!;

/**
 * Grades `file` as exercise 02 with three of its checks (hand-worked, CS231n vectors, random), a
 * short time limit and a small memory limit: enough to see each attack handled, quickly.
 */
export async function gradeConv(
  file: string,
  limits: { timeLimitMs?: number; memoryLimitMb?: number } = {},
  checks = ['one filter, one channel', 'CS231n vectors', 'random shapes'],
): Promise<ExerciseResult> {
  const all = specs['02-conv-forward'].tests(3000);
  const tests = checks.map((name): TestSpec => all.find((t) => t.name.includes(name))!);
  const ex = { ...exercise('02-conv-forward'), timeLimitMs: limits.timeLimitMs ?? 2000, memoryLimitMb: limits.memoryLimitMb ?? 256 };
  return gradeExercise({ exercise: ex, file }, { specs: { '02-conv-forward': { tests: () => tests } } });
}
