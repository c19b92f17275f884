/**
 * plan → RUN → report: grades exercises, each in its own sandbox, and scores them. Library code:
 * the CLI, the watch mode and (later) class grading all call {@link grade}.
 */
import { availableParallelism } from 'node:os';
import type { Exercise } from '../../../exercises/manifest.ts';
import { Sandbox } from './sandbox/sandbox.ts';
import { specs as allSpecs, type ExerciseSpec } from './spec/index.ts';
import { totals, type ExerciseResult, type GradeReport } from './report.ts';
import { gradeWithSandbox, type ScoreOptions } from './score.ts';

/** One exercise to grade and the file holding the code to grade. */
export interface GradeTarget {
  exercise: Exercise;
  file: string;
}

export { replayCommand, type GradeEvent } from './score.ts';

/** How to grade: the scoring options (events, fresh seed, `--case`, replay flags: score.ts) and what is Node's. */
export interface GradeOptions extends ScoreOptions {
  /** Exercises graded at the same time (each in its own process); the number of cores by default, at most 4. */
  concurrency?: number;
  /** The checks per exercise id (the built-in ones by default). */
  specs?: Readonly<Record<string, ExerciseSpec>>;
}

/** Grades one exercise: every test in order, in one sandbox process (restarted after a crash); see score.ts. */
export async function gradeExercise(target: GradeTarget, options: GradeOptions = {}): Promise<ExerciseResult> {
  const { exercise } = target;
  const spec = (options.specs ?? allSpecs)[exercise.id];
  if (!spec) throw new Error(`grade: no checks for exercise ${exercise.id}`);
  const open = (tripwires: readonly string[]): Sandbox =>
    new Sandbox({ file: target.file, tripwires, timeLimitMs: exercise.timeLimitMs, memoryLimitMb: exercise.memoryLimitMb });
  return gradeWithSandbox(exercise, spec, open, options);
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
