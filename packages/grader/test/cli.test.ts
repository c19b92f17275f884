/** `pnpm grade` as a user runs it: a real process, its stdout, its exit code. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../src/plan.ts';

function gradeCli(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'packages/grader/src/cli.ts', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('pnpm grade (the CLI)', () => {
  it('--self-check 01 --reporter json: only JSON on stdout, full marks, exit 0', () => {
    const r = gradeCli(['--self-check', '01', '--reporter', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ score: 5, maxScore: 5, exercises: [{ id: '01-output-size', status: 'passed' }] });
  });

  it('the stub of 01: not started, exit 1, pretty output that points to the exercise', () => {
    const r = gradeCli(['output-size']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('· 01-output-size  Output size of a sliding window  0/5 · 0/13 tests passed (not started)');
    expect(r.stdout).toContain('Next up: 01-output-size — edit exercises/01-output-size/output-size.ts');
    expect(r.stdout).not.toMatch(/\x1b\[/);
  });

  it('--reporter gradescope --output-file writes results.json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'convkit-grade-'));
    const file = join(dir, 'results', 'results.json');
    const r = gradeCli(['--self-check', '01', '--reporter', 'gradescope', '--output-file', file]);
    expect(r.code).toBe(0);
    const results = JSON.parse(readFileSync(file, 'utf8'));
    expect(results.score).toBe(5);
    expect(results.tests.every((t: { status: string }) => t.status === 'passed')).toBe(true);
  });

  it('an unknown exercise is a usage error (exit 2) that lists the exercises', () => {
    const r = gradeCli(['10-transformers']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('pnpm grade: unknown exercise "10-transformers"; the exercises are: 01-output-size, 02-conv-forward');
  });
});

describe('--help on every command: usage, exit 0, no stack trace', () => {
  const run = (script: string, args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  it.each([
    ['grade', 'packages/grader/src/cli.ts', ['--help'], 'Usage: pnpm grade'],
    ['hint', 'packages/grader/src/hint.ts', ['--help'], 'Usage: pnpm hint'],
    ['course', 'packages/course/src/cli.ts', ['--help'], 'pnpm course build'],
    ['new', 'packages/course/src/cli.ts', ['new', '--help'], 'pnpm new exercise <slug>'],
    ['bench', 'packages/bench/src/main.ts', ['--help'], 'Usage: pnpm bench'],
  ])('pnpm %s --help', (_name, script, args, usage) => {
    const r = run(script, args as string[]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(usage);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
  it.each([
    ['grade', 'packages/grader/src/cli.ts', []],
    ['grade', 'packages/course/src/grade.ts', []],
    ['hint', 'packages/grader/src/hint.ts', []],
    ['bench', 'packages/bench/src/main.ts', []],
    ['train', 'packages/engine/src/cli/train.ts', []],
    ['course', 'packages/course/src/cli.ts', ['build']],
    ['new', 'packages/course/src/cli.ts', ['new', 'exercise', 'x']],
  ])('pnpm %s (%s) --bogus: the same one line naming the option and the --help pointer, exit 2', (name, script, before) => {
    const r = run(script, [...(before as string[]), '--bogus']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`pnpm ${name}: unknown option '--bogus'\nRun pnpm ${name} --help for the options.\n`);
  });
  it('pnpm new with a bad slug or an existing exercise: one line naming it (no doubled command name), exit 2, nothing written', () => {
    const bad = run('packages/course/src/cli.ts', ['new', 'exercise', '09-x']);
    expect([bad.status, bad.stderr]).toEqual([
      2,
      'pnpm new: expected the exercise\'s slug to be lowercase words joined by dashes (leaky-relu), got "09-x"\nRun pnpm new --help for the options.\n',
    ]);
    const taken = run('packages/course/src/cli.ts', ['new', 'exercise', 'output-size']);
    expect([taken.status, taken.stderr]).toEqual([2, 'pnpm new: an exercise output-size exists already\nRun pnpm new --help for the options.\n']);
  });
});
