/**
 * The course verifies itself: the reference solutions score full marks through exactly the path a
 * student's code takes, and the untouched stubs score 0 with status "not-started". (The capstone's
 * full training run is `pnpm grade --self-check capstone`; here its stub is checked.)
 */
import { describe, expect, it } from 'vitest';
import { grade } from '../src/run.ts';
import { planGrade } from '../src/plan.ts';

describe('the course checks itself', () => {
  it('self-check: the reference solutions of 01–08 score full marks', async () => {
    const report = await grade(planGrade({ selfCheck: true, skip: ['capstone'] }), { concurrency: 2 });
    const failures = report.exercises.flatMap((e) => e.tests.filter((t) => t.status !== 'passed').map((t) => `${e.id} ${t.name}: ${t.message}`));
    expect(failures).toEqual([]);
    expect(report.score).toBe(90);
    expect(report.maxScore).toBe(90);
  }, 300_000);

  it('the untouched stubs of all 9 exercises score 0, every one "not-started"', async () => {
    const report = await grade(planGrade({}), { concurrency: 2 });
    expect(report.exercises.map((e) => [e.id, e.status, e.score])).toEqual(report.exercises.map((e) => [e.id, 'not-started', 0]));
    expect(report.score).toBe(0);
    expect(report.maxScore).toBe(100);
    for (const e of report.exercises) for (const t of e.tests) expect(t.message).toMatch(/is not started yet/);
  }, 300_000);
});
