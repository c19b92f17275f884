/**
 * A failing random case prints one command that replays exactly that case, and small cases are shown
 * as matrices (inputs, expected, yours) with the first difference marked — live and in the kit.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { gradeExercise } from '../src/run.ts';
import { specs } from '../src/spec/index.ts';
import { recordExercise, replaySpec } from '../src/index.ts';
import { repoRoot } from '../src/plan.ts';
import { matrices, showCase } from '../src/show.ts';
import { exercise, fixture } from './helpers.ts';

const backprop = exercise('05-backprop');
const buggy = { exercise: backprop, file: fixture('buggy/no-batch-mean.ts') };
const RANDOM_SOFTMAX = 13;

/** The command and the case's "inputs:" block from a failure message. */
function parse(message: string): { command: string; ref: string; inputs: string } {
  const command = /replay exactly this case: (pnpm grade 05 --case (\d+)@(\S+))/.exec(message);
  expect(command, message).not.toBeNull();
  expect(Number(command![2])).toBe(RANDOM_SOFTMAX);
  const inputs = message.slice(message.indexOf('inputs:'), message.indexOf('expected:'));
  return { command: command![1], ref: command![3], inputs };
}

describe('replaying a failing random case', () => {
  it('live: the shrunk case prints pnpm grade 05 --case 13@SEED:PATH, and that command shows the very same inputs', async () => {
    const r = await gradeExercise(buggy);
    const test = r.tests[RANDOM_SOFTMAX - 1];
    expect(test.name).toBe('random softmax shapes');
    const { ref, inputs } = parse(test.message);
    expect(ref).toMatch(/^506:[\d:]*$/);
    expect(test.message).toMatch(/yours \(first difference »marked«\):[\s\S]*»-?\d/);
    const replayed = await gradeExercise(buggy, { onlyCase: { test: RANDOM_SOFTMAX, ref } });
    expect(replayed.tests).toHaveLength(1);
    expect(replayed.tests[0].status).toBe('failed');
    expect(replayed.tests[0].message).toContain(inputs);
    expect(replayed.tests[0].message).toContain('looks like: every value is exactly');
  });

  it('the kit (recorded checks): the failing precomputed case prints --case 13@pK, which shows the same inputs', async () => {
    const spec = replaySpec(JSON.parse(JSON.stringify(await recordExercise(specs['05-backprop'], backprop))));
    const r = await gradeExercise(buggy, { specs: { '05-backprop': spec } });
    const { ref, inputs } = parse(r.tests[RANDOM_SOFTMAX - 1].message);
    expect(ref).toMatch(/^p\d+$/);
    const replayed = await gradeExercise(buggy, { specs: { '05-backprop': spec }, onlyCase: { test: RANDOM_SOFTMAX, ref } });
    expect(replayed.tests[0].message).toContain(inputs);
    // and the live spec's pK is the same case (the kit records the first cases of the same seed)
    const live = await gradeExercise(buggy, { onlyCase: { test: RANDOM_SOFTMAX, ref } });
    expect(live.tests[0].message).toContain(inputs);
  });

  it('pnpm grade 05 --self-check --case 13@p2 (the command itself): the case passes, is shown in full, exit 0', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'packages/grader/src/cli.ts', '05', '--self-check', '--case', '13@p2'], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/case p2 \(scores=\[\d,\d+\]\) passes now\n {7}inputs:\n {9}scores \[/);
    expect(r.stdout).toContain('not scored');
  });

  it('a bad --case is a usage error naming the range', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'packages/grader/src/cli.ts', '05', '--case', '99'], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--case: 05-backprop has tests 1 to 13, got 99');
  });
});

describe('a fresh case of official grading', () => {
  it('prints no replay command (no kit has it) but its inputs: a lookup-table cheat of 01 failing a fresh case', async () => {
    const { lookupCheatSource } = await import('../src/testing/index.ts');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const size = exercise('01-output-size');
    const file = join(mkdtempSync(join(tmpdir(), 'convkit-fresh-')), 'output-size.ts');
    writeFileSync(file, lookupCheatSource(await recordExercise(specs['01-output-size'], size)));
    const r = await gradeExercise({ exercise: size, file }, { freshSeed: 987654 });
    const random = r.tests.find((t) => t.name.startsWith('random'))!;
    expect(random.status).toBe('failed');
    expect(random.message).toContain('(a fresh case of official grading: no starter kit can replay it');
    expect(random.message).not.toContain('replay exactly this case');
    expect(random.message).toMatch(/\ninputs:\n {2}n = \d+\n/);
  });
});

describe('small cases as matrices', () => {
  it('a [1,1,2,3] tensor prints as a 2×3 matrix with the first difference »marked«', () => {
    const text = matrices('out', { shape: [1, 1, 2, 3], data: [1, 2, 3, 4, 5.5, 6] }, 4);
    // indent 2 + 2, every cell padded to the widest, »5.5« (5 characters)
    expect(text).toBe(['  out [1, 1, 2, 3] =', '       1    2    3 ', '       4 »5.5«   6 '].join('\n'));
  });
  it('showCase: inputs, expected and yours, marked at the same index; nothing for a case of more than 120 values', () => {
    const wire = (shape: number[], data: number[]) => ({ __tensor: true as const, shape, dtype: 'float64' as const, data: Float64Array.from(data) });
    const text = showCase({ argNames: ['x'], args: [wire([2], [1, 2])], expected: wire([2], [3, 4]) }, wire([2], [3, 5]))!;
    expect(text).toBe(
      ['inputs:', '  x [2] = [1, 2]', 'expected:', '  out [2] = [3, »4«]', 'yours (first difference »marked«):', '  out [2] = [3, »5«]'].join('\n'),
    );
    expect(showCase({ argNames: ['x'], args: [wire([200], new Array(200).fill(0))], expected: 1 }, 2)).toBeNull();
  });
});
