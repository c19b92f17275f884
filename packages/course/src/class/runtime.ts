/**
 * The runtime student code runs on in official grading: the course's student kit (answer-free
 * engine, the grader's sandbox script, tsx), installed in a folder of its own that the grading users
 * can read. The grader points its sandbox at it with CONVKIT_SANDBOX_RUNTIME, and each student's work
 * folder links to its `exercises/node_modules`, so `@convkit/engine` in student code is the student
 * engine, never the real one.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Course } from '@convkit/course-config/node';
import { buildStarterKit } from '../release/starter-kit.ts';

/** Makes `dir` and everything under it readable (and folders searchable) by every user. */
export function openToAll(dir: string): void {
  const walk = (path: string): void => {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) return;
    chmodSync(path, stat.isDirectory() || stat.mode & 0o100 ? stat.mode | 0o555 : stat.mode | 0o444);
    if (stat.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
  };
  walk(dir);
}

/** The files the sandbox needs from a runtime: the grading user must be able to read each. */
export function runtimeFiles(runtime: string): string[] {
  return [
    join(runtime, 'packages', 'grader', 'src', 'sandbox', 'child.ts'),
    join(runtime, 'node_modules', 'tsx', 'dist', 'loader.mjs'),
    join(runtime, 'packages', 'engine', 'src', 'index.ts'),
    join(runtime, 'exercises', 'node_modules', '@convkit', 'engine', 'src', 'index.ts'),
  ];
}

/** Installs an already built kit's dependencies from the pnpm store (no download when it has them). */
export function installRuntime(runtime: string): void {
  const r = spawnSync('pnpm', ['install', '--frozen-lockfile', '--prefer-offline', '--reporter=append-only'], {
    cwd: runtime,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true' },
  });
  if (r.status !== 0) throw new Error(`installRuntime: pnpm install failed in ${runtime}:\n${(r.stdout + r.stderr).slice(-3000)}`);
  for (const f of runtimeFiles(runtime)) if (!existsSync(f)) throw new Error(`installRuntime: expected ${f} after the install, got no such file`);
}

/** Builds the course's student kit into `dir`, installs it and opens it to every user. */
export async function prepareRuntime(course: Course, dir: string): Promise<string> {
  await buildStarterKit(course, dir);
  installRuntime(dir);
  openToAll(dir);
  return dir;
}
