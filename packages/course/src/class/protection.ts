/**
 * Official grading keeps the answer key out of student code's reach: the code runs as an
 * unprivileged user that must NOT be able to read the key (the exercises' `.meta/`, the real engine's
 * ops and fast kernels), the class's submissions, gradebook and reports, and MUST be able to read the
 * answer-free runtime it runs on and its own work folder. Before grading, a probe run AS that user
 * checks both lists, and grading refuses to start when either fails: a loud error, never a silent 0.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export class ProtectionError extends Error {
  override name = 'ProtectionError';
}

export interface ProbeResult {
  /** Secret paths the user could read (must be empty). */
  leaked: string[];
  /** Needed paths the user could not read, with the reason (must be empty). */
  unreachable: string[];
}

/** What official grading keeps from student code in a grader workspace or repository: the answer key. */
export function keyPaths(graderRoot: string): string[] {
  const paths: string[] = [];
  const exercises = join(graderRoot, 'exercises');
  if (existsSync(exercises)) {
    for (const id of readdirSync(exercises)) {
      const meta = join(exercises, id, '.meta');
      if (existsSync(meta) && statSync(meta).isDirectory()) for (const f of readdirSync(meta)) paths.push(join(meta, f));
    }
  }
  for (const dir of ['ops', 'fast']) {
    const at = join(graderRoot, 'packages', 'engine', 'src', dir);
    if (existsSync(at)) for (const f of readdirSync(at)) if (f.endsWith('.ts')) paths.push(join(at, f));
  }
  return paths;
}

/**
 * The script the probe runs as the grading user. A secret leaks when the user can read it (a folder:
 * list it). A needed file must be readable; a needed folder only enterable (a class's work root is
 * mode 0711: each student may pass through it to their own folder, never list the others').
 */
const PROBE = `
const fs = require('node:fs');
const [secret, needed] = JSON.parse(process.argv[1]);
const tryRead = (p) => { try { fs.statSync(p).isDirectory() ? fs.readdirSync(p) : fs.closeSync(fs.openSync(p, 'r')); return null; } catch (e) { return e.code || String(e); } };
const tryReach = (p) => { try { fs.statSync(p).isDirectory() ? fs.accessSync(p, fs.constants.X_OK) : fs.closeSync(fs.openSync(p, 'r')); return null; } catch (e) { return e.code || String(e); } };
process.stdout.write(JSON.stringify({
  leaked: secret.filter((p) => tryRead(p) === null),
  unreachable: needed.map((p) => [p, tryReach(p)]).filter(([, e]) => e !== null).map(([p, e]) => p + ' (' + e + ')'),
}));`;

/** Runs the probe as `uid`/`gid`. */
export function probeAs(uid: number, gid: number, paths: { secret: readonly string[]; needed: readonly string[] }): ProbeResult {
  const r = spawnSync(process.execPath, ['-e', PROBE, JSON.stringify([paths.secret, paths.needed])], { uid, gid, encoding: 'utf8', cwd: '/' });
  if (r.status !== 0) {
    throw new ProtectionError(
      `the access probe could not run as user ${uid} (${r.error?.message ?? `exit code ${r.status}`}): ${r.stderr.trim().slice(0, 400)}`,
    );
  }
  return JSON.parse(r.stdout) as ProbeResult;
}

/** Throws a ProtectionError that says what is wrong and how to fix it, unless the probe comes back clean. */
export function assertProtected(uid: number, gid: number, paths: { secret: readonly string[]; needed: readonly string[] }): void {
  if (paths.secret.length === 0) throw new ProtectionError('the access probe was given no secret paths to check: nothing would be verified');
  const { leaked, unreachable } = probeAs(uid, gid, paths);
  const problems: string[] = [];
  if (leaked.length > 0) {
    problems.push(
      `student code (user ${uid}) could read ${leaked.length} file(s) it must not, e.g.\n${leaked
        .slice(0, 5)
        .map((p) => `  ${p}`)
        .join('\n')}\n` +
        'Make the folders that hold them private to the grader (chmod 700 on the course repository, the submissions and the output folder), then grade again.',
    );
  }
  if (unreachable.length > 0) {
    problems.push(
      `student code (user ${uid}) could not reach what it needs to run:\n${unreachable
        .slice(0, 5)
        .map((p) => `  ${p}`)
        .join('\n')}\n` +
        'Every folder above these must be searchable by other users (chmod o+x); if they sit under TMPDIR, point TMPDIR at a folder such as /tmp.',
    );
  }
  if (problems.length > 0) throw new ProtectionError(`refusing to grade: ${problems.join('\n')}`);
}
