/**
 * Grading one exercise in a sandbox, wherever the sandbox runs: each test in order, the student's printed
 * output quoted in a failing test's message, each test's share of the points, the rule that throwing earns
 * credit only next to working code, replay commands. `pnpm grade` (run.ts: a Node sandbox process) and the
 * course site (browser/: a Web Worker) both grade here, so a solution gets the same score and messages from
 * either. No Node or DOM API here.
 */
import type { Exercise } from '@convkit/course-config/node';
import type { CallResult } from './sandbox/sandbox.ts';
import type { ExerciseSpec } from './spec/index.ts';
import { exerciseStatus, shares, sumScores, type ExerciseResult, type TestResult } from './report.ts';
import type { SpecContext, Verdict } from './spec/kit.ts';

export type GradeEvent =
  | { type: 'exercise-start'; exercise: Exercise; tests: number }
  /** `functions`: the student functions this test called (in call order), to point hints at the first failing one. */
  | { type: 'test'; exercise: Exercise; test: TestResult; index: number; total: number; functions: string[] }
  | { type: 'exercise-done'; result: ExerciseResult };

/** What grading needs of a sandbox (sandbox/sandbox.ts in Node, browser/sandbox.ts in a page). */
export interface SandboxLike {
  /** Calls `fn(...args)` in the sandbox; never throws. */
  call(fn: string, args: unknown[], argNames: string[]): Promise<CallResult>;
  /** Everything the student's code printed since the last call to this method. */
  takeOutput(): string;
  close(): void;
}

/** How an exercise is graded (see run.ts's GradeOptions, which adds what is Node's). */
export interface ScoreOptions {
  onEvent?: (event: GradeEvent) => void;
  /** Official grading: random tests also run fresh cases from this seed (see SpecContext.freshSeed). */
  freshSeed?: number;
  /**
   * `pnpm grade NN --case T[@REF]`: run only test number T (1-based) and show its case in full; REF
   * picks one case of a random test (`SEED:PATH` or `pK`, as the failure message printed it).
   */
  onlyCase?: { test: number; ref?: string };
  /** Words added to replay commands (`--self-check` when grading the reference). */
  replayFlags?: string;
  /** `--seed N`: random tests draw their cases from seed N (see SpecContext.seed). */
  seed?: number;
}

/** The command that replays case `ref` of test number `test` of an exercise. */
export const replayCommand = (exerciseId: string, test: number, ref: string, flags = ''): string =>
  `pnpm grade ${exerciseId.slice(0, 2)}${flags ? ` ${flags}` : ''} --case ${test}@${ref}`;

const PRINTED_CAP = 600;

function withPrinted(verdict: Verdict, printed: string): Verdict {
  if (verdict.status === 'passed' || printed.trim() === '') return verdict;
  const text = printed.length > PRINTED_CAP ? `${printed.slice(0, PRINTED_CAP)}…` : printed;
  const quoted = text
    .trimEnd()
    .split('\n')
    .map((l) => `  | ${l}`)
    .join('\n');
  return { ...verdict, message: `${verdict.message}\nyour code printed:\n${quoted}` };
}

/**
 * Grades `exercise` with `spec`'s tests, in order, calling the student's code in `sandbox` (started by
 * `openSandbox`, once the tests are known; closed at the end).
 */
export async function gradeWithSandbox(
  exercise: Exercise,
  spec: ExerciseSpec,
  openSandbox: (tripwires: readonly string[]) => SandboxLike,
  options: ScoreOptions = {},
): Promise<ExerciseResult> {
  const all = spec.tests(exercise.timeLimitMs);
  const only = options.onlyCase;
  if (only && !(Number.isInteger(only.test) && only.test >= 1 && only.test <= all.length)) {
    throw new RangeError(`--case: ${exercise.id} has tests 1 to ${all.length}, got ${only.test}`);
  }
  const tests = only ? [all[only.test - 1]] : all;
  // Each test's share of the points, in hundredths that add up to the exercise's points exactly.
  const maxScores = shares(
    exercise.points,
    tests.map((t) => t.weight ?? 1),
  );
  options.onEvent?.({ type: 'exercise-start', exercise, tests: tests.length });

  const sandbox = openSandbox(spec.tripwires ?? exercise.functions);
  // After one call of a function times out, later calls of it are not run: each would only wait out the limit again.
  const timedOut = new Set<string>();
  let called: string[] = [];
  const ctx: SpecContext = {
    /** The course's tolerance for this exercise (course.config.ts via @convkit/course), when it sets one. */
    tolerance: 'tolerance' in exercise && typeof exercise.tolerance === 'number' ? exercise.tolerance : undefined,
    freshSeed: options.freshSeed,
    seed: options.seed,
    async call(fn: string, args: unknown[], argNames: string[]): Promise<CallResult> {
      if (!called.includes(fn)) called.push(fn);
      if (timedOut.has(fn)) return { kind: 'timeout', limitMs: exercise.timeLimitMs, skipped: true };
      const result = await sandbox.call(fn, args, argNames);
      if (result.kind === 'timeout') timedOut.add(fn);
      return result;
    },
  };

  const results: TestResult[] = [];
  const byThrowing: boolean[] = [];
  try {
    for (const [index, test] of tests.entries()) {
      let verdict: Verdict;
      called = [];
      const number = only ? only.test : index + 1;
      ctx.replayCommand = (ref) => replayCommand(exercise.id, number, ref, options.replayFlags);
      if (only) ctx.replay = only.ref ?? '';
      try {
        verdict = await test.run(ctx);
      } catch (error) {
        verdict = { status: 'error', message: `grader error (please report it): ${error instanceof Error ? error.stack : String(error)}` };
      }
      verdict = withPrinted(verdict, sandbox.takeOutput());
      const maxScore = maxScores[index];
      const result: TestResult = {
        name: test.name,
        status: verdict.status,
        score: verdict.status === 'passed' ? maxScore : 0,
        maxScore,
        message: verdict.message,
      };
      results.push(result);
      byThrowing.push(verdict.threwAsExpected === true);
      options.onEvent?.({ type: 'test', exercise, test: result, index, total: tests.length, functions: [...called] });
    }
  } finally {
    sandbox.close();
  }
  // A function that always throws would pass every "must throw" test: that credit needs at least one
  // passed test where a value was computed (so a stub, a crash or a cheat that finds nothing scores 0).
  if (results.some((r, i) => r.status === 'passed' && byThrowing[i]) && !results.some((r, i) => r.status === 'passed' && !byThrowing[i])) {
    results.forEach((r, i) => {
      if (r.status === 'passed' && byThrowing[i]) {
        results[i] = {
          ...r,
          status: 'failed',
          score: 0,
          message: 'it threw, as it should for this input, but no valid input was computed correctly: throwing earns points only next to working code',
        };
      }
    });
  }
  const result: ExerciseResult = {
    id: exercise.id,
    title: exercise.title,
    // The sum of the tests' scores, so that every reporter's per-test scores add up to it.
    score: sumScores(results.map((r) => r.score)),
    maxScore: exercise.points,
    status: exerciseStatus(results),
    tests: results,
  };
  options.onEvent?.({ type: 'exercise-done', result });
  return result;
}
