/**
 * The instructor guide (docs/docs/instructors/publishing.md), run: every ```bash block, in order, in a
 * temporary copy of the repository, as an instructor would type them. The site build is skipped here
 * (CONVKIT_SKIP_SITE=1): the docs package builds and browser-tests the site in its own CI step.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyRepo } from './scaffold/repo-copy.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const guide = readFileSync(join(root, 'docs', 'docs', 'instructors', 'publishing.md'), 'utf8');
const blocks = [...guide.matchAll(/^```bash\n([\s\S]*?)^```$/gm)].map((m) => m[1]);

let repo: string;
beforeAll(() => {
  repo = join(mkdtempSync(join(tmpdir(), 'convkit-guide-')), 'repo');
  copyRepo(root, repo);
}, 60_000);

describe('instructor guide, step by step in a copy of the repository', () => {
  it('has runnable steps', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(6);
  });

  it.each(blocks.map((b, i) => [i + 1, b.split('\n')[0], b]))(
    'step %i: %s',
    (_i, _first, block) => {
      const r = spawnSync('bash', ['-euo', 'pipefail', '-c', block], {
        cwd: repo,
        encoding: 'utf8',
        env: { ...process.env, CI: 'true', NO_COLOR: '1', CONVKIT_SKIP_SITE: '1', INIT_CWD: repo },
        maxBuffer: 1 << 26,
      });
      expect(r.status, `${block}\n--- output ---\n${r.stdout}\n${r.stderr}`).toBe(0);
    },
    300_000,
  );

  it('left a new exercise and chapter in the course, published in the starter kit, and a class gradebook', () => {
    const config = readFileSync(join(repo, 'course.config.ts'), 'utf8');
    expect(config).toMatch(/\{ id: '\d\d-leaky-relu', points: 8 \}/);
    expect(config).toContain("'activation-functions'");
    const kitExercises = readdirSync(join(repo, 'release', 'starter-kit', 'exercises'));
    expect(kitExercises.some((d) => d.endsWith('-leaky-relu'))).toBe(true);
    expect(existsSync(join(repo, 'release', 'gradescope-autograder.zip'))).toBe(true);
    const rows = readFileSync(join(repo, 'demo-grades', 'gradebook.csv'), 'utf8')
      .trim()
      .split('\r\n');
    expect(rows[0]).toBe('student,01-output-size,01-output-size status,total,late penalty,override,final,max,submitted at,time source,days late,error');
    expect(rows.length).toBe(8);
    // --only 01-output-size: the broken kinds are broken in the graded exercise, so the gradebook shows them.
    const col = rows[0].split(',').indexOf('01-output-size');
    const scores = Object.fromEntries(rows.slice(1).map((r) => [r.split(',')[0], Number(r.split(',')[col])]));
    for (const [student, score] of Object.entries(scores)) {
      if (student.endsWith('-correct')) expect(score, student).toBe(5);
      else if (/-(subtly-wrong|not-compiling|hanging)$/.test(student)) expect(score, student).toBeLessThan(5);
    }
    expect(Object.keys(scores).filter((s) => /-(subtly-wrong|not-compiling)$/.test(s)).length).toBeGreaterThanOrEqual(2);
  });
});
