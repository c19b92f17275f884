/**
 * Scoring one exercise from its tests, wherever the student's code runs: each test in order, the
 * student's printed output quoted in a failing test's message, each test's share of the points, and
 * the rule that throwing earns credit only next to working code. `pnpm grade` (run.ts, a Node sandbox
 * process) and the course site (browser/, a Web Worker) both score here, so a solution gets the same
 * score and messages from either. No Node or DOM API here.
 */
import type { CallResult } from './sandbox/sandbox.ts';
import type { SpecContext, TestSpec, Verdict } from './spec/kit.ts';
import { exerciseStatus, round2, type ExerciseResult, type TestResult } from './report.ts';

/** What scoring needs to know of an exercise. */
export interface ScoredExercise {
  readonly id: string;
  readonly title: string;
  readonly points: number;
  readonly timeLimitMs: number;
  /** The course's tolerance for this exercise (course.config.ts via @convkit/course), when it sets one. */
  readonly tolerance?: number;
}

const PRINTED_CAP = 600;

/** A failing verdict with what the student's code printed during the test quoted under it. */
export function withPrinted(verdict: Verdict, printed: string): Verdict {
  if (verdict.status === 'passed' || printed.trim() === '') return verdict;
  const text = printed.length > PRINTED_CAP ? `${printed.slice(0, PRINTED_CAP)}…` : printed;
  const quoted = text.trimEnd().split('\n').map((l) => `  | ${l}`).join('\n');
  return { ...verdict, message: `${verdict.message}\nyour code printed:\n${quoted}` };
}

/**
 * The context the tests call the student's code through: after one call of a function times out,
 * later calls of it are not run (each would only wait out the limit again).
 */
export function specContext(exercise: ScoredExercise, call: (fn: string, args: unknown[], argNames: string[]) => Promise<CallResult>): SpecContext {
  const timedOut = new Set<string>();
  return {
    tolerance: typeof exercise.tolerance === 'number' ? exercise.tolerance : undefined,
    async call(fn, args, argNames) {
      if (timedOut.has(fn)) return { kind: 'timeout', limitMs: exercise.timeLimitMs, skipped: true };
      const result = await call(fn, args, argNames);
      if (result.kind === 'timeout') timedOut.add(fn);
      return result;
    },
  };
}

/**
 * Runs `tests` in order through `ctx` and scores them. `takeOutput` returns what the student's code
 * printed since it was last called; `onTest` hears of each test as it finishes.
 */
export async function scoreTests(
  exercise: ScoredExercise,
  tests: readonly TestSpec[],
  ctx: SpecContext,
  takeOutput: () => string,
  onTest?: (test: TestResult, index: number, total: number) => void,
): Promise<ExerciseResult> {
  const totalWeight = tests.reduce((s, t) => s + (t.weight ?? 1), 0);
  const results: TestResult[] = [];
  const byThrowing: boolean[] = [];
  for (const [index, test] of tests.entries()) {
    let verdict: Verdict;
    try {
      verdict = await test.run(ctx);
    } catch (error) {
      verdict = { status: 'error', message: `grader error (please report it): ${error instanceof Error ? error.stack : String(error)}` };
    }
    verdict = withPrinted(verdict, takeOutput());
    const maxScore = round2((exercise.points * (test.weight ?? 1)) / totalWeight);
    const result: TestResult = { name: test.name, status: verdict.status, score: verdict.status === 'passed' ? maxScore : 0, maxScore, message: verdict.message };
    results.push(result);
    byThrowing.push(verdict.threwAsExpected === true);
    onTest?.(result, index, tests.length);
  }
  // A function that always throws would pass every "must throw" test: that credit needs at least one
  // passed test where a value was computed (so a stub, a crash or a cheat that finds nothing scores 0).
  if (results.some((r, i) => r.status === 'passed' && byThrowing[i]) && !results.some((r, i) => r.status === 'passed' && !byThrowing[i])) {
    results.forEach((r, i) => {
      if (r.status === 'passed' && byThrowing[i]) {
        results[i] = { ...r, status: 'failed', score: 0, message: 'it threw, as it should for this input, but no valid input was computed correctly: throwing earns points only next to working code' };
      }
    });
  }
  const passedWeight = tests.reduce((s, t, i) => s + (results[i].status === 'passed' ? (t.weight ?? 1) : 0), 0);
  return {
    id: exercise.id,
    title: exercise.title,
    score: round2((exercise.points * passedWeight) / totalWeight),
    maxScore: exercise.points,
    status: exerciseStatus(results),
    tests: results,
  };
}
