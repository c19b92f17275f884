import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exercises } from '@convkit/course-config/node';
import { firstRelevantHint, hintFunctions, nextHint, type FirstFailure } from '../src/hint.ts';
import { gradeExercise } from '../src/run.ts';
import { repoRoot } from '../src/plan.ts';
import { fixture } from './helpers.ts';

describe('pnpm hint', () => {
  const conv = exercises.find((e) => e.id === '02-conv-forward')!;
  const backprop = exercises.find((e) => e.id === '05-backprop')!;
  const size = exercises.find((e) => e.id === '01-output-size')!;

  it('shows hint 1, then 2, counting in the progress', () => {
    const first = nextHint(conv, {});
    expect(first.text).toContain(`02-conv-forward — hint 1 of ${conv.hints.length}:\n\n  ${conv.hints[0]}`);
    expect(first.progress).toEqual({ '02-conv-forward': 1 });
    const second = nextHint(conv, first.progress);
    expect(second.text).toContain(`hint 2 of ${conv.hints.length}`);
    expect(second.progress['02-conv-forward']).toBe(2);
  });

  it('after the last hint, says so instead of repeating', () => {
    const done = nextHint(conv, { '02-conv-forward': conv.hints.length });
    expect(done.text).toContain(`you have seen all ${conv.hints.length} hints`);
  });

  it('every exercise of the manifest has at least 3 hints', () => {
    for (const e of exercises) expect(e.hints.length, e.id).toBeGreaterThanOrEqual(3);
  });

  it("05: hint 1 is about ReLU, hint 2 about dense, hints 3–4 about softmax (read from the hints' words)", () => {
    expect(hintFunctions(backprop)).toEqual(['reluBackward', 'denseBackward', 'softmaxCrossEntropy', 'softmaxCrossEntropy']);
  });

  it('05 with ReLU passing and dense failing starts at the dense hint (2), not at ReLU', () => {
    const failure: FirstFailure = { test: 'dense dout=[1,2] x=[1,2] w=[2,2] (hand-worked)', functions: ['denseBackward'] };
    expect(firstRelevantHint(backprop, failure)).toBe(1);
    const r = nextHint(backprop, {}, failure);
    expect(r.text).toContain(`hint 2 of 4 (about denseBackward, the first function that does not pass yet):\n\n  ${backprop.hints[1]}`);
    expect(r.text).toContain('hint 1 is about what already passes');
    expect(r.progress['05-backprop']).toBe(2);
  });

  it('01 failing a "must throw" test starts at the hint about throwing', () => {
    const i = firstRelevantHint(size, { test: 'n=10 f=3 s=2 p=0 must throw: (10 − 3)/2 + 1 = 4.5', functions: ['outputSize'] });
    expect(size.hints[i]).toMatch(/throw/);
    expect(i).toBe(size.hints.findIndex((h) => /\bthrow/i.test(h))); // the first hint about throwing, in order
  });

  it('a failing step starts at the hint about it: 02 "(pad 1 keeps 3×3)" → the padding hint, 03 "(all values negative)" → -Infinity', () => {
    const at = (id: string, test: string, fn: string): string => {
      const e = exercises.find((x) => x.id === id)!;
      return e.hints[firstRelevantHint(e, { test, functions: [fn] })];
    };
    expect(at('02-conv-forward', 'x=[1,1,3,3] w=[1,1,3,3] s=1 p=1 (pad 1 keeps 3×3)', 'conv2dForward')).toMatch(/padding zero/);
    expect(at('03-max-pool-forward', 'x=[1,2,2,4] size=2 s=2 (all values negative)', 'maxPool2dForward')).toMatch(/-Infinity/);
    expect(at('02-conv-forward', 'x=[1,3,4,4] w=[3,3,3,3] s=1 p=0 (T = 3 filters give 3 activation maps)', 'conv2dForward')).toBe(conv.hints[0]);
  });

  it('every test passing: no hint, the progress unchanged', () => {
    const r = nextHint(backprop, { '05-backprop': 1 }, 'passed');
    expect(r.text).toContain('passes every test');
    expect(r.progress).toEqual({ '05-backprop': 1 });
  });

  it('a real grade of a half-done 05 (ReLU written, the rest the stub) reports dense as the first failing function', async () => {
    let first: FirstFailure | null = null;
    await gradeExercise(
      { exercise: backprop, file: fixture('buggy/relu-only.ts') },
      {
        onEvent: (e) => {
          if (e.type === 'test' && e.test.status !== 'passed' && first === null) first = { test: e.test.name, functions: e.functions };
        },
      },
    );
    expect(first).not.toBeNull();
    expect(first!.functions).toEqual(['denseBackward']);
    expect(nextHint(backprop, {}, first).text).toContain('hint 2 of 4');
  });
});

describe('pnpm hint, the command', () => {
  const hintCli = (args: string[], progress: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'packages/grader/src/hint.ts', ...args], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', CONVKIT_HINTS_FILE: progress },
    });
  const progress = join(mkdtempSync(join(tmpdir(), 'convkit-hints-')), 'progress.json');

  it('--help prints the usage with --all and --reset, exit 0, no stack trace', () => {
    const r = hintCli(['--help'], progress);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: pnpm hint');
    expect(r.stdout).toContain('--all');
    expect(r.stdout).toContain('--reset');
    expect(r.stderr).toBe('');
  });

  it('an unknown option: one line and exit 2, no stack trace', () => {
    const r = hintCli(['05', '--bogus'], progress);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("pnpm hint: unknown option '--bogus'");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('--no-check shows hint 1 of 02, --reset starts over', () => {
    writeFileSync(progress, '{}');
    expect(hintCli(['02', '--no-check'], progress).stdout).toContain('hint 1 of');
    expect(JSON.parse(readFileSync(progress, 'utf8'))).toEqual({ '02-conv-forward': 1 });
    expect(hintCli(['02', '--reset'], progress).stdout).toContain('hints reset');
    expect(JSON.parse(readFileSync(progress, 'utf8'))).toEqual({ '02-conv-forward': 0 });
  });
});
