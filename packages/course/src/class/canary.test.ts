/**
 * The canary: the reference is graded first like a student's work, and a grading environment that
 * would not give it full marks stops class grading before any student gets a wrong zero.
 */
import { describe, expect, it } from 'vitest';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readExercises } from '@convkit/course-config/node';
import { loadCourse } from '@convkit/course-config/node';
import { CanaryError, writeCanary } from './canary.ts';
import { gradeClass, type ClassOptions } from './grade-class.ts';
import { ProtectionError } from './protection.ts';
import { isolationForTests } from './test-isolation.ts';

const root = join(import.meta.dirname, '..', '..', '..', '..');
const all = readExercises(join(root, 'exercises'));
const full = await loadCourse(root);
/** Separate user ids (as root): on this checkout, or on a student runtime of exercise 01 when it is private (CI). */
const { isolated, options: isolation } = await isolationForTests({ ...full, exercises: full.exercises.filter((e) => e.id === '01-output-size') });

/** A class of one honest student for exercise 01, graded with the canary taken from `keyDir`. */
async function gradeWithCanary(keyDir: string, env: Record<string, string> = {}, extra: Partial<ClassOptions> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'convkit-canary-test-'));
  const subs = join(dir, 'submissions');
  mkdirSync(join(subs, 'ann'), { recursive: true });
  copyFileSync(join(root, 'exercises', '01-output-size', '.meta', 'solution.ts'), join(subs, 'ann', 'output-size.ts'));
  const course = await loadCourse(root);
  // Set and restored key by key: replacing process.env itself would cut it off from the real environment
  // (os.tmpdir() would no longer see TMPDIR, while child processes still would).
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  const phases: string[] = [];
  try {
    const result = await gradeClass({
      submissionsDir: subs,
      outDir: join(dir, 'out'),
      repoExercisesDir: join(root, 'exercises'),
      exercises: course.exercises.filter((e) => e.id === '01-output-size'),
      canaryFrom: keyDir,
      onCanary: (phase) => phases.push(phase),
      concurrency: 1,
      studentTimeoutMs: 60_000,
      ...extra,
    });
    return { result, phases, gradebookWritten: existsSync(join(dir, 'out', 'gradebook.csv')), error: null };
  } catch (error) {
    return { result: null, phases, gradebookWritten: existsSync(join(dir, 'out', 'gradebook.csv')), error: error as Error };
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('writeCanary', () => {
  it('puts each reference at its stub path and points its imports of other references at their stubs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'convkit-canary-write-'));
    const ids = ['01-output-size', '02-conv-forward', '09-capstone'];
    const sub = writeCanary(
      join(root, 'exercises'),
      all.filter((e) => ids.includes(e.id)),
      dir,
    );
    expect(sub.kind).toBe('folder');
    const conv = readFileSync(join(dir, '02-conv-forward', 'conv-forward.ts'), 'utf8');
    expect(conv).toContain("from '../01-output-size/output-size.ts'");
    const capstone = readFileSync(join(dir, all.find((e) => e.id === '09-capstone')!.file), 'utf8');
    expect(capstone).not.toMatch(/\.meta/);
    expect(capstone).toContain("from '../07-conv-backward/conv-backward.ts'");
    rmSync(dir, { recursive: true, force: true });
  });

  it('names the missing reference', () => {
    const empty = mkdtempSync(join(tmpdir(), 'convkit-canary-empty-'));
    expect(() => writeCanary(empty, all.slice(0, 1), join(empty, 'out'))).toThrow(
      /canary: expected the reference solution of 01-output-size at .*solution\.ts, got no such file/,
    );
    rmSync(empty, { recursive: true, force: true });
  });
});

describe('gradeClass with the canary (exercise 01)', () => {
  it('grades the class after the reference got full marks', async () => {
    const { result, phases, error } = await gradeWithCanary(join(root, 'exercises'));
    expect(error).toBeNull();
    expect(phases).toEqual(['start', 'passed']);
    // biome-ignore format: a tensor literal, kept on one line
    expect(result!.reports.map((r) => [r.student, r.score]), JSON.stringify(result!.reports[0]).slice(0, 2000)).toEqual([['ann', 5]]);
  }, 120_000);

  it('stops before any student, with the failing test, when the reference does not get full marks', async () => {
    // A key whose reference floors instead of rejecting: a stand-in for any environment that marks correct work wrong.
    const key = mkdtempSync(join(tmpdir(), 'convkit-canary-key-'));
    mkdirSync(join(key, '01-output-size', '.meta'), { recursive: true });
    copyFileSync(join(root, 'exercises', '01-output-size', 'exercise.json'), join(key, '01-output-size', 'exercise.json'));
    writeFileSync(
      join(key, '01-output-size', '.meta', 'solution.ts'),
      'export function outputSize(n: number, f: number, s: number, p = 0): number {\n  return Math.floor((n - f + 2 * p) / s) + 1;\n}\n',
    );
    const { error, phases, gradebookWritten } = await gradeWithCanary(key);
    rmSync(key, { recursive: true, force: true });
    expect(error).toBeInstanceOf(CanaryError);
    expect(error!.message).toMatch(/reference solutions did not get full marks .*nothing was graded\.\n\s+01-output-size: [\d.]+\/5, first failure ".+": /s);
    expect(phases).toEqual(['start']);
    expect(gradebookWritten).toBe(false);
  }, 120_000);

  // The reported failure: grading users that cannot write TMPDIR gave the whole class 0 with exit 0.
  it.runIf(isolated)(
    'stops when the grading users cannot write the temp folder, instead of a class of zeros',
    async () => {
      const privateTmp = mkdtempSync(join(tmpdir(), 'convkit-canary-tmp-'));
      chmodSync(privateTmp, 0o700);
      const { error, result } = await gradeWithCanary(join(root, 'exercises'), { TMPDIR: privateTmp }, isolation);
      rmSync(privateTmp, { recursive: true, force: true });
      const why = String(JSON.stringify(result?.reports[0])).slice(0, 2000);
      if (isolation.runtimeDir) {
        // Official grading (a student runtime) probes first: the work folder under TMPDIR is out of reach.
        expect(error, why).toBeInstanceOf(ProtectionError);
        expect(error!.message).toMatch(new RegExp(`could not reach what it needs to run:\\n\\s+${privateTmp}/convkit-class-\\w+ \\(EACCES\\)`));
      } else {
        // On the checkout itself the canary is what stops it: the reference scores 0 there.
        expect(error, why).toBeInstanceOf(CanaryError);
      }
    },
    120_000,
  );
});
