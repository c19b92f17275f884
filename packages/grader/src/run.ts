/**
 * plan → RUN → report: grades exercises, each in its own sandbox, and scores them. Library code:
 * the CLI, the watch mode and (later) class grading all call {@link grade}.
 */
import { availableParallelism } from 'node:os';
import type { Exercise } from '@convkit/course-config/node';
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

function specOf(target: GradeTarget, options: GradeOptions): ExerciseSpec {
  const spec = (options.specs ?? allSpecs)[target.exercise.id];
  if (!spec) throw new Error(`grade: no checks for exercise ${target.exercise.id}`);
  return spec;
}

/** The sandbox an exercise is graded in (not started yet). */
function newSandbox(target: GradeTarget, tripwires: readonly string[]): Sandbox {
  const { exercise } = target;
  return new Sandbox({ file: target.file, tripwires, timeLimitMs: exercise.timeLimitMs, memoryLimitMb: exercise.memoryLimitMb });
}

/**
 * Grades one exercise: every test in order, in one sandbox process (restarted after a crash); see
 * score.ts. `warm`: a sandbox for this target already started by {@link grade}.
 */
export async function gradeExercise(target: GradeTarget, options: GradeOptions = {}, warm?: Sandbox): Promise<ExerciseResult> {
  const spec = specOf(target, options);
  const open = (tripwires: readonly string[]): Sandbox => {
    const expected = spec.tripwires ?? target.exercise.functions;
    if (warm && tripwires === expected) return warm;
    warm?.close();
    return newSandbox(target, tripwires);
  };
  return gradeWithSandbox(target.exercise, spec, open, options);
}

/** Grades several exercises, a few at a time; the report lists them in the order given. */
export async function grade(targets: readonly GradeTarget[], options: GradeOptions = {}): Promise<GradeReport> {
  const concurrency = Math.max(1, options.concurrency ?? Math.min(4, availableParallelism()));
  const results: ExerciseResult[] = new Array(targets.length);
  // The sandbox of the exercise a worker takes next is started while the current one is graded, so
  // that process start-ups (most of the time of a small exercise) overlap grading.
  const warmed = new Map<number, Sandbox>();
  const warmUp = (i: number): void => {
    if (i >= targets.length || warmed.has(i) || options.onlyCase) return;
    const spec = specOf(targets[i], options);
    warmed.set(i, newSandbox(targets[i], spec.tripwires ?? targets[i].exercise.functions).warm());
  };
  // The longest first (by time limit: the capstone trains for a minute), so that the others are graded
  // on the other cores meanwhile instead of it starting last and running alone. The report keeps the
  // order given.
  const order = targets.map((_, i) => i).sort((a, b) => targets[b].exercise.timeLimitMs - targets[a].exercise.timeLimitMs || a - b);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < targets.length) {
      const k = next++;
      const i = order[k];
      const warm = warmed.get(i);
      warmed.delete(i);
      if (k + concurrency < targets.length) warmUp(order[k + concurrency]);
      results[i] = await gradeExercise(targets[i], options, warm);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, targets.length) }, worker));
  } finally {
    for (const s of warmed.values()) s.close();
  }
  return totals(results);
}
