/**
 * Grades ONE student's work folder and sends the report to the class grader over IPC (never on
 * stdout, which the student's code could write to). Started by grade-class.ts, one process per
 * student; the grader's own sandbox runs each exercise's code in a further child process.
 */
import { join } from 'node:path';
import { grade } from '@convkit/grader';
import type { ExerciseResult, GradeReport } from '@convkit/grader';
import type { CourseExerciseResolved } from '@convkit/course-config/node';

export interface RunnerInput {
  exercisesDir: string;
  exercises: CourseExerciseResolved[];
  /** Random tests also run fresh cases from this seed, never recorded in a kit (see SpecContext.freshSeed). */
  freshSeed?: number;
}

export type RunnerMessage =
  /** One exercise done: kept by the class grader even if the student's time budget runs out later. */
  { type: 'exercise'; result: ExerciseResult } | { type: 'report'; report: GradeReport } | { type: 'error'; message: string };

const send = (message: RunnerMessage): Promise<void> => new Promise((done) => process.send!(message, () => done()));

try {
  const input = JSON.parse(process.argv[2]) as RunnerInput;
  const targets = input.exercises.map((exercise) => ({ exercise, file: join(input.exercisesDir, exercise.file) }));
  const report = await grade(targets, {
    concurrency: 1,
    freshSeed: input.freshSeed,
    onEvent: (event) => {
      if (event.type === 'exercise-done') process.send!({ type: 'exercise', result: event.result } satisfies RunnerMessage);
    },
  });
  await send({ type: 'report', report });
} catch (error) {
  await send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
process.exit(0);
