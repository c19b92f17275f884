/**
 * A class graded end to end on exercises 01 and 02, as an instructor would run it: six submissions
 * (ben's 02 is ann's renamed, recommented and reordered, and 2.5 days late; cat and eve round in 01
 * where they should throw; cat's 01 is overridden; eve's 02 does not compile; dan and fay hand in
 * the untouched stubs), a roster, an overrides file and the course's late policy. Then dan fixes 01
 * and is regraded alone into the same gradebook.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadCourse, type CourseExerciseResolved } from '@convkit/course-config/node';
import { parseCsv } from './csv.ts';
import { gradeClass, type ClassResult, StudentNotFoundError } from './grade-class.ts';

const root = join(import.meta.dirname, '..', '..', '..', '..');
const ex = (p: string): string => readFileSync(join(root, 'exercises', p), 'utf8');
const fixture = (name: string): string => readFileSync(join(import.meta.dirname, '..', '..', 'test-fixtures', 'similarity', `${name}.ts`), 'utf8');
const reference01 = ex('01-output-size/.meta/solution.ts');
const rounding01 = reference01.replace('if (travel % stride !== 0) {', 'if (false) {');
const late = { deadline: '2026-12-01T23:59:00Z', perDay: 0.1, max: 0.3, graceMinutes: 60 };

let dir: string;
let subs: string;
let out: string;
let exercises: CourseExerciseResolved[];
let first: ClassResult;
let again: ClassResult;
const options = () => ({
  submissionsDir: subs,
  outDir: out,
  repoExercisesDir: join(root, 'exercises'),
  exercises,
  concurrency: 2,
  studentTimeoutMs: 60_000,
  title: 'CNN course',
  late,
  similarityThreshold: 0.6,
  rosterPath: join(dir, 'roster.csv'),
  overridesPath: join(dir, 'overrides.csv'),
});
const table = (r: ClassResult) => {
  const [header, ...rows] = parseCsv(r.gradebook);
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i]])));
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'convkit-class-report-'));
  subs = join(dir, 'submissions');
  out = join(dir, 'out');
  const put = (path: string, text: string, at = '2026-12-01T20:00:00Z'): void => {
    mkdirSync(dirname(join(subs, path)), { recursive: true });
    writeFileSync(join(subs, path), text);
    utimesSync(join(subs, path), new Date(at), new Date(at));
  };
  put('ann/exercises/01-output-size/output-size.ts', reference01);
  put('ann/exercises/02-conv-forward/conv-forward.ts', fixture('ann'));
  put('ben/exercises/01-output-size/output-size.ts', reference01, '2026-12-04T11:59:00Z'); // 2.5 days late
  put('ben/exercises/02-conv-forward/conv-forward.ts', fixture('ben'), '2026-12-04T11:59:00Z');
  put('cat/exercises/01-output-size/output-size.ts', rounding01);
  put('cat/exercises/02-conv-forward/conv-forward.ts', fixture('cat'));
  put('dan/output-size.ts', ex('01-output-size/output-size.ts'));
  put('dan/conv-forward.ts', ex('02-conv-forward/conv-forward.ts'));
  put('eve/exercises/01-output-size/output-size.ts', rounding01);
  put('eve/exercises/02-conv-forward/conv-forward.ts', `${fixture('cat')}\nexport const broken: number = (1 + ;\n`);
  put('fay/exercises/01-output-size/output-size.ts', ex('01-output-size/output-size.ts'));
  put('fay/exercises/02-conv-forward/conv-forward.ts', ex('02-conv-forward/conv-forward.ts'));
  writeFileSync(
    join(dir, 'roster.csv'),
    'name,student id,email\nAnn Lee,1001,ann@uni.edu\nBen Ray,1002,ben@uni.edu\nCat Tan,1003,cat@uni.edu\nDan Ito,1004,dan@uni.edu\nFay Wu,1006,fay@uni.edu\nGil Ono,1007,gil@uni.edu\n',
  );
  writeFileSync(join(dir, 'overrides.csv'), 'student,exercise,points,reason\ncat@uni.edu,01,5,rounding accepted: the handout was ambiguous\n');
  exercises = (await loadCourse(root)).exercises.filter((e) => ['01-output-size', '02-conv-forward'].includes(e.id));
  first = await gradeClass(options());
  // dan fixes 01 ten hours after the deadline and is regraded alone.
  writeFileSync(join(subs, 'dan', 'output-size.ts'), reference01);
  utimesSync(join(subs, 'dan', 'output-size.ts'), new Date('2026-12-02T10:00:00Z'), new Date('2026-12-02T10:00:00Z'));
  again = await gradeClass({ ...options(), student: 'dan' });
}, 400_000);

describe('a class of six, graded with a roster, overrides and a late policy', () => {
  const row = (r: ClassResult, s: string) => table(r).find((x) => x.student === s)!;

  it("writes a gradebook with a status column per exercise and the roster's ids", () => {
    expect(row(first, 'ann')).toMatchObject({
      name: 'Ann Lee',
      'student id': '1001',
      email: 'ann@uni.edu',
      '01-output-size': '5',
      '01-output-size status': 'passed',
      '02-conv-forward': '15',
      '02-conv-forward status': 'passed',
      final: '20',
    });
    expect(row(first, 'dan')).toMatchObject({ '01-output-size status': 'not-started', '02-conv-forward status': 'not-started', final: '0' });
    expect(row(first, 'eve')).toMatchObject({ '01-output-size status': 'failed', '02-conv-forward status': 'error', 'student id': '' });
    expect(row(first, 'Gil Ono')).toMatchObject({ 'student id': '1007', '01-output-size status': 'missing', error: 'no submission' });
    expect(first.outputs.roster?.unmatchedFolders).toEqual(['eve']);
  });

  it('takes 30% off ben (2.5 days late: 3 started days at 10%, capped at 30%): 20 − 6 = 14', () => {
    expect(row(first, 'ben')).toMatchObject({
      total: '20',
      'late penalty': '6',
      'days late': '3',
      final: '14',
      'time source': 'file times',
      'submitted at': '2026-12-04T11:59:00Z',
    });
    expect(row(first, 'ann')['late penalty']).toBe('0');
  });

  it("applies cat's override (matched by email) to 01: final = 5 + 15", () => {
    const cat = row(first, 'cat');
    const graded01 = Number(cat['01-output-size']);
    expect(graded01).toBeLessThan(5);
    expect(Number(cat.override)).toBeCloseTo(5 - graded01, 2);
    expect(cat.final).toBe('20');
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('rounding accepted: the handout was ambiguous');
  });

  it("names the test failed most (01's non-integer case, by cat and eve) in report.html", () => {
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    const data = JSON.parse(html.slice(html.indexOf('>', html.indexOf('id="class-data"')) + 1, html.indexOf('</script>', html.indexOf('id="class-data"')))) as {
      failedTests: Array<{ exercise: string; test: string; students: number }>;
    };
    expect(data.failedTests[0]).toMatchObject({ exercise: '01-output-size', students: 2 });
    expect(data.failedTests[0].test).toMatch(/must throw/);
    expect(html).toContain('Plot.plot');
    for (const s of ['ann', 'ben', 'cat', 'dan', 'eve', 'fay']) expect(statSync(join(out, 'reports', `${s}.html`)).isFile()).toBe(true);
    expect(readFileSync(join(out, 'canvas.csv'), 'utf8').split('\r\n')[0]).toBe('Student,ID,SIS User ID,SIS Login ID,Section,CNN course');
  });

  it('pairs the renamed copy with its original and never an untouched stub', () => {
    const pairs = first.outputs.flagged.map((p) => `${p.exercise}: ${[p.left, p.right].sort().join(' + ')}`);
    expect(pairs).toContain('02-conv-forward: ann + ben');
    expect(pairs.filter((p) => /dan|fay/.test(p))).toEqual([]);
    expect(pairs).not.toContain('02-conv-forward: ann + cat');
  });

  it('regrades only dan into the existing gradebook: his 01 passes, 10 h late (1 day, 10%): 5 − 0.5; everyone else is kept', () => {
    expect(again.reports.map((r) => r.student)).toEqual(['ann', 'ben', 'cat', 'dan', 'eve', 'fay']);
    expect(row(again, 'dan')).toMatchObject({
      '01-output-size': '5',
      '01-output-size status': 'passed',
      'days late': '1',
      'late penalty': '0.5',
      final: '4.5',
    });
    for (const s of ['ann', 'ben', 'cat', 'eve', 'fay']) expect(row(again, s)).toEqual(row(first, s));
    expect([first.ungraded, again.ungraded]).toEqual([[], []]);
  });

  it('refuses to regrade a student who has no submission', async () => {
    await expect(gradeClass({ ...options(), student: 'zed' })).rejects.toThrow(StudentNotFoundError);
  });

  it('names a submission that arrived after the class was graded: no report, so not in the gradebook', async () => {
    mkdirSync(join(subs, 'hal'));
    writeFileSync(join(subs, 'hal', 'output-size.ts'), reference01);
    const r = await gradeClass({ ...options(), student: 'dan' });
    expect(r.ungraded).toEqual(['hal']);
    expect(table(r).map((x) => x.student)).not.toContain('hal');
  }, 120_000);
});
