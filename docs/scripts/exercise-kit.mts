/**
 * What the site's in-browser grader needs, per exercise of the course, written to static/exercise-kit/:
 *   index.json   the course's exercises (id, title, the file the student edits, its stub) and the shared
 *                files a stub imports (exercises/not-implemented.ts): the progress strip and the worker's files
 *   <id>.json    one exercise: points, limits, tolerance, functions, hints, its stub, and its RECORDED CHECKS
 *                (packages/grader/src/record/): inputs and the reference's expected outputs, as numbers
 * Expectations, not implementations: no spec, no solution, no engine op reaches these files, and an exercise
 * with `visibleTests: false` gets no recorded checks at all (the page says it is graded by the instructor).
 * The course is course.config.ts or the file CONVKIT_COURSE_CONFIG names, resolved by @convkit/course.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadCourse } from '@convkit/course-config/node';
import { recordExercise, type ExerciseSpec, type RecordedExercise } from '@convkit/grader';

/** Shared files that stubs import, relative to exercises/. */
const SHARED = ['not-implemented.ts'];

export interface KitIndex {
  exercises: { id: string; title: string; file: string; stub: string }[];
  shared: Record<string, string>;
}

export interface KitExercise {
  id: string;
  title: string;
  points: number;
  timeLimitMs: number;
  /** Node's sandbox limit (the browser cannot limit a worker's memory): kept so the kit describes the exercise whole. */
  memoryLimitMb: number;
  tolerance: number;
  functions: string[];
  /** The file the student edits, relative to exercises/ (`02-conv-forward/conv-forward.ts`). */
  file: string;
  readme: string;
  hints: string[];
  stub: string;
  visibleTests: boolean;
  /** Null for a hidden exercise. */
  recorded: RecordedExercise | null;
}

export async function writeExerciseKit(repoRoot: string, outDir: string): Promise<{ exercises: number; recorded: number; bytes: number }> {
  const course = await loadCourse(repoRoot);
  const exercisesDir = join(repoRoot, 'exercises');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const read = (path: string): string => readFileSync(join(exercisesDir, path), 'utf8');
  let bytes = 0;
  let recordedCount = 0;
  const write = (name: string, value: unknown): void => {
    const text = JSON.stringify(value);
    bytes += text.length;
    writeFileSync(join(outDir, name), text);
  };
  for (const e of course.exercises) {
    let recorded: RecordedExercise | null = null;
    if (e.visibleTests) {
      const spec = (await import(pathToFileURL(join(exercisesDir, e.id, '.meta', 'spec.ts')).href)) as ExerciseSpec;
      recorded = await recordExercise(spec, e);
      recordedCount++;
    }
    const kit: KitExercise = {
      id: e.id,
      title: e.title,
      points: e.points,
      timeLimitMs: e.timeLimitMs,
      memoryLimitMb: e.memoryLimitMb,
      tolerance: e.tolerance,
      functions: [...e.functions],
      file: e.file,
      readme: e.readme,
      hints: [...e.hints],
      stub: read(e.file),
      visibleTests: e.visibleTests,
      recorded,
    };
    write(`${e.id}.json`, kit);
  }
  const index: KitIndex = {
    exercises: course.exercises.map((e) => ({ id: e.id, title: e.title, file: e.file, stub: read(e.file) })),
    shared: Object.fromEntries(SHARED.map((f) => [f, read(f)])),
  };
  write('index.json', index);
  return { exercises: course.exercises.length, recorded: recordedCount, bytes };
}
