/**
 * The capstone's self-check, run by `pnpm test` as the grader's `test:e2e` turbo task (node's test runner,
 * with a JUnit report in test-results/): the reference solution trains its CNN inside the sandbox on 8,000 MNIST images
 * and must pass every capstone test (≥ 91% on the 1,000 test images) within the exercise's time limit. It takes a few
 * minutes, which is why it is not part of the vitest run. Same thing by hand:
 * `pnpm --filter @convkit/grader self-check capstone`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { grade } from '../src/run.ts';
import { planGrade } from '../src/plan.ts';

test('capstone self-check: the reference CNN passes the capstone (≥ 91% test accuracy on MNIST) within the time limit', async () => {
  const started = Date.now();
  const report = await grade(planGrade({ selfCheck: true, only: ['capstone'] }));
  const [capstone] = report.exercises;
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  for (const t of capstone.tests) console.log(`${t.status}: ${t.name}${t.message ? ` — ${t.message}` : ''}`);
  console.log(`capstone self-check took ${seconds} s`);
  assert.deepEqual(
    capstone.tests.filter((t) => t.status !== 'passed'),
    [],
  );
  assert.equal(capstone.score, capstone.maxScore);
});
