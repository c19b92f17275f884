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
 * Splits `points` over tests in proportion to their weights, in hundredths of a point, so that the
 * shares add up to `points` EXACTLY (largest remainder: the cents lost to rounding down go to the
 * tests with the largest remainders, earlier tests first on a tie). 5 points over 3 equal tests:
 * 1.67 + 1.67 + 1.66.
 */
export function shares(points: number, weights: readonly number[]): number[] {
  const total = weights.reduce((s, w) => s + w, 0);
  if (weights.length === 0) return [];
  if (!(total > 0)) throw new Error(`shares: expected weights with a positive sum, got ${JSON.stringify(weights)}`);
  const cents = Math.round(points * 100);
  const exact = weights.map((w) => (cents * w) / total);
  const floors = exact.map((x) => Math.floor(x + 1e-9));
  let left = cents - floors.reduce((s, c) => s + c, 0);
  const byRemainder = exact.map((x, i) => ({ i, r: x - floors[i] })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    floors[i]++;
    left--;
  }
  return floors.map((c) => c / 100);
}

/** The sum of scores given in hundredths, without floating-point drift (1.67 + 1.67 + 1.66 = 5). */
export const sumScores = (scores: readonly number[]): number => scores.reduce((s, v) => s + Math.round(v * 100), 0) / 100;

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
    score: sumScores(exercises.map((e) => e.score)),
    maxScore: sumScores(exercises.map((e) => e.maxScore)),
    exercises,
  };
}
