/**
 * The exercises in teaching order: the one list the grader (`pnpm grade`), the hints (`pnpm hint`),
 * the scaffolder and the course build read, from the workspace's `exercises/` folder. Each exercise is
 * one folder, Exercism-style:
 *
 *   NN-slug/exercise.json    title, points, the functions written, the stub's file name, hints, limits
 *   NN-slug/README.md        the instructions (the site's exercise page)
 *   NN-slug/<stub>.ts        the file the student edits; NN-slug/<stub>.test.ts its visible tests
 *   NN-slug/.meta/           graders only, stripped from every release: spec.ts (the checks), solution.ts
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface Exercise {
  /** Folder name and the id students type: `pnpm grade 02-conv-forward`. */
  readonly id: string;
  readonly title: string;
  /** Points for passing every test; each test earns its share. */
  readonly points: number;
  /** The functions the student writes, named and typed as in the engine's functional API. */
  readonly functions: readonly string[];
  /** The file the student edits, relative to `exercises/`. */
  readonly file: string;
  /** The instructions, relative to `exercises/`. */
  readonly readme: string;
  /** Progressive hints, shown one at a time by `pnpm hint <id>` (the only copy of the hints). */
  readonly hints: readonly string[];
  /**
   * Time limit of ONE call of a student function (for the capstone: the whole training run), in CPU
   * time of the sandbox, so that a busy machine does not fail correct code.
   */
  readonly timeLimitMs: number;
  /** Memory limit of the sandbox process that runs the student's code. */
  readonly memoryLimitMb: number;
}

/** What `exercises/NN-slug/exercise.json` holds: the exercise minus what its folder already says. */
type ExerciseJson = Omit<Exercise, 'id' | 'file' | 'readme'> & { file: string };

/**
 * The exercises found by convention: every folder `NN-slug/` of `dir` with an `exercise.json`, in the
 * order of their numbers. Adding an exercise means adding its folder.
 */
export function readExercises(dir: string): Exercise[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^\d\d-[a-z0-9-]+$/.test(d.name) && existsSync(join(dir, d.name, 'exercise.json')))
    .map((d) => d.name)
    .sort()
    .map((id): Exercise => {
      const json = JSON.parse(readFileSync(join(dir, id, 'exercise.json'), 'utf8')) as ExerciseJson;
      return { ...json, id, file: `${id}/${json.file}`, readme: `${id}/README.md` };
    });
}

/**
 * The workspace root: the folder holding `exercises/`, `packages/` and `course.config.ts`. This package
 * sits at `packages/course-config/` in the repository, the student kit and the grading workspace alike.
 */
export const repoRoot: string = resolve(import.meta.dirname, '..', '..', '..');

/** The workspace's exercises (`<repoRoot>/exercises/`), read once. */
export const exercises: readonly Exercise[] = readExercises(join(repoRoot, 'exercises'));

/** The exercise with this id, or the one whose number or slug matches (`2`, `02`, `conv-forward`). */
export function findExercise(query: string, among: readonly Exercise[] = exercises): Exercise | undefined {
  const q = query
    .trim()
    .replace(/\/+$/, '')
    .replace(/^exercises\//, '');
  return among.find((e) => e.id === q || e.id.slice(3) === q || Number(e.id.slice(0, 2)) === Number(q));
}
