/**
 * Grading in the browser from recorded checks (packages/grader/src/record/): the page has the exercise's
 * expected outputs, never its reference or spec, and grades the student's code in a Web Worker with the
 * same judge, messages, partial credit and tripwires as `pnpm grade` (replaySpec + scoreTests). Tests the
 * browser cannot run (the capstone, which trains on MNIST under the grader's CPU limits) are listed as
 * not run here; the score is over the tests that ran.
 */
import { replaySpec } from '../record/replay.ts';
import type { RecordedExercise } from '../record/format.ts';
import type { Exercise } from '@convkit/course-config/node';
import type { ExerciseResult } from '../report.ts';
import { gradeWithSandbox, type GradeEvent } from '../score.ts';
import { BrowserSandbox, type WorkerLike } from './sandbox.ts';

export interface BrowserGradeOptions {
  /** The exercise with the course's points, time limit and tolerance. */
  exercise: Exercise & { readonly tolerance?: number };
  recorded: RecordedExercise;
  /** Paths below `exercises/` → TypeScript source: the student's file and the files it may import. */
  files: Record<string, string>;
  /** The student's file among `files`. */
  entry: string;
  spawn: () => WorkerLike;
  onEvent?: (event: GradeEvent) => void;
}

export interface BrowserGrade {
  result: ExerciseResult;
  /** Names of the recorded tests the browser does not run (graded by `pnpm grade` only). */
  notRun: string[];
}

/** The recorded tests the browser can run, and the names of the others. */
export function browserTests(recorded: RecordedExercise): { runnable: RecordedExercise; notRun: string[] } {
  const runnable = recorded.tests.filter((t) => t.kind !== 'capstone');
  return { runnable: { ...recorded, tests: runnable }, notRun: recorded.tests.filter((t) => t.kind === 'capstone').map((t) => t.name) };
}

export async function gradeInBrowser(options: BrowserGradeOptions): Promise<BrowserGrade> {
  const { exercise, recorded } = options;
  const { runnable, notRun } = browserTests(recorded);
  const open = (tripwires: readonly string[]): BrowserSandbox =>
    new BrowserSandbox({
      spawn: options.spawn,
      load: { files: options.files, entry: options.entry, tripwires: [...tripwires] },
      timeLimitMs: exercise.timeLimitMs,
    });
  const result = await gradeWithSandbox(exercise, replaySpec(runnable), open, { onEvent: options.onEvent });
  return { result, notRun };
}
