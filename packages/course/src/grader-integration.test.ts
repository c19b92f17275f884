/** `pnpm grade` reads the course config: its selection and points, and fails naming the field of a bad one. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { grade } from '@convkit/grader';
import { prepareSubmission } from './class/submissions.ts';
import { loadCourse } from '@convkit/course-config/node';

const root = join(import.meta.dirname, '..', '..', '..');
function gradeWith(config: string, args: string[]) {
  const file = join(mkdtempSync(join(tmpdir(), 'course-cfg-')), 'course.config.ts');
  writeFileSync(file, config);
  return spawnSync(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'packages', 'grader', 'src', 'cli.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, CONVKIT_COURSE_CONFIG: file, NO_COLOR: '1' },
  });
}

describe('pnpm grade with a course config', () => {
  it("grades only the course's exercises, with the course's points (01 worth 7 instead of 5)", () => {
    const r = gradeWith(`export default { title: 't', chapters: [], exercises: [{ id: '01-output-size', points: 7 }] };\n`, ['--reporter', 'json']);
    expect(r.status, r.stderr).toBe(1); // the stub is not started
    const report = JSON.parse(r.stdout) as { maxScore: number; exercises: { id: string; status: string }[] };
    expect(report.exercises.map((e) => [e.id, e.status])).toEqual([['01-output-size', 'not-started']]);
    expect(report.maxScore).toBe(7);
  }, 120_000);

  it("refuses an exercise outside the course, listing the course's", () => {
    const r = gradeWith(`export default { title: 't', chapters: [], exercises: [{ id: '01-output-size' }] };\n`, ['02']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown exercise "02"; the exercises are: 01-output-size');
  }, 60_000);

  it('exits 2 with the field at fault for a negative point value', () => {
    const r = gradeWith(`export default { title: 't', chapters: [], exercises: [{ id: '01-output-size', points: -5 }] };\n`, ['01']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/course\.config\.ts: exercises\[0\]\.points: expected a number ≥ 0, got -5/);
  }, 60_000);
});

describe("the course tolerance reaches the grader's comparisons", () => {
  it('denseForward off by a relative 1e-4 fails at the default 1e-6 and passes at a course tolerance of 1e-3', async () => {
    const course = await loadCourse(root);
    const exercise = course.exercises.find((e) => e.id === '04-flatten-dense')!;
    const reference = readFileSync(join(root, 'exercises', '04-flatten-dense', '.meta', 'solution.ts'), 'utf8');
    const off = reference.replace('out.data[n * M + m] = sum;', 'out.data[n * M + m] = sum * (1 + 1e-4);');
    expect(off).not.toBe(reference);
    const dir = mkdtempSync(join(tmpdir(), 'course-tol-'));
    mkdirSync(join(dir, 'sub', '04-flatten-dense'), { recursive: true });
    writeFileSync(join(dir, 'sub', '04-flatten-dense', 'flatten-dense.ts'), off);
    const { exercisesDir } = prepareSubmission({ student: 's', path: join(dir, 'sub'), kind: 'folder' }, join(dir, 'work'), join(root, 'exercises'), [
      exercise,
    ]);
    const file = join(exercisesDir, exercise.file);
    const denseStatuses = async (tolerance: number) => {
      const withTolerance: typeof exercise = { ...exercise, tolerance };
      const report = await grade([{ exercise: withTolerance, file }], { concurrency: 1 });
      return [...new Set(report.exercises[0].tests.filter((t) => t.name.includes('dense x=')).map((t) => t.status))];
    };
    expect(await denseStatuses(1e-6)).toEqual(['failed']);
    expect(await denseStatuses(1e-3)).toEqual(['passed']);
  }, 180_000);
});
