/**
 * A class's submissions: one folder or zip per student in a directory. Each is copied into its own
 * work folder shaped like the repository's `exercises/` (the student's exercise folders, and the
 * kit's own trusted files around them), so it can be graded without touching the original or the
 * other students'. Submissions are untrusted: symlinks are not followed, zips are read with a size
 * budget and without path traversal, and only files of the course's exercise folders are kept.
 */
import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Exercise } from '@convkit/course-config/node';
import { readZip } from '../zip.ts';

export interface Submission {
  /** The student's name: the folder's or zip's name without `.zip`. */
  student: string;
  path: string;
  kind: 'folder' | 'zip';
}

/** Every student's submission in `dir`, sorted by name (hidden entries and other files are left out). */
export function findSubmissions(dir: string): Submission[] {
  if (!existsSync(dir)) throw new Error(`findSubmissions: expected a folder of submissions, got no such folder ${dir}`);
  return readdirSync(dir)
    .filter((name) => !name.startsWith('.'))
    .sort()
    .flatMap((name): Submission[] => {
      const path = join(dir, name);
      const stat = lstatSync(path);
      if (stat.isDirectory()) return [{ student: name, path, kind: 'folder' }];
      if (stat.isFile() && name.toLowerCase().endsWith('.zip')) return [{ student: name.slice(0, -4), path, kind: 'zip' }];
      return [];
    });
}

/** A file name safe for any file system, from a student's name. */
export function safeFileName(student: string): string {
  return student.replace(/[^\w@+-]+/g, '_').slice(0, 120) || '_';
}

const MAX_FILE_BYTES = 1024 * 1024;
const KEEP = /\.(ts|mts|js|mjs|json|md)$/;

/** The files of a submission as (relative path → content), read without following symlinks. */
function readSubmission(sub: Submission): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  if (sub.kind === 'zip') {
    for (const e of readZip(readFileSync(sub.path))) files.set(e.name, e.data);
    return files;
  }
  const walk = (dir: string, rel: string, depth: number): void => {
    if (depth > 6) return;
    for (const name of readdirSync(dir)) {
      if (name === 'node_modules' || name === '.git') continue;
      const path = join(dir, name);
      const stat = lstatSync(path);
      if (stat.isDirectory()) walk(path, `${rel}${name}/`, depth + 1);
      else if (stat.isFile() && stat.size <= MAX_FILE_BYTES && KEEP.test(name)) files.set(`${rel}${name}`, readFileSync(path));
    }
  };
  walk(sub.path, '', 0);
  return files;
}

/**
 * Where the student's exercise folders are inside the submission: `''` when they are at its top,
 * `exercises/` for a copy of the kit, `alice/exercises/` for a zip of the kit's folder, …
 */
function exercisesPrefix(files: Map<string, Uint8Array>, ids: readonly string[]): string | null {
  let best: string | null = null;
  for (const path of files.keys()) {
    for (const id of ids) {
      const at = path.indexOf(`${id}/`);
      if (at >= 0 && (at === 0 || path[at - 1] === '/')) {
        const prefix = path.slice(0, at);
        if (best === null || prefix.length < best.length) best = prefix;
      }
    }
  }
  return best;
}

export interface PreparedSubmission {
  /** The work folder's `exercises/`: grade with `planGrade({ exercisesDir })`. */
  exercisesDir: string;
  /** Exercise ids the submission had a folder or a file for (the others hold the untouched stub). */
  submitted: string[];
  /** When nothing matched: what was expected and what came. */
  note: string | null;
}

/**
 * Lays out one submission in `workDir`: `exercises/` with the kit's trusted top-level files (the
 * manifest, `not-implemented.ts`), the untouched stubs, then the student's exercise folders (or bare
 * stub files) over them, and a `node_modules` link so `@convkit/engine` resolves as in the kit. In
 * official grading `repoExercisesDir` is the RUNTIME's (the student kit's), so the engine student
 * code gets is the answer-free one.
 */
export function prepareSubmission(sub: Submission, workDir: string, repoExercisesDir: string, exercises: readonly Exercise[]): PreparedSubmission {
  rmSync(workDir, { recursive: true, force: true });
  const exercisesDir = join(workDir, 'exercises');
  mkdirSync(exercisesDir, { recursive: true });
  for (const name of readdirSync(repoExercisesDir)) {
    const path = join(repoExercisesDir, name);
    if (lstatSync(path).isFile() && (name.endsWith('.ts') || name === 'package.json')) copyFileSync(path, join(exercisesDir, name));
  }
  for (const e of exercises) {
    const stub = join(repoExercisesDir, e.file);
    mkdirSync(join(exercisesDir, dirname(e.file)), { recursive: true });
    if (existsSync(stub)) copyFileSync(stub, join(exercisesDir, e.file));
  }
  symlinkSync(join(repoExercisesDir, 'node_modules'), join(exercisesDir, 'node_modules'), 'dir');

  const files = readSubmission(sub);
  const ids = exercises.map((e) => e.id);
  const prefix = exercisesPrefix(files, ids);
  const submitted = new Set<string>();
  if (prefix !== null) {
    for (const [path, data] of files) {
      if (!path.startsWith(prefix)) continue;
      const rel = path.slice(prefix.length);
      const id = rel.split('/')[0];
      if (!ids.includes(id) || !KEEP.test(basename(rel)) || data.length > MAX_FILE_BYTES) continue;
      mkdirSync(join(exercisesDir, dirname(rel)), { recursive: true });
      writeFileSync(join(exercisesDir, rel), data);
      submitted.add(id);
    }
  }
  if (prefix === null) {
    // Bare files (Gradescope's most common upload: the .ts files without their folders, or a zip of
    // them): each stub's file name says which exercise it is.
    for (const [path, data] of files) {
      const e = exercises.find((x) => basename(x.file) === basename(path));
      if (!e || submitted.has(e.id) || data.length > MAX_FILE_BYTES) continue;
      writeFileSync(join(exercisesDir, e.file), data);
      submitted.add(e.id);
    }
  }
  const found = ids.filter((id) => submitted.has(id));
  const note =
    found.length > 0
      ? null
      : `no exercise file found in the submission; expected the folders exercises/NN-slug/ or files named ${exercises.map((e) => `${basename(e.file)} (${e.id})`).join(', ')}` +
        (files.size > 0 ? `; got ${[...files.keys()].slice(0, 10).join(', ')}${files.size > 10 ? ', …' : ''}` : '; got no files');
  return { exercisesDir, submitted: found, note };
}

/**
 * The student's own version of each exercise's main file (the stub they edit), exercise id → text,
 * found as `prepareSubmission` finds it; exercises they sent nothing for are absent.
 */
export function exerciseSources(sub: Submission, exercises: readonly Exercise[]): Map<string, string> {
  const files = readSubmission(sub);
  const prefix = exercisesPrefix(
    files,
    exercises.map((e) => e.id),
  );
  const sources = new Map<string, string>();
  for (const e of exercises) {
    const data = prefix !== null ? files.get(`${prefix}${e.file}`) : [...files].find(([path]) => basename(path) === basename(e.file))?.[1];
    if (data && data.length <= MAX_FILE_BYTES) sources.set(e.id, Buffer.from(data).toString('utf8'));
  }
  return sources;
}
