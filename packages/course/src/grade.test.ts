/**
 * `pnpm grade` in the course repository (packages/course/src/grade.ts): class grading in front of the
 * grader's command line, which @convkit/course reaches through `@convkit/grader/cli` (no import cycle).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const grade = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'packages/course/src/grade.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 120_000,
  });

describe('pnpm grade (course front)', () => {
  it('--help shows the student options and the class-grading ones, exit 0', () => {
    const r = grade('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: pnpm grade');
    expect(r.stdout).toContain('--self-check');
    expect(r.stdout).toContain('--submissions DIR');
    expect(r.stdout).toContain('--roster FILE');
  }, 120_000);

  it('without --submissions it is the grader: its own usage errors, one line, exit 2', () => {
    const r = grade('--case', '1'); // --case needs exactly one exercise: the grader's rule, not ours
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^pnpm grade: --case: name exactly one exercise/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);

  it('--submissions options are refused by name outside class grading, and --submissions with a bad --concurrency is a usage error', () => {
    const a = grade('--roster', 'r.csv');
    expect(a.status).toBe(2);
    expect(a.stderr).toMatch(/--roster/);
    const dir = mkdtempSync(join(tmpdir(), 'convkit-front-'));
    const b = grade('--submissions', dir, '--concurrency', '0');
    expect(b.status).toBe(2);
    expect(b.stderr).toContain('pnpm grade: --concurrency: expected an integer ≥ 1, got 0');
  }, 120_000);
});
