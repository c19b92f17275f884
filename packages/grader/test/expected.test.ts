/**
 * Grading without the reference (the student kit): every exercise's checks recorded from the live
 * spec, through JSON, replayed. The replayed checks must give the reference full marks, the stub 0,
 * and a buggy implementation the same verdicts and messages as the live checks on the fixed cases.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Tensor } from '@convkit/engine';
import { exercises } from '@convkit/course-config/node';
import { fileFor, solutionFile } from '../src/plan.ts';
import { gradeExercise } from '../src/run.ts';
import { loadSpecs, specs, type ExerciseSpec } from '../src/spec/index.ts';
import { toWire, type SpecContext } from '../src/spec/kit.ts';
import { encodeValue, decodeWire } from '../src/record/codec.ts';
import { recordExercise, replaySpec, writeExpected, type RecordedExercise } from '../src/index.ts';
import type { ExerciseResult } from '../src/report.ts';
import { fixture } from './helpers.ts';

const graded = exercises.filter((e) => e.id < '09');

/** Buggy implementations per exercise (each a plausible mistake). */
const BUGGY: Record<string, string[]> = {
  '01-output-size': ['buggy/floors-output-size.ts'],
  '02-conv-forward': ['buggy/ignores-stride.ts'],
  '05-backprop': ['buggy/transposed-dw.ts'],
  '08-sgd-momentum': ['buggy/stale-velocity.ts'],
};

const sizes: Record<string, number> = {};
afterAll(() => {
  // The recorded bytes per exercise, for the record.
  console.log(
    `recorded sizes (bytes): ${Object.entries(sizes)
      .map(([id, n]) => `${id} ${n}`)
      .join(', ')}`,
  );
});

function roundTrip(recorded: RecordedExercise): { json: string; spec: ExerciseSpec } {
  const json = JSON.stringify(recorded);
  return { json, spec: replaySpec(JSON.parse(json) as RecordedExercise) };
}

async function gradeWith(id: string, file: string, spec: ExerciseSpec): Promise<ExerciseResult> {
  const exercise = exercises.find((e) => e.id === id)!;
  return gradeExercise({ exercise, file }, { specs: { [id]: spec }, concurrency: 1 });
}

const isRandom = (name: string): boolean => name.startsWith('random');

/** Live and replayed: the same status per test; the same message on every fixed test. */
function expectSameVerdicts(live: ExerciseResult, replayed: ExerciseResult): void {
  expect(replayed.tests.map((t) => t.name)).toEqual(live.tests.map((t) => t.name));
  expect(replayed.tests.map((t) => t.status)).toEqual(live.tests.map((t) => t.status));
  for (const [i, t] of live.tests.entries()) {
    if (isRandom(t.name)) {
      if (t.status === 'failed') {
        expect(replayed.tests[i].message).toMatch(/^random case failed; smallest failing input among \d+ precomputed cases \(seed \d+\): .+\n/);
      } else expect(replayed.tests[i].message).toBe(t.message);
    } else expect(replayed.tests[i].message).toBe(t.message);
  }
  expect(replayed.score).toBe(live.score);
  expect(replayed.status).toBe(live.status);
}

describe.each(graded.map((e) => [e.id, e] as const))('%s recorded and replayed', (id, exercise) => {
  const recording = recordExercise(specs[id], exercise);

  it('is plain JSON data with no code, of a reasonable size', async () => {
    const recorded = await recording;
    const { json } = roundTrip(recorded);
    sizes[id] = Buffer.byteLength(json);
    expect(JSON.parse(json)).toEqual(recorded); // nothing lost: no undefined, no typed arrays, no functions
    expect(json).not.toMatch(/=>|function\s*\(|\breturn\b|\bimport\b|\brequire\(/);
    expect(sizes[id]).toBeLessThan(400_000);
    expect(recorded.tests.map((t) => t.name)).toEqual(specs[id].tests(exercise.timeLimitMs).map((t) => t.name));
  });

  it('the reference solution scores full marks', async () => {
    const { spec } = roundTrip(await recording);
    const r = await gradeWith(id, solutionFile(id), spec);
    expect(r.tests.filter((t) => t.status !== 'passed')).toEqual([]);
    expect(r.score).toBe(r.maxScore);
  });

  it('the untouched stub scores 0, not started, with the same messages as live', async () => {
    const { spec } = roundTrip(await recording);
    const file = fileFor(exercise);
    const [live, replayed] = await Promise.all([gradeWith(id, file, specs[id]), gradeWith(id, file, spec)]);
    expect(replayed.score).toBe(0);
    expect(replayed.status).toBe('not-started');
    expectSameVerdicts(live, replayed);
  });

  for (const buggy of BUGGY[id] ?? []) {
    it(`${buggy}: the same verdicts as the live checks`, async () => {
      const { spec } = roundTrip(await recording);
      const [live, replayed] = await Promise.all([gradeWith(id, fixture(buggy), specs[id]), gradeWith(id, fixture(buggy), spec)]);
      expect(live.tests.some((t) => t.status === 'failed')).toBe(true);
      expectSameVerdicts(live, replayed);
    });
  }
});

describe('hostile or broken code: the same verdicts live and replayed', () => {
  const HOSTILE = ['wrong-shape', 'throw-number', 'nan-output', 'mutate-input', 'returns-input', 'calls-reference', 'infinite-loop'];
  const id = '02-conv-forward';
  const recording = recordExercise(specs[id], exercises.find((e) => e.id === id)!);

  it.each(HOSTILE)(
    'hostile/%s.ts as 02',
    async (name) => {
      const { spec } = roundTrip(await recording);
      const exercise = { ...exercises.find((e) => e.id === id)!, timeLimitMs: 1000 };
      const file = fixture(`hostile/${name}.ts`);
      const grade = (s: ExerciseSpec) => gradeExercise({ exercise, file }, { specs: { [id]: s } });
      const [live, replayed] = await Promise.all([grade(specs[id]), grade(spec)]);
      expect(live.score).toBeLessThan(live.maxScore);
      expectSameVerdicts(live, replayed);
    },
    30_000,
  );
});

describe('recorded random cases', () => {
  /** Runs the reference solution in this process, recording every call's inputs. */
  async function liveInputs(id: string, testName: string): Promise<unknown[]> {
    const solution = (await import(solutionFile(id))) as Record<string, (...args: unknown[]) => unknown>;
    const fromWire = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(fromWire);
      if (v && typeof v === 'object' && !ArrayBuffer.isView(v)) {
        const o = v as Record<string, unknown>;
        if (o.__tensor === true) return new Tensor(o.shape as number[], o.data as Float64Array, o.dtype as 'float64');
        return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, fromWire(x)]));
      }
      return v;
    };
    const calls: unknown[] = [];
    const ctx: SpecContext = {
      async call(fn, args) {
        calls.push(encodeValue(args));
        try {
          const value = solution[fn](...args.map(fromWire));
          return { kind: 'returned', value: toWire(value) as never, mutated: null, returnedInput: null, violations: [] };
        } catch (error) {
          const e = error as Error;
          return { kind: 'threw', error: { isError: true, notImplemented: false, name: e.name, message: e.message, stack: '' }, violations: [] };
        }
      },
    };
    const test = specs[id].tests(3000).find((t) => t.name === testName)!;
    expect(await test.run(ctx)).toEqual({ status: 'passed', message: '' });
    return calls;
  }

  const randomTests = graded.flatMap((e) =>
    specs[e.id]
      .tests(e.timeLimitMs)
      .filter((t) => t.name.startsWith('random'))
      .map((t) => [e.id, t.name] as const),
  );

  it.each(randomTests)('%s "%s": the very cases the live check runs first, from its seed', async (id, name) => {
    const recorded = await recordExercise(specs[id], exercises.find((e) => e.id === id)!);
    const test = recorded.tests.find((t) => t.name === name)!;
    if (test.kind !== 'random') throw new Error('expected a random test');
    const live = await liveInputs(id, name);
    expect(test.cases.length).toBe(test.numRuns);
    expect(live.slice(0, test.numRuns)).toEqual(test.cases.map((c) => c.args));
  });

  it('02 ignoring the stride: the smallest failing precomputed case, from the smallest up', async () => {
    const exercise = exercises.find((e) => e.id === '02-conv-forward')!;
    const recorded = await recordExercise(specs['02-conv-forward'], exercise);
    const r = await gradeWith('02-conv-forward', fixture('buggy/ignores-stride.ts'), roundTrip(recorded).spec);
    const random = r.tests.find((t) => t.name.startsWith('random'))!;
    expect(random.status).toBe('failed');
    const test = recorded.tests.find((t) => t.kind === 'random');
    if (test?.kind !== 'random') throw new Error('expected a random test');
    const failing = test.cases.filter((c) => !/ s=1 /.test(` ${c.label} `));
    const smallest = Math.min(...failing.map((c) => c.size));
    const label = random.message.match(/^random case failed; smallest failing input among 25 precomputed cases \(seed 202\): (.+)\n/)![1];
    expect(label).toMatch(/ s=[23] /);
    // Every stride > 1 case fails here; the one reported is the smallest of them.
    expect(test.cases.find((c) => c.label === label)!.size).toBe(smallest);
  });

  it('maxRandomCases caps the precomputed cases', async () => {
    const recorded = await recordExercise(specs['04-flatten-dense'], exercises.find((e) => e.id === '04-flatten-dense')!, { maxRandomCases: 5 });
    for (const t of recorded.tests) if (t.kind === 'random') expect(t.cases).toHaveLength(5);
  });
});

describe('the recorded file format', () => {
  it('keeps float64 values, NaN, ±Infinity and -0 exactly', () => {
    const t = new Tensor([5], [0.1 + 0.2, Number.NaN, Infinity, -Infinity, -0], 'float64');
    const back = decodeWire(JSON.parse(JSON.stringify(encodeValue(toWire(t)))) as never) as { data: Float64Array; dtype: string };
    expect(back.dtype).toBe('float64');
    expect(Array.from(back.data)).toEqual([0.1 + 0.2, Number.NaN, Infinity, -Infinity, -0]);
    expect(Object.is(back.data[4], -0)).toBe(true);
    expect(() => encodeValue({ f: () => 1 })).toThrow(/cannot record value\.f: a function/);
  });

  it('a test without a record() hook is refused by name', async () => {
    const spec: ExerciseSpec = { tests: () => [{ name: 'custom', run: async () => ({ status: 'passed', message: '' }) }] };
    await expect(recordExercise(spec, { id: '99-x', timeLimitMs: 1000 })).rejects.toThrow(/test "custom" of 99-x cannot be recorded/);
  });

  it('the capstone records as data (sizes, seed, thresholds), not as code, and shares one training run when replayed', async () => {
    const capstone = exercises.find((e) => e.id === '09-capstone')!;
    const recorded = await recordExercise(specs[capstone.id], capstone);
    expect(recorded.tests.map((t) => t.kind)).toEqual(['capstone', 'capstone', 'capstone']);
    expect(recorded.tripwires).toContain('conv2dForward');
    const spec = roundTrip(recorded).spec;
    let calls = 0;
    const ctx: SpecContext = {
      async call() {
        calls++;
        return { kind: 'threw', error: { isError: true, notImplemented: true, name: 'NotImplemented', message: '', stack: '' }, violations: [] };
      },
    };
    const verdicts = [];
    for (const t of spec.tests(180_000)) verdicts.push(await t.run(ctx));
    expect(calls).toBe(1);
    expect(verdicts.map((v) => v.status)).toEqual(['not-started', 'not-started', 'not-started']);
  }, 60_000);

  it('loadSpecs falls back to <expected>/<id>.json for an exercise without .meta/spec.ts', async () => {
    const root = mkdtempSync(join(tmpdir(), 'convkit-expected-'));
    try {
      const exercisesDir = join(root, 'exercises');
      const expectedDir = join(root, 'expected');
      const ex = exercises.find((e) => e.id === '01-output-size')!;
      const { mkdirSync } = await import('node:fs');
      mkdirSync(join(exercisesDir, ex.id), { recursive: true });
      const file = writeExpected(expectedDir, await recordExercise(specs[ex.id], ex));
      expect(file).toBe(join(expectedDir, `${ex.id}.json`));
      expect(JSON.parse(readFileSync(file, 'utf8')).id).toBe(ex.id);
      const loaded = await loadSpecs(exercisesDir, expectedDir);
      expect(Object.keys(loaded)).toEqual([ex.id]);
      const r = await gradeWith(ex.id, solutionFile(ex.id), loaded[ex.id]);
      expect(r.score).toBe(r.maxScore);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
