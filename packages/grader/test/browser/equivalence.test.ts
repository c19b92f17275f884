/**
 * The browser's grader (@convkit/grader/browser, run here in Node worker threads instead of Web Workers)
 * against `pnpm grade`, for every exercise, on its reference solution, a buggy solution and its untouched
 * stub:
 *  - against the student kit's `pnpm grade` (the same recorded cases, in the Node sandbox): the same
 *    result, test by test (status, score, message);
 *  - against the repository's `pnpm grade` (the live spec, with the reference engine and fast-check
 *    shrinking): the same score, the same status per test, and the same first failure message; where that
 *    first failure is a random test, both report the same seed (the live grader then shrinks the failing
 *    case further than the smallest of the recorded ones, which is the only difference by design).
 * The buggy solutions are the references with one plausible student mistake each (a replaced line below).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { exercises } from '@convkit/course-config/node';
import { gradeExercise } from '../../src/run.ts';
import { recordExercise } from '../../src/record/recorder.ts';
import { replaySpec } from '../../src/record/replay.ts';
import type { RecordedExercise } from '../../src/record/format.ts';
import type { ExerciseResult } from '../../src/report.ts';
import type { ExerciseSpec } from '../../src/spec/index.ts';
import { browserTests, gradeInBrowser } from '../../src/browser/index.ts';
import { spawnNodeWorker } from './node-spawn.ts';

const here = dirname(fileURLToPath(import.meta.url));
const exercisesDir = resolve(here, '..', '..', '..', '..', 'exercises');
const tmp = join(here, `tmp-${process.pid}`);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** One mistake per exercise: [line of the reference, what the buggy solution has instead]. */
const BUGS: Record<string, [string, string][]> = {
  '01-output-size': [['return travel / stride + 1;', 'return (n - f) / stride + 1; // forgets the padding']],
  '02-conv-forward': [
    ['const row = i * stride - pad + p;', 'const row = i * stride + p; // ignores padding'],
    ['const col = j * stride - pad + q;', 'const col = j * stride + q;'],
  ],
  '03-max-pool-forward': [['let max = -Infinity;', 'let max = 0; // wrong for negative inputs']],
  '04-flatten-dense': [['let sum = b.data[m];', 'let sum = 0; // forgets the bias']],
  // biome-ignore format: a tensor literal, kept on one line
  '05-backprop': [['dscores.data[n * K + k] = (p - (k === labels[n] ? 1 : 0)) / N;', 'dscores.data[n * K + k] = p - (k === labels[n] ? 1 : 0); // not averaged over the batch']],
  '06-max-pool-backward': [['if (x.data[at] > x.data[best]) best = at;', 'if (x.data[at] < x.data[best]) best = at; // routes to the smallest']],
  '07-conv-backward': [['db.data[f] += g;', 'db.data[f] = g; // overwrites instead of summing']],
  '08-sgd-momentum': [['next.data[i] = p.data[i] + v.data[i]; // p ← p + v', 'next.data[i] = p.data[i] - lr * grads[k].data[i]; // plain SGD']],
};

const read = (path: string): string => readFileSync(join(exercisesDir, path), 'utf8');

/** Every file the browser's sandbox may be asked to import: shared files, stubs, references (tests only). */
const files: Record<string, string> = { 'not-implemented.ts': read('not-implemented.ts') };
for (const e of exercises) {
  files[e.file] = read(e.file);
  files[`${e.id}/.meta/solution.ts`] = read(`${e.id}/.meta/solution.ts`);
}

function buggy(id: string): string {
  let source = read(`${id}/.meta/solution.ts`);
  for (const [line, instead] of BUGS[id]) {
    if (!source.includes(line)) throw new Error(`buggy ${id}: the reference no longer has the line ${JSON.stringify(line)}`);
    source = source.replace(line, instead);
  }
  return source;
}

/** Writes a variant where Node can grade it: beside the grader's tests (so @convkit/engine resolves), its relative imports made absolute. */
function onDisk(id: string, name: string, source: string): string {
  const from = join(exercisesDir, id, '.meta');
  const file = join(tmp, id, name);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(
    file,
    source.replace(/from '(\.\.?\/[^']+)'/g, (_m, rel: string) => `from '${resolve(from, rel)}'`),
  );
  return file;
}

const firstFailure = (r: ExerciseResult) => r.tests.find((t) => t.status !== 'passed');

const graded = exercises.filter((e) => e.id in BUGS);

test('every exercise but the capstone has a buggy solution here, and the capstone is not run in the browser', async () => {
  expect(exercises.filter((e) => !(e.id in BUGS)).map((e) => e.id)).toEqual(['09-capstone']);
  const spec = (await import(join(exercisesDir, '09-capstone', '.meta', 'spec.ts'))) as ExerciseSpec;
  const capstone = exercises.find((e) => e.id === '09-capstone')!;
  const { runnable, notRun } = browserTests(await recordExercise(spec, capstone));
  expect(runnable.tests).toEqual([]);
  expect(notRun.length).toBeGreaterThan(0);
});

describe.each(graded)('$id', (exercise) => {
  const recording: Promise<RecordedExercise> = import(join(exercisesDir, exercise.id, '.meta', 'spec.ts')).then((spec: ExerciseSpec) =>
    recordExercise(spec, exercise),
  );
  const variants: [string, string, string, string][] = [
    // [variant, key among the browser's files, file on disk for pnpm grade, source]
    ['reference', `${exercise.id}/.meta/solution.ts`, join(exercisesDir, exercise.id, '.meta', 'solution.ts'), read(`${exercise.id}/.meta/solution.ts`)],
    ['buggy', `${exercise.id}/.meta/buggy.ts`, '', buggy(exercise.id)],
    ['empty stub', exercise.file, join(exercisesDir, exercise.file), read(exercise.file)],
  ];
  test.each(variants)(
    '%s: same score and first failure as pnpm grade',
    async (variant, key, path, source) => {
      const recorded = await recording;
      const file = path || onDisk(exercise.id, 'buggy.ts', source);
      // the browser's grader alone first: its limits are wall-clock time, as in a browser tab
      const browser = await gradeInBrowser({ exercise, recorded, files: { ...files, [key]: source }, entry: key, spawn: spawnNodeWorker });
      const [live, kit] = await Promise.all([
        gradeExercise({ exercise, file }),
        gradeExercise({ exercise, file }, { specs: { [exercise.id]: replaySpec(recorded) } }),
      ]);
      const b = browser.result;
      expect(browser.notRun).toEqual([]);
      // the kit's pnpm grade: the same recorded cases, test by test
      expect(b).toEqual(kit);
      // the repository's pnpm grade
      expect(b.score).toBe(live.score);
      expect(b.tests.map((t) => [t.name, t.status])).toEqual(live.tests.map((t) => [t.name, t.status]));
      const [fb, fl] = [firstFailure(b), firstFailure(live)];
      expect(fb?.name).toBe(fl?.name);
      if (fb && fl && fl.message.startsWith('random case failed')) {
        expect(fb.message).toMatch(/^random case failed; smallest failing input among \d+ precomputed cases \(seed (\d+)\)/);
        expect(/seed (\d+)/.exec(fb.message)?.[1]).toBe(/seed (\d+)/.exec(fl.message)?.[1]);
      } else expect(fb?.message).toBe(fl?.message);
      // what each variant must get, whichever grader
      if (variant === 'reference') expect([b.status, b.score]).toEqual(['passed', exercise.points]);
      if (variant === 'empty stub') expect([b.status, b.score]).toEqual(['not-started', 0]);
      if (variant === 'buggy') {
        expect(b.score).toBeLessThan(exercise.points);
        expect(fb?.status).toBe('failed');
      }
    },
    240_000,
  );
});
