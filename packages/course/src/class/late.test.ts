import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lateness, lastCommitTime, parseTime, readTimestamps, submissionTime } from './late.ts';

const deadline = '2026-12-01T23:59:00Z';
const policy = { deadline, perDay: 0.1, max: 0.3, graceMinutes: 60 };
const t = (hours: number): number => Date.parse(deadline) + hours * 3600_000;

describe('lateness (deadline 2026-12-01 23:59Z, 10%/started day, cap 30%, 1 h grace)', () => {
  it('2.5 days late: 3 started days, 30% (at the cap); on a score of 80 that is 24 points', () => {
    const l = lateness(policy, t(60));
    expect([l.lateMs, l.days]).toEqual([60 * 3600_000, 3]);
    expect(l.fraction).toBeCloseTo(0.3, 12);
    expect(80 * l.fraction).toBeCloseTo(24, 10);
  });
  it('1.5 days late: 2 days, 20%; 4 days late: 40% capped at 30%', () => {
    expect(lateness(policy, t(36)).fraction).toBeCloseTo(0.2, 12);
    expect(lateness(policy, t(96))).toMatchObject({ days: 4 });
    expect(lateness(policy, t(96)).fraction).toBe(0.3);
  });
  it('within the grace hour: on time; 61 minutes late: a started day, 10%', () => {
    expect(lateness(policy, t(0.5))).toEqual({ lateMs: 30 * 60_000, days: 0, fraction: 0 });
    expect(lateness(policy, t(1))).toMatchObject({ days: 0, fraction: 0 });
    expect(lateness(policy, t(61 / 60))).toMatchObject({ days: 1, fraction: 0.1 });
  });
  it('early, unknown time or no policy: nothing', () => {
    expect(lateness(policy, t(-5)).fraction).toBe(0);
    expect(lateness(policy, null).fraction).toBe(0);
    expect(lateness(undefined, t(100)).fraction).toBe(0);
    expect(lateness({ deadline, perDay: 0.25 }, t(24 * 10)).fraction).toBe(1); // no cap: down to 0
  });
});

describe('submission times', () => {
  it("reads Gradescope's time format and ISO 8601", () => {
    expect(parseTime('2026-12-02 01:00:00 -0800')).toBe(Date.parse('2026-12-02T09:00:00Z'));
    expect(parseTime('2026-12-02T09:00:00Z')).toBe(Date.parse('2026-12-02T09:00:00Z'));
    expect(parseTime('yesterday')).toBeNaN();
  });

  it('matches a Gradescope export by submission id, SID, email or name, and names a bad line', () => {
    const csv =
      'First Name,Last Name,SID,Email,Total Score,Status,Submission ID,Submission Time,Lateness (H:M:S)\r\n' +
      'Ann,Lee,1001,ann@uni.edu,80,Graded,555,2026-12-02 01:00:00 -0800,09:01:00\r\n' +
      'Bob,Ray,1002,bob@uni.edu,,Missing,,,\r\n';
    const m = readTimestamps(csv, 'times.csv');
    const at = Date.parse('2026-12-02T09:00:00Z');
    for (const key of ['submission555', '555', '1001', 'ann@uni.edu', 'annlee']) expect(m.get(key), key).toBe(at);
    expect(m.has('1002')).toBe(false);
    expect(submissionTime({ student: 'submission_555', path: '/nowhere', kind: 'folder' }, m)).toEqual({ at, source: 'timestamps CSV' });
    expect(submissionTime({ student: 'Ann Lee', path: '/nowhere', kind: 'folder' }, m).source).toBe('timestamps CSV');
    expect(submissionTime({ student: 'zed', path: '/nowhere', kind: 'folder' }, m)).toEqual({ at: null, source: 'unknown' });
    expect(() => readTimestamps('student,timestamp\nann,soon\n', 't.csv')).toThrow(
      't.csv: line 2: expected a time such as "2026-12-01 23:59:00 -0800" or "2026-12-01T23:59:00Z", got "soon"',
    );
    expect(() => readTimestamps('student,score\n', 't.csv')).toThrow(/expected a "Submission Time" column/);
  });

  it("takes a Classroom repository's last commit time, else the newest file time", () => {
    const dir = mkdtempSync(join(tmpdir(), 'times-'));
    const repo = join(dir, 'hw-ann');
    mkdirSync(repo);
    writeFileSync(join(repo, 'a.ts'), 'x');
    const git = (...args: string[]): void => {
      const r = spawnSync('git', ['-C', repo, ...args], {
        env: { ...process.env, GIT_COMMITTER_DATE: '2026-12-03T10:00:00Z', GIT_AUTHOR_DATE: '2026-12-01T10:00:00Z' },
      });
      if (r.status !== 0) throw new Error(r.stderr.toString());
    };
    git('init', '-q');
    git('add', 'a.ts');
    git('-c', 'user.name=a', '-c', 'user.email=a@b', 'commit', '-qm', 'done');
    expect(lastCommitTime(repo)).toBe(Date.parse('2026-12-03T10:00:00Z'));
    expect(submissionTime({ student: 'hw-ann', path: repo, kind: 'folder' }, null)).toEqual({ at: Date.parse('2026-12-03T10:00:00Z'), source: 'last commit' });

    const plain = join(dir, 'bob');
    mkdirSync(join(plain, 'sub'), { recursive: true });
    writeFileSync(join(plain, 'a.ts'), 'x');
    writeFileSync(join(plain, 'sub', 'b.ts'), 'y');
    utimesSync(join(plain, 'a.ts'), new Date('2026-12-01T00:00:00Z'), new Date('2026-12-01T00:00:00Z'));
    utimesSync(join(plain, 'sub', 'b.ts'), new Date('2026-12-02T12:00:00Z'), new Date('2026-12-02T12:00:00Z'));
    expect(submissionTime({ student: 'bob', path: plain, kind: 'folder' }, null)).toEqual({ at: Date.parse('2026-12-02T12:00:00Z'), source: 'file times' });
  });
});
