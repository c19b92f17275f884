/**
 * plan → RUN → report: grades exercises, each in its own sandbox, and scores them. Library code:
 * the CLI, the watch mode and (later) class grading all call {@link grade}.
 */
import { availableParallelism } from 'node:os';
import type { Exercise } from '../../../exercises/manifest.ts';
import { Sandbox, type CallResult } from './sandbox/sandbox.ts';
import { specs as allSpecs, type ExerciseSpec } from './spec/index.ts';
import { exerciseStatus, shares, sumScores, totals, type ExerciseResult, type GradeReport, type TestResult } from './report.ts';
import type { SpecContext, Verdict } from './spec/kit.ts';

/** One exercise to grade and the file holding the code to grade. */
export interface GradeTarget {
  exercise: Exercise;
  file: string;
}

export type GradeEvent =
  | { type: 'exercise-start'; exercise: Exercise; tests: number }
  /** `functions`: the student functions this test called (in call order), to point hints at the first failing one. */
  | { type: 'test'; exercise: Exercise; test: TestResult; index: number; total: number; functions: string[] }
  | { type: 'exercise-done'; result: ExerciseResult };

export interface GradeOptions {
  /** Exercises graded at the same time (each in its own process); the number of cores by default, at most 4. */
  concurrency?: number;
  onEvent?: (event: GradeEvent) => void;
  /** The checks per exercise id (the built-in ones by default). */
  specs?: Readonly<Record<string, ExerciseSpec>>;
  /** Official grading: random tests also run fresh cases from this seed (see SpecContext.freshSeed). */
  freshSeed?: number;
  /**
   * `pnpm grade NN --case T[@REF]`: run only test number T (1-based) and show its case in full; REF
   * picks one case of a random test (`SEED:PATH` or `pK`, as the failure message printed it).
   */
  onlyCase?: { test: number; ref?: string };
  /** Words added to replay commands (`--self-check` when grading the reference). */
  replayFlags?: string;
}

/** The command that replays case `ref` of test number `test` of an exercise. */
export const replayCommand = (exerciseId: string, test: number, ref: string, flags = ''): string =>
  `pnpm grade ${exerciseId.slice(0, 2)}${flags ? ` ${flags}` : ''} --case ${test}@${ref}`;

const PRINTED_CAP = 600;

function withPrinted(verdict: Verdict, printed: string): Verdict {
  if (verdict.status === 'passed' || printed.trim() === '') return verdict;
  const text = printed.length > PRINTED_CAP ? `${printed.slice(0, PRINTED_CAP)}…` : printed;
  const quoted = text.trimEnd().split('\n').map((l) => `  | ${l}`).join('\n');
  return { ...verdict, message: `${verdict.message}\nyour code printed:\n${quoted}` };
}

/** Grades one exercise: every test in order, in one sandbox (restarted after a crash). */
export async function gradeExercise(target: GradeTarget, options: GradeOptions = {}): Promise<ExerciseResult> {
  const { exercise } = target;
  const spec = (options.specs ?? allSpecs)[exercise.id];
  if (!spec) throw new Error(`grade: no checks for exercise ${exercise.id}`);
  const all = spec.tests(exercise.timeLimitMs);
  const only = options.onlyCase;
  if (only && !(Number.isInteger(only.test) && only.test >= 1 && only.test <= all.length)) {
    throw new RangeError(`--case: ${exercise.id} has tests 1 to ${all.length}, got ${only.test}`);
  }
  const tests = only ? [all[only.test - 1]] : all;
  // Each test's share of the points, in hundredths that add up to the exercise's points exactly.
  const maxScores = shares(exercise.points, tests.map((t) => t.weight ?? 1));
  options.onEvent?.({ type: 'exercise-start', exercise, tests: tests.length });

  const sandbox = new Sandbox({
    file: target.file,
    tripwires: spec.tripwires ?? exercise.functions,
    timeLimitMs: exercise.timeLimitMs,
    memoryLimitMb: exercise.memoryLimitMb,
  });
  // After one call of a function times out, later calls of it are not run: each would only wait out the limit again.
  const timedOut = new Set<string>();
  let called: string[] = [];
  const ctx: SpecContext = {
    /** The course's tolerance for this exercise (course.config.ts via @convkit/course), when it sets one. */
    tolerance: 'tolerance' in exercise && typeof exercise.tolerance === 'number' ? exercise.tolerance : undefined,
    freshSeed: options.freshSeed,
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
        results[i] = { ...r, status: 'failed', score: 0, message: 'it threw, as it should for this input, but no valid input was computed correctly: throwing earns points only next to working code' };
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

/** Grades several exercises, a few at a time; the report lists them in the order given. */
export async function grade(targets: readonly GradeTarget[], options: GradeOptions = {}): Promise<GradeReport> {
  const concurrency = Math.max(1, options.concurrency ?? Math.min(4, availableParallelism()));
  const results: ExerciseResult[] = new Array(targets.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < targets.length) {
      const i = next++;
      results[i] = await gradeExercise(targets[i], options);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, targets.length) }, worker));
  return totals(results);
}
