/**
 * Loads a repository's course: its `course.config.ts`, checked against the exercise manifest and the
 * docs pages, with every exercise resolved to its effective points, limits, tolerance and visibility.
 * Node-only (reads the file system). The grader, `pnpm course` and the exports all go through here.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readExercises, type Exercise } from './manifest.ts';
import { validateCourse, type CourseConfig } from './config.ts';

/** Default relative tolerance of the grader's comparisons (the grader issue's 1e-6). */
export const DEFAULT_TOLERANCE = 1e-6;

/** A manifest exercise with the course's settings applied. */
export interface CourseExerciseResolved extends Exercise {
  readonly tolerance: number;
  readonly visibleTests: boolean;
}

export interface Course {
  readonly root: string;
  readonly config: CourseConfig;
  /** The course's exercises in its order, with its points and limits. */
  readonly exercises: readonly CourseExerciseResolved[];
}

/** Docs page ids under `docs/docs` (`volumes`, `instructors/publishing`), without generated folders. */
export function docsPageIds(root: string): string[] {
  const base = join(root, 'docs', 'docs');
  const ids: string[] = [];
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (dir === base && (name === 'exercises' || name === 'api')) continue; // generated at build time
        walk(path);
      } else if (/\.mdx?$/.test(name))
        ids.push(
          relative(base, path)
            .split(sep)
            .join('/')
            .replace(/\.mdx?$/, ''),
        );
    }
  };
  walk(base);
  return ids;
}

/** The exercises of the workspace at `root` (its `exercises/NN-slug/exercise.json` folders). */
export async function manifestExercises(root: string): Promise<readonly Exercise[]> {
  return readExercises(join(root, 'exercises'));
}

/** The config's exercises merged over the manifest's (validated config assumed). */
export function resolveExercises(config: CourseConfig, manifest: readonly Exercise[]): CourseExerciseResolved[] {
  return config.exercises.map((c) => {
    const base = manifest.find((e) => e.id === c.id);
    if (!base) throw new Error(`resolveExercises: unknown exercise ${c.id}`);
    return {
      ...base,
      points: c.points ?? base.points,
      timeLimitMs: c.timeLimitMs ?? base.timeLimitMs,
      memoryLimitMb: c.memoryLimitMb ?? base.memoryLimitMb,
      tolerance: c.tolerance ?? config.tolerance ?? DEFAULT_TOLERANCE,
      visibleTests: c.visibleTests ?? config.visibleTests ?? true,
    };
  });
}

/**
 * Loads and checks `<root>/course.config.ts` (or `file`); throws a CourseConfigError naming the field.
 * `file` may also be given by the `CONVKIT_COURSE_CONFIG` environment variable.
 */
export async function loadCourse(root: string, file = process.env.CONVKIT_COURSE_CONFIG ?? join(root, 'course.config.ts')): Promise<Course> {
  if (!existsSync(file)) throw new Error(`loadCourse: expected a course config at ${file}, got no such file`);
  const mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
  const manifest = await manifestExercises(root);
  const config = validateCourse(
    mod.default,
    { exercises: manifest.map((e) => e.id), chapters: existsSync(join(root, 'docs', 'docs')) ? docsPageIds(root) : null },
    file.startsWith(root + sep) ? relative(root, file) : file,
  );
  return { root, config, exercises: resolveExercises(config, manifest) };
}
