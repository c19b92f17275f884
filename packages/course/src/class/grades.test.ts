/**
 * The final grades of a small class, worked by hand: roster join (and who is unmatched), overrides,
 * the late penalty, and the three CSVs (convkit's, Canvas's, Moodle's import columns).
 */
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';
import { canvasCsv, gradebookCsv, moodleCsv, type StudentReport } from './gradebook.ts';
import { gradeRows } from './grades.ts';
import { parseOverrides } from './overrides.ts';
import { matchRoster, parseRoster } from './roster.ts';

const exercises = [
  { id: '01-output-size', points: 5, maxScore: 5 },
  { id: '02-conv-forward', points: 15, maxScore: 15 },
];
const report = (
  student: string,
  s1: number,
  s2: number,
  status2: StudentReport['exercises'][number]['status'] = s2 === 15 ? 'passed' : 'failed',
): StudentReport => ({
  student,
  submitted: [],
  error: null,
  seconds: 1,
  score: s1 + s2,
  maxScore: 20,
  exercises: [
    { id: '01-output-size', title: '', score: s1, maxScore: 5, status: s1 === 5 ? 'passed' : 'failed', tests: [] },
    { id: '02-conv-forward', title: '', score: s2, maxScore: 15, status: status2, tests: [] },
  ],
});

const rosterText =
  'name,student id,email,github\r\nAnn Lee,1001,ann@uni.edu,annlee\r\n"Doe, Bob",1002,bob@uni.edu,\r\nCy Tan,1003,cy@uni.edu,\r\nDee Ray,1004,dee@uni.edu,\r\n';

describe('roster', () => {
  it('matches folders by login, email, email user, id or name, and lists the unmatched both ways', () => {
    const roster = parseRoster(rosterText, 'roster.csv');
    expect(roster[1]).toMatchObject({ name: 'Doe, Bob', studentId: '1002', email: 'bob@uni.edu' });
    const m = matchRoster(['cnn-hw-annlee', 'bob', '1003', 'stranger'], roster);
    // biome-ignore format: a tensor literal, kept on one line
    expect([...m.byStudent].map(([folder, e]) => [folder, e.studentId])).toEqual([['cnn-hw-annlee', '1001'], ['bob', '1002'], ['1003', '1003']]);
    expect(m.unmatchedFolders).toEqual(['stranger']);
    expect(m.missing.map((e) => e.name)).toEqual(['Dee Ray']);
  });
  it("reads Canvas's and Moodle's export headers and rejects a file with none of the columns", () => {
    expect(parseRoster('Student,ID,SIS User ID,SIS Login ID,Section\nAnn Lee,77,1001,ann@uni.edu,A1\n', 'c.csv')[0]).toMatchObject({
      name: 'Ann Lee',
      studentId: '1001',
      section: 'A1',
    });
    expect(parseRoster('First name,Last name,ID number,Email address\nAnn,Lee,1001,ann@uni.edu\n', 'm.csv')[0]).toMatchObject({
      name: 'Ann Lee',
      studentId: '1001',
      email: 'ann@uni.edu',
    });
    expect(() => parseRoster('foo,bar\n1,2\n', 'r.csv')).toThrow(/r.csv: expected the columns name, student id and email/);
  });
});

describe('overrides', () => {
  const resolve = (s: string): string | null => (['ann', 'bob'].includes(s) ? s : null);
  it('reads id, number or slug, and late; names every bad line', () => {
    const o = parseOverrides("student,exercise,points,reason\nann,02,12,regraded by hand\nbob,late,0,extension (doctor's note)\n", 'o.csv', exercises, resolve);
    // biome-ignore format: a tensor literal, kept on one line
    expect(o.map((x) => [x.student, x.exercise, x.points, x.reason])).toEqual([['ann', '02-conv-forward', 12, 'regraded by hand'], ['bob', 'late', 0, "extension (doctor's note)"]]);
    expect(() => parseOverrides('student,exercise,points,reason\nzed,01,3,x\nann,09,3,x\nann,conv-forward,16,x\n', 'o.csv', exercises, resolve)).toThrow(
      [
        'o.csv: line 2: student: expected a submission folder or a roster id, email or name, got "zed"',
        'o.csv: line 3: exercise: expected one of 01-output-size, 02-conv-forward or late, got "09"',
        'o.csv: line 4: points: expected a number from 0 to 15, got "16"',
      ].join('\n'),
    );
  });
});

describe('final grades and the CSVs', () => {
  // Deadline 2026-12-01 23:59Z, 10%/day, cap 30%, 1 h grace.
  const policy = { deadline: '2026-12-01T23:59:00Z', perDay: 0.1, max: 0.3, graceMinutes: 60 };
  const at = (hours: number) => ({ at: Date.parse(policy.deadline) + hours * 3600_000, source: 'file times' as const });
  const roster = parseRoster(rosterText, 'roster.csv');
  const reports = [report('ann', 5, 7.5), report('bob', 5, 15), report('cy', 0, 0, 'timeout')];
  const match = matchRoster(
    reports.map((r) => r.student),
    roster,
  );
  const rows = gradeRows(reports, exercises, {
    policy,
    // biome-ignore format: a tensor literal, kept on one line
    times: new Map([['ann', at(60)], ['bob', at(0.5)], ['cy', at(-1)]]),
    overrides: [{ student: 'ann', exercise: '02-conv-forward', points: 12, reason: 'partial credit by hand', line: 2 }],
    roster: match.byStudent,
    missing: match.missing,
  });

  it('ann: 12.5 graded, +4.5 override = 17, 2.5 days late → 30% = 5.1 off, final 11.9; bob on time within grace: 20', () => {
    const ann = rows[0];
    expect([ann.total, ann.override, ann.late.days, ann.penalty, ann.final]).toEqual([12.5, 4.5, 3, 5.1, 11.9]);
    expect([rows[1].penalty, rows[1].final]).toEqual([0, 20]);
    expect(rows[2].exercises[1].status).toBe('timeout');
    expect(rows.map((r) => r.student)).toEqual(['ann', 'bob', 'cy', 'Dee Ray']); // Dee is on the roster, submitted nothing
    expect(rows[3].exercises.map((e) => e.status)).toEqual(['missing', 'missing']);
  });

  it("gradebook.csv: score and status per exercise, total, late penalty, override, final, the roster's ids", () => {
    const table = parseCsv(gradebookCsv(rows, exercises));
    expect(table[0]).toEqual([
      'student',
      'name',
      'student id',
      'email',
      '01-output-size',
      '01-output-size status',
      '02-conv-forward',
      '02-conv-forward status',
      'total',
      'late penalty',
      'override',
      'final',
      'max',
      'submitted at',
      'time source',
      'days late',
      'error',
    ]);
    expect(table[1]).toEqual([
      'ann',
      'Ann Lee',
      '1001',
      'ann@uni.edu',
      '5',
      'passed',
      '7.5',
      'failed',
      '12.5',
      '5.1',
      '4.5',
      '11.9',
      '20',
      '2026-12-04T11:59:00Z',
      'file times',
      '3',
      '',
    ]);
    expect(table[2].slice(0, 4)).toEqual(['bob', 'Doe, Bob', '1002', 'bob@uni.edu']);
    expect(table[4]).toEqual([
      'Dee Ray',
      'Dee Ray',
      '1004',
      'dee@uni.edu',
      '0',
      'missing',
      '0',
      'missing',
      '0',
      '0',
      '0',
      '0',
      '20',
      '',
      'unknown',
      '0',
      'no submission',
    ]);
  });

  it('canvas.csv and moodle.csv carry the import columns and the final score', () => {
    expect(canvasCsv(rows, 'CNN course').split('\r\n').slice(0, 3)).toEqual([
      'Student,ID,SIS User ID,SIS Login ID,Section,CNN course',
      'Ann Lee,,1001,ann@uni.edu,,11.9',
      '"Doe, Bob",,1002,bob@uni.edu,,20',
    ]);
    expect(moodleCsv(rows, 'CNN course').split('\r\n').slice(0, 2)).toEqual([
      'First name,Last name,ID number,Email address,CNN course',
      'Ann,Lee,1001,ann@uni.edu,11.9',
    ]);
  });
});
