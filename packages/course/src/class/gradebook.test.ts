import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvCell, failureReport, gradebookCsv } from './gradebook.ts';
import { gradeRows } from './grades.ts';
import { findSubmissions, prepareSubmission, safeFileName } from './submissions.ts';
import { writeZip } from '../zip.ts';
import type { CourseExerciseResolved } from '@convkit/course-config/node';

const ex = (id: string, points: number, file: string): CourseExerciseResolved => ({
  id,
  title: id,
  points,
  functions: [],
  file: `${id}/${file}`,
  readme: `${id}/README.md`,
  hints: [],
  timeLimitMs: 1000,
  memoryLimitMb: 256,
  tolerance: 1e-6,
  visibleTests: true,
});
const exercises = [ex('01-output-size', 5, 'output-size.ts'), ex('02-conv-forward', 15, 'conv-forward.ts')];

describe('gradebook', () => {
  it('quotes commas, quotes and newlines, and defuses formula-like names', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('Doe, Jane')).toBe('"Doe, Jane"');
    expect(csvCell('say "hi"\nthere')).toBe('"say ""hi""\nthere"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(-5)).toBe('-5'); // numbers stay numbers
  });

  it('has one row per student and one column per exercise, a failed one scoring 0 with its reason', () => {
    const ok = {
      student: 'ann',
      submitted: [],
      error: null,
      seconds: 1,
      score: 12.5,
      maxScore: 20,
      exercises: [
        { id: '01-output-size', title: '', score: 5, maxScore: 5, status: 'passed' as const, tests: [] },
        { id: '02-conv-forward', title: '', score: 7.5, maxScore: 15, status: 'failed' as const, tests: [] },
      ],
    };
    const bad = failureReport('bob', exercises, 'grading did not finish within 30 s and was stopped', []);
    expect(bad.exercises.map((e) => e.status)).toEqual(['timeout', 'timeout']);
    const partial = failureReport('cy', exercises, 'grading did not finish within 30 s and was stopped', [], [ok.exercises[0]]);
    // biome-ignore format: a tensor literal, kept on one line
    expect(partial.exercises.map((e) => [e.id, e.status, e.score])).toEqual([['01-output-size', 'passed', 5], ['02-conv-forward', 'timeout', 0]]);
    expect([partial.score, partial.maxScore]).toEqual([5, 20]);
    expect(gradebookCsv(gradeRows([ok, bad], exercises), exercises).split('\r\n')).toEqual([
      'student,01-output-size,01-output-size status,02-conv-forward,02-conv-forward status,total,late penalty,override,final,max,submitted at,time source,days late,error',
      'ann,5,passed,7.5,failed,12.5,0,0,12.5,20,,unknown,0,',
      'bob,0,timeout,0,timeout,0,0,0,0,20,,unknown,0,grading did not finish within 30 s and was stopped',
      '',
    ]);
  });
});

describe('submissions', () => {
  function kit(): string {
    const dir = mkdtempSync(join(tmpdir(), 'kit-'));
    for (const e of exercises) {
      mkdirSync(join(dir, e.id));
      writeFileSync(join(dir, e.file), 'export const stub = true;\n');
    }
    writeFileSync(join(dir, 'not-implemented.ts'), 'export class NotImplemented extends Error {}\n');
    writeFileSync(join(dir, 'package.json'), '{"type":"module"}\n');
    mkdirSync(join(dir, 'node_modules'));
    return dir;
  }

  it('finds folders and zips, names students after them, and lays each out over the stubs', () => {
    const repo = kit();
    const subs = mkdtempSync(join(tmpdir(), 'subs-'));
    // ann: a copy of the kit with exercises/ inside; her not-implemented.ts must NOT replace the kit's.
    mkdirSync(join(subs, 'ann', 'exercises', '01-output-size'), { recursive: true });
    writeFileSync(join(subs, 'ann', 'exercises', '01-output-size', 'output-size.ts'), 'export const ann = 1;\n');
    writeFileSync(join(subs, 'ann', 'exercises', 'not-implemented.ts'), 'export const hacked = 1;\n');
    symlinkSync('/etc/passwd', join(subs, 'ann', 'exercises', '01-output-size', 'secret.ts'));
    // bob: a zip of a folder holding the exercise folders, plus an entry trying to escape.
    writeFileSync(
      join(subs, 'bob.zip'),
      writeZip([
        { name: 'bob/02-conv-forward/conv-forward.ts', data: Buffer.from('export const bob = 2;\n') },
        { name: '../../escape.ts', data: Buffer.from('x') },
      ]),
    );
    writeFileSync(join(subs, 'notes.txt'), 'not a submission');
    const found = findSubmissions(subs);
    // biome-ignore format: a tensor literal, kept on one line
    expect(found.map((s) => [s.student, s.kind])).toEqual([['ann', 'folder'], ['bob', 'zip']]);

    const work = mkdtempSync(join(tmpdir(), 'work-'));
    const a = prepareSubmission(found[0], join(work, 'ann'), repo, exercises);
    expect(a.submitted).toEqual(['01-output-size']);
    expect(readFileSync(join(a.exercisesDir, '01-output-size', 'output-size.ts'), 'utf8')).toBe('export const ann = 1;\n');
    expect(readFileSync(join(a.exercisesDir, '02-conv-forward', 'conv-forward.ts'), 'utf8')).toBe('export const stub = true;\n');
    expect(readFileSync(join(a.exercisesDir, 'not-implemented.ts'), 'utf8')).toContain('NotImplemented');
    expect(() => readFileSync(join(a.exercisesDir, '01-output-size', 'secret.ts'))).toThrow(/ENOENT/);

    const b = prepareSubmission(found[1], join(work, 'bob'), repo, exercises);
    expect(b.submitted).toEqual(['02-conv-forward']);
    expect(readFileSync(join(b.exercisesDir, '02-conv-forward', 'conv-forward.ts'), 'utf8')).toBe('export const bob = 2;\n');
  });

  it('makes file names safe from student names', () => {
    expect(safeFileName('../../etc/passwd')).toBe('_etc_passwd');
    expect(safeFileName('Jane Doe (2)')).toBe('Jane_Doe_2_');
  });
});
