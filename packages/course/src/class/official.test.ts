/**
 * Class grading as official grading: student code runs on the answer-free student runtime, as a
 * separate user, after a probe. A class with an honest student, a cheat that searches the file system
 * for anything computing outputSize (references, the engine's op, classmates' work) and imports or
 * copies it, and a submission of bare files.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { loadCourse, type Course } from '@convkit/course-config/node';
import { gradeClass, type ClassResult } from './grade-class.ts';
import { FIRST_UID } from './isolation.ts';
import { probeAs, ProtectionError, keyPaths } from './protection.ts';
import { prepareRuntime } from './runtime.ts';

const root = join(import.meta.dirname, '..', '..', '..', '..');
const reference = readFileSync(join(root, 'exercises', '01-output-size', '.meta', 'solution.ts'), 'utf8');
const cheat = readFileSync(join(import.meta.dirname, '..', '..', 'test-fixtures', 'cheat-output-size.ts'), 'utf8');
// Root on Linux: the runtime below is built readable by the grading users, so they are separate users
// whether or not this checkout is (a private CI clone is not: the key is then out of their reach).
const isolated = process.getuid?.() === 0 && existsSync('/proc');
/** Whether this checkout keeps its key from other users (a private clone, as CI's `mktemp -d` makes). */
const keyPrivate = isolated && probeAs(FIRST_UID, FIRST_UID, { secret: keyPaths(root), needed: [] }).leaked.length === 0;

/** The deepest folder holding both paths. */
function commonAncestor(a: string, b: string): string {
  const [x, y] = [a.split(sep), b.split(sep)];
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  return x.slice(0, i).join(sep) || sep;
}

let dir: string;
let course: Course;
let runtime: string;
let outcome: ClassResult | Error;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'convkit-official-'));
  chmodSync(dir, 0o711); // the runtime below is reachable; the submissions and results are not (0700)
  const full = await loadCourse(root);
  course = { ...full, exercises: full.exercises.filter((e) => e.id === '01-output-size') };
  runtime = join(dir, 'runtime');
  mkdirSync(runtime);
  await prepareRuntime(course, runtime);
  const subs = join(dir, 'submissions');
  const put = (path: string, text: string): void => {
    mkdirSync(dirname(join(subs, path)), { recursive: true, mode: 0o700 });
    writeFileSync(join(subs, path), text);
  };
  put('ann/exercises/01-output-size/output-size.ts', reference);
  put('bea/output-size.ts', reference); // bare file, as Gradescope uploads come
  put('zed/exercises/01-output-size/output-size.ts', cheat);
  chmodSync(subs, 0o700);
  // The cheat searches everything the class run has in common with the course repository: in CI (both
  // under /tmp) the key, the runtime, the submissions and the class's work folders; at worst all of /.
  process.env.CHEAT_ROOT = commonAncestor(root, dir);
  try {
    outcome = await gradeClass({
      submissionsDir: subs,
      outDir: join(dir, 'out'),
      repoExercisesDir: join(root, 'exercises'),
      runtimeDir: runtime,
      keyRoot: root,
      canaryFrom: join(root, 'exercises'),
      exercises: course.exercises,
      concurrency: 2,
      studentTimeoutMs: 90_000,
    });
  } catch (error) {
    outcome = error as Error;
  } finally {
    delete process.env.CHEAT_ROOT;
  }
}, 300_000);

describe('official class grading on the student runtime (01 only): ann honest, bea bare file, zed a file-system cheat', () => {
  it('the runtime is the answer-free kit: its engine refuses the exercised function', () => {
    expect(readFileSync(join(runtime, 'packages', 'engine', 'src', 'index.ts'), 'utf8')).toMatch(/outputSize is exercise 01/);
  });

  it.runIf(isolated && !keyPrivate)('refuses to grade when the grading user could read the answer key, and says how to fix it', () => {
    expect(outcome).toBeInstanceOf(ProtectionError);
    expect((outcome as Error).message).toMatch(/refusing to grade: student code \(user \d+\) could read .*\.meta.*chmod 700/s);
  });

  it.runIf(keyPrivate)('the cheat scores 0, the honest students full marks, every report protected', () => {
    if (outcome instanceof Error) throw outcome;
    const result = outcome as ClassResult;
    // biome-ignore format: a tensor literal, kept on one line
    expect(result.reports.map((r) => [r.student, r.score, r.protected])).toEqual([['ann', 5, true], ['bea', 5, true], ['zed', 0, true]]);
    expect(result.reports[2].exercises[0].tests.map((t) => t.message).join('\n')).toMatch(/the cheat found nothing to copy|exercise 01|ran out of its/); // 0 either way
  });

  it.runIf(!isolated)('without root, grades but marks every report unprotected', () => {
    const result = outcome as ClassResult;
    expect(result.reports.every((r) => r.protected === false)).toBe(true);
    expect(result.reports.find((r) => r.student === 'ann')!.score).toBe(5);
  });

  it('cleans up', () => {
    rmSync(dir, { recursive: true, force: true });
  });
});
