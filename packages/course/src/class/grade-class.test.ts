/**
 * Class grading end to end on exercise 01 only (fast): a correct student next to hostile, hanging and
 * damaged submissions, graded at the same time. None of them may change another student's result.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCourse } from '@convkit/course-config/node';
import { writeZip } from '../zip.ts';
import { gradeClass, type ClassResult } from './grade-class.ts';
import { isolationForTests } from './test-isolation.ts';

const root = join(import.meta.dirname, '..', '..', '..', '..');
const reference = readFileSync(join(root, 'exercises', '01-output-size', '.meta', 'solution.ts'), 'utf8');
/** The reference with `body` run at the start of every call. */
const withBody = (body: string): string => reference.replace(/(export function outputSize\([^)]*\): number \{)/, `$1\n  ${body}\n`);

let dir: string;
let result: ClassResult;
const full = await loadCourse(root);
const course = { ...full, exercises: full.exercises.filter((e) => e.id === '01-output-size') };
/** Separate user ids per slot (as root): on this checkout, or on a student runtime when it is private (CI). */
const { isolated, options: isolation } = await isolationForTests(course);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'convkit-class-test-'));
  const subs = join(dir, 'submissions');
  const put = (student: string, source: string): void => {
    mkdirSync(join(subs, student, 'exercises', '01-output-size'), { recursive: true });
    writeFileSync(join(subs, student, 'exercises', '01-output-size', 'output-size.ts'), source);
  };
  put('ann', reference);
  // Deletes every other student's work folder and tries to plant a report, on every call.
  put(
    'bob',
    withBody(
      `try { const fs = process.getBuiltinModule('node:fs'); const here = new URL('../../..', import.meta.url).pathname; for (const d of fs.readdirSync(here)) if (!d.startsWith('bob')) fs.rmSync(here + d, { recursive: true, force: true }); } catch {}`,
    ),
  );
  put('cat', withBody('process.kill(process.ppid, "SIGKILL");'));
  put('dan', `for (;;) {}\n${reference}`); // hangs while loading: only the student's time budget stops it
  writeFileSync(
    join(subs, 'eve.zip'),
    writeZip([
      { name: '../../../escaped.ts', data: Buffer.from('export const x = 1;') },
      { name: 'eve/exercises/01-output-size/output-size.ts', data: Buffer.from(reference) },
    ]),
  );
  writeFileSync(join(subs, 'fay.zip'), Buffer.from('this is not a zip archive, whatever its name says'));

  result = await gradeClass({
    submissionsDir: subs,
    outDir: join(dir, 'out'),
    repoExercisesDir: join(root, 'exercises'),
    exercises: course.exercises,
    concurrency: 3,
    studentTimeoutMs: 25_000,
    ...isolation,
  });
}, 240_000);

describe('gradeClass: 6 submissions on exercise 01, 3 at a time', () => {
  const byName = (s: string) => result.reports.find((r) => r.student === s)!;

  it('writes a gradebook row and a JSON report for every student, in name order', () => {
    const rows = result.gradebook.trim().split('\r\n');
    expect(rows[0]).toBe('student,01-output-size,01-output-size status,total,late penalty,override,final,max,submitted at,time source,days late,error');
    expect(rows.slice(1).map((r) => r.split(',')[0])).toEqual(['ann', 'bob', 'cat', 'dan', 'eve', 'fay']);
    expect(
      readdirSync(join(dir, 'out', 'reports'))
        .filter((f) => f.endsWith('.json'))
        .sort(),
    ).toEqual(['ann.json', 'bob.json', 'cat.json', 'dan.json', 'eve.json', 'fay.json']);
    const ann = JSON.parse(readFileSync(join(dir, 'out', 'reports', 'ann.json'), 'utf8')) as { student: string; exercises: { id: string }[] };
    expect([ann.student, ann.exercises[0].id]).toEqual(['ann', '01-output-size']);
  });

  // Without separate user ids bob could delete ann's folder mid-grading: this holds only with them.
  it.runIf(isolated)('gives the correct student and the correct zip full marks, whatever the others do', () => {
    expect([byName('ann').score, byName('ann').exercises[0].status]).toEqual([5, 'passed']);
    expect(byName('eve').score).toBe(5);
  });

  it('stops the submission that hangs at its time budget, and reports a damaged zip, each scoring 0', () => {
    expect(byName('dan').score).toBe(0);
    expect(byName('dan').exercises[0].status).toMatch(/timeout|error/);
    expect(byName('fay').error).toMatch(/could not read the submission/);
    expect(byName('fay').score).toBe(0);
  });

  it('never lets a student score by attacking the grader: killing it fails (root) or costs only their own grade', () => {
    const cat = byName('cat');
    expect(cat.score).toBeLessThan(5);
    if (isolated) {
      // Student code runs as another user: the kill is refused and the grader reports it like any throw.
      expect(cat.error).toBeNull();
      expect(cat.exercises[0].tests[0].message).toMatch(/kill EPERM/);
    } else {
      // Without separate users, bob may delete cat's folder before cat runs: either way cat scores
      // nothing, says why, and the class run still completes with a report for everyone.
      expect(cat.error ?? cat.exercises[0].tests[0].message).toMatch(/without a report|failed to load|not started|Cannot find|ENOENT/);
    }
    expect(result.reports.every((r) => r.maxScore === 5)).toBe(true);
  });
});
