/** The grade report: what every reporter prints and what `--reporter json` writes, exactly. */

export type Status = 'passed' | 'failed' | 'not-started' | 'error' | 'timeout';

export interface TestResult {
  name: string;
  status: Status;
  score: number;
  maxScore: number;
  /** What went wrong, for the student; usually empty when the test passed (the capstone reports its accuracy). */
  message: string;
}

export interface ExerciseResult {
  id: string;
  title: string;
  score: number;
  maxScore: number;
  status: Status;
  tests: TestResult[];
}

export interface GradeReport {
  score: number;
  maxScore: number;
  exercises: ExerciseResult[];
}

export const round2 = (v: number): number => Math.round(v * 100) / 100;

/**
 * An exercise's status from its tests: `passed` when all pass; when none passed and all share one
 * status (`not-started`, `timeout`, `error`), that status; otherwise `failed`.
 */
export function exerciseStatus(tests: readonly TestResult[]): Status {
  if (tests.length > 0 && tests.every((t) => t.status === 'passed')) return 'passed';
  const first = tests[0]?.status ?? 'error';
  if (first !== 'passed' && tests.every((t) => t.status === first)) return first;
  return 'failed';
}

export function totals(exercises: ExerciseResult[]): GradeReport {
  return {
    score: round2(exercises.reduce((s, e) => s + e.score, 0)),
    maxScore: round2(exercises.reduce((s, e) => s + e.maxScore, 0)),
    exercises,
  };
}
