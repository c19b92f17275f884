/**
 * `pnpm grade --seed N`: every random test draws its cases from seed N, so the same N gives the very
 * same cases (a whole run reproduced) and another N other cases; without it each test uses its own seed.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { gradeExercise } from '../src/run.ts';
import { specs } from '../src/spec/index.ts';
import { recordExercise, replaySpec } from '../src/index.ts';
import type { SpecContext, TestSpec } from '../src/spec/kit.ts';
import { repoRoot } from '../src/plan.ts';
import { exercise, fixture } from './helpers.ts';

const conv = exercise('02-conv-forward');
const randomConv = (): TestSpec => specs[conv.id].tests(conv.timeLimitMs).find((t) => t.name.startsWith('random shapes'))!;

/** Runs 02's random test against a conv that always throws, and lists the inputs of every call it made. */
async function casesOf(seed: number | undefined): Promise<{ inputs: string[]; message: string }> {
  const inputs: string[] = [];
  const ctx: SpecContext = {
    seed,
    async call(_fn, args) {
      inputs.push(JSON.stringify(args, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v)));
      return { kind: 'threw', error: { isError: true, notImplemented: false, name: 'Error', message: 'wrong', stack: '' }, violations: [] };
    },
  };
  const verdict = await randomConv().run(ctx);
  return { inputs, message: verdict.message };
}

describe('--seed N', () => {
  it('02 random conv cases: seed 7 twice gives the same inputs, call for call; seed 8 other ones', async () => {
    const a = await casesOf(7);
    const b = await casesOf(7);
    const c = await casesOf(8);
    expect(a.inputs.length).toBeGreaterThan(1);
    expect(b.inputs).toEqual(a.inputs);
    expect(c.inputs[0]).not.toEqual(a.inputs[0]);
    expect(a.message).toContain('seed 7)');
    expect(c.message).toContain('seed 8)');
  });
  it("without --seed a test uses its own seed (02's is 202): the same cases as --seed 202", async () => {
    const own = await casesOf(undefined);
    expect(own.message).toContain('seed 202)');
    expect((await casesOf(202)).inputs).toEqual(own.inputs);
    expect((await casesOf(7)).inputs[0]).not.toEqual(own.inputs[0]);
  });

  it('end to end (05 without / N): --seed 7 prints seed 7 and a --case 13@7:… command that replays that case', async () => {
    const buggy = { exercise: exercise('05-backprop'), file: fixture('buggy/no-batch-mean.ts') };
    const random = async (seed: number) => (await gradeExercise(buggy, { seed })).tests[12];
    const [a, again, other] = [await random(7), await random(7), await random(8)];
    expect(a.name).toBe('random softmax shapes');
    expect(a.message).toContain('seed 7)');
    expect(again.message).toBe(a.message);
    expect(other.message).toContain('seed 8)');
    const ref = /--case 13@(7:[\d:]*)/.exec(a.message)![1];
    const inputs = a.message.slice(a.message.indexOf('inputs:'), a.message.indexOf('expected:'));
    const replayed = await gradeExercise(buggy, { onlyCase: { test: 13, ref } });
    expect(replayed.tests[0].message).toContain(inputs);
  });

  it('the kit (recorded cases, no reference) refuses another seed in words, and accepts its own', async () => {
    const spec = replaySpec(JSON.parse(JSON.stringify(await recordExercise(specs[conv.id], conv))));
    const target = { exercise: conv, file: fixture('../../../../exercises/02-conv-forward/.meta/solution.ts') };
    const other = await gradeExercise(target, { specs: { [conv.id]: spec }, seed: 7 });
    const random = other.tests.find((t) => t.name.startsWith('random shapes'))!;
    expect(random.status).toBe('error');
    expect(random.message).toContain('--seed 7: this kit has the cases of seed 202 only');
    const own = await gradeExercise(target, { specs: { [conv.id]: spec }, seed: 202 });
    expect(own.tests.every((t) => t.status === 'passed')).toBe(true);
  });
});

describe('pnpm grade --seed (the command)', () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'packages/grader/src/cli.ts', ...args], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
  /** The inputs of case p2 of 05's random softmax test, as `--case 13@p2` shows them. */
  const inputsOf = (seed: string): string => {
    const r = run('05', '--self-check', '--case', '13@p2', '--seed', seed);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    return r.stdout.slice(r.stdout.indexOf('inputs:'), r.stdout.indexOf('expected:'));
  };
  it('--case 13@p2 --seed 9 shows the same case twice, and another one with --seed 10', () => {
    const nine = inputsOf('9');
    expect(nine).toMatch(/inputs:\n\s+scores \[/);
    expect(inputsOf('9')).toBe(nine);
    expect(inputsOf('10')).not.toBe(nine);
  });
  it('pnpm grade 01 --self-check --seed 3: the header names the seed, and the reference still passes (exit 0)', () => {
    const r = run('01', '--self-check', '--seed', '3');
    expect(r.stdout).toContain('convkit grade: 1 exercise, reference solutions (self-check), random cases from seed 3');
    expect(r.status).toBe(0);
  });
  it('--help explains --seed; a seed that is not a whole number is a usage error (exit 2, one line, no stack)', () => {
    expect(run('--help').stdout).toMatch(/--seed N +every random test draws its cases from seed N/);
    const bad = run('05', '--seed', '1.5');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('pnpm grade: --seed: expected an integer from 0 to 2147483647, got 1.5\nRun pnpm grade --help for the options.\n');
  });
});
