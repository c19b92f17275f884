/**
 * Official grading runs fresh random cases that no kit has recorded: a lookup table of the kit's
 * expected outputs passes everything the kit grades, and loses the random tests' points when graded
 * officially; honest code loses nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exercises, gradeExercise, recordExercise, replaySpec, solutionFile, specs, type RecordedExercise } from '@convkit/grader';
import { lookupCheatSource } from '@convkit/grader/testing';
import { loadCourse } from '@convkit/course-config/node';
import { gradeClass } from './grade-class.ts';

const root = join(import.meta.dirname, '..', '..', '..', '..');
const exercise = exercises.find((e) => e.id === '01-output-size')!;
let dir: string;
let recorded: RecordedExercise;
let cheatFile: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'convkit-fresh-'));
  recorded = JSON.parse(JSON.stringify(await recordExercise(specs[exercise.id], exercise))) as RecordedExercise;
  cheatFile = join(dir, 'output-size.ts');
  writeFileSync(cheatFile, lookupCheatSource(recorded));
}, 60_000);

const grade = (file: string, options: { replay?: boolean; freshSeed?: number } = {}) =>
  gradeExercise(
    { exercise, file },
    { specs: { [exercise.id]: options.replay ? replaySpec(recorded) : specs[exercise.id] }, concurrency: 1, freshSeed: options.freshSeed },
  );

describe("fresh random cases in official grading (01, a lookup table of the kit's 72 recorded calls)", () => {
  it('the table passes every check the kit grades, live or replayed: the kit is feedback, not marks', async () => {
    expect((await grade(cheatFile, { replay: true })).score).toBe(5);
    expect((await grade(cheatFile)).score).toBe(5);
  }, 60_000);

  it('with a fresh seed the random test fails, saying the recorded cases passed and fresh ones did not', async () => {
    const r = await grade(cheatFile, { freshSeed: 987654 });
    const random = r.tests.find((t) => t.name.startsWith('random'))!;
    expect(random.status).toBe('failed');
    expect(random.message).toMatch(
      /^random case failed on fresh cases of this grading run \(official grading only; \d+ runs, seed \d+\); the kit's recorded cases passed: n=\d+ f=\d+ s=\d+ p=\d+\n/,
    );
    expect(r.score).toBeCloseTo(4, 6); // the random test's weight 3 of 15, out of 5 points
  }, 60_000);

  it('the reference loses nothing to fresh cases, whatever the seed', async () => {
    for (const freshSeed of [1, 987654, 2 ** 31 - 1]) expect((await grade(solutionFile(exercise.id), { freshSeed })).score).toBe(5);
  }, 60_000);

  // biome-ignore format: a tensor literal, kept on one line
  it('class grading uses them: the table loses the random test\'s points, an honest student keeps full marks', async () => {
    const subs = join(dir, 'submissions');
    for (const [student, source] of [['ann', solutionFile(exercise.id)], ['tab', cheatFile]] as const) {
      mkdirSync(join(subs, student), { recursive: true });
      writeFileSync(join(subs, student, 'output-size.ts'), readFileSync(source));
    }
    const course = await loadCourse(root);
    const result = await gradeClass({
      submissionsDir: subs,
      outDir: join(dir, 'out'),
      repoExercisesDir: join(root, 'exercises'),
      exercises: course.exercises.filter((e) => e.id === exercise.id),
      isolate: false,
      concurrency: 2,
    });
    // biome-ignore format: a tensor literal, kept on one line
    expect(result.reports.map((r) => [r.student, r.score])).toEqual([['ann', 5], ['tab', 4]]);
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});
