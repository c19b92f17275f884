/**
 * The class grading page (docs/docs/instructors/class-grading.md) says what the code does: its CSV
 * examples read as it says, its config snippet validates, its worked late-penalty example and error
 * message are the code's, and every flag it shows exists.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateCourse, type LatePolicy } from '@convkit/course-config';
import { lateness } from './late.ts';
import { parseOverrides } from './overrides.ts';
import { matchRoster, parseRoster } from './roster.ts';

const root = join(import.meta.dirname, '..', '..', '..', '..');
const page = readFileSync(join(root, 'docs', 'docs', 'instructors', 'class-grading.md'), 'utf8');
const block = (title: string): string => {
  const m = new RegExp(`^\`\`\`\\w+ title="${title}"\\n([\\s\\S]*?)^\`\`\`$`, 'm').exec(page);
  if (!m) throw new Error(`class-grading.md: no code block titled ${title}`);
  return m[1];
};
const exercises = [
  { id: '01-output-size', maxScore: 5 },
  { id: '02-conv-forward', maxScore: 15 },
];

describe('docs/docs/instructors/class-grading.md', () => {
  it('roster.csv reads as described, and a Classroom folder hw1-annlee matches by its login', () => {
    const roster = parseRoster(block('roster.csv'), 'roster.csv');
    // biome-ignore format: a tensor literal, kept on one line
    expect(roster.map((e) => [e.name, e.studentId, e.email])).toEqual([['Ann Lee', '1001', 'ann@uni.edu'], ['Doe, Bob', '1002', 'bob@uni.edu']]);
    const m = matchRoster(['hw1-annlee', 'bob', 'zoe'], roster);
    // biome-ignore format: a tensor literal, kept on one line
    expect([...m.byStudent].map(([f, e]) => [f, e.studentId])).toEqual([['hw1-annlee', '1001'], ['bob', '1002']]);
    expect(m.unmatchedFolders).toEqual(['zoe']);
  });

  it('overrides.csv reads as described (a number for the exercise, a roster id for the student, late)', () => {
    const o = parseOverrides(block('overrides.csv'), 'overrides.csv', exercises, (s) => ({ cat: 'cat', '1002': 'bob' })[s] ?? null);
    // biome-ignore format: a tensor literal, kept on one line
    expect(o.map((x) => [x.student, x.exercise, x.points])).toEqual([['cat', '01-output-size', 5], ['bob', 'late', 0]]);
    const bad = 'student,exercise,points,reason\ncat,01,5,x\ncat,02,16,x\n';
    const quoted = /`(overrides\.csv: line 3: points: [^`]*)`/.exec(page)![1];
    expect(() => parseOverrides(bad, 'overrides.csv', exercises, () => 'cat')).toThrow(quoted);
  });

  it('the late policy snippet validates, and its worked examples are what the code computes', () => {
    const literal = /late: (\{[^}]*\})/.exec(block('course.config.ts'))![1];
    const late = new Function(`return ${literal}`)() as LatePolicy;
    validateCourse({ title: 't', chapters: [], exercises: [], late }, { exercises: [], chapters: [] });
    const at = (minutes: number): number => Date.parse(late.deadline) + minutes * 60_000;
    expect(page).toContain('2.5 days late started 3 days, so it loses\n3 × 10% = 30%');
    expect(lateness(late, at(2.5 * 24 * 60)).fraction).toBeCloseTo(0.3, 12);
    expect(20 * (1 - lateness(late, at(2.5 * 24 * 60)).fraction)).toBeCloseTo(14, 10);
    expect(lateness(late, at(61)).fraction).toBeCloseTo(0.1, 12);
    expect(lateness(late, at(30)).fraction).toBe(0);
  });

  it('every flag it shows is one pnpm grade takes', () => {
    const cli = readFileSync(join(root, 'packages', 'course', 'src', 'grade.ts'), 'utf8'); // class grading's options
    const flags = new Set([...page.matchAll(/pnpm grade(?:[^\n`\\]|\\\n)*/g)].flatMap((m) => [...m[0].matchAll(/--([a-z-]+)/g)].map((f) => f[1])));
    expect([...flags].sort()).toEqual(['out', 'overrides', 'roster', 'student', 'submissions', 'timestamps']);
    for (const f of flags) expect(cli, f).toMatch(new RegExp(`\\n\\s+'?${f}'?: \\{ type:`));
  });
});
