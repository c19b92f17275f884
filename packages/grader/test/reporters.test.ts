import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { PrettyReporter, gradescopeResults, jsonReport, junitReport, useColor } from '../src/reporters/index.ts';
import type { GradeReport } from '../src/report.ts';
import { exerciseStatus, shares, sumScores, totals, type ExerciseResult } from '../src/report.ts';
import { exercises } from '@convkit/course-config/node';
import { specs } from '../src/spec/index.ts';

const report: GradeReport = {
  score: 7.5,
  maxScore: 20,
  exercises: [
    {
      id: '01-output-size',
      title: 'Output size',
      score: 5,
      maxScore: 5,
      status: 'passed',
      tests: [{ name: 'n=5 f=3 s=1 p=0', status: 'passed', score: 5, maxScore: 5, message: '' }],
    },
    {
      id: '02-conv-forward',
      title: 'Conv <forward> & "more"',
      score: 2.5,
      maxScore: 15,
      status: 'failed',
      tests: [
        { name: 'x=[1,1,3,3] w=[1,1,2,2]', status: 'passed', score: 2.5, maxScore: 2.5, message: '' },
        { name: 'x=[2,3,4,4] w=[3,3,4,4] s=2 p=1', status: 'failed', score: 0, maxScore: 5, message: 'out[0, 0, 0, 0]: expected 1 < 2' },
        { name: 'random', status: 'timeout', score: 0, maxScore: 5, message: 'did not return' },
        { name: 'loop', status: 'error', score: 0, maxScore: 2.5, message: 'crashed' },
      ],
    },
    { id: '03-max-pool-forward', title: 'Pool', score: 0, maxScore: 0, status: 'not-started', tests: [] },
  ],
};

function capture(isTTY: boolean): { stream: Writable & { isTTY: boolean }; text: () => string } {
  let text = '';
  const stream = Object.assign(
    new Writable({
      write(chunk, _enc, done) {
        text += String(chunk);
        done();
      },
    }),
    { isTTY },
  );
  return { stream, text: () => text };
}

describe('json reporter', () => {
  it('writes exactly { score, maxScore, exercises: [{ id, title, score, maxScore, status, tests: [{ name, status, score, maxScore, message }] }] }', () => {
    const parsed = JSON.parse(jsonReport(report));
    expect(Object.keys(parsed)).toEqual(['score', 'maxScore', 'exercises']);
    for (const e of parsed.exercises) {
      expect(Object.keys(e)).toEqual(['id', 'title', 'score', 'maxScore', 'status', 'tests']);
      expect(['passed', 'failed', 'not-started', 'error', 'timeout']).toContain(e.status);
      for (const t of e.tests) expect(Object.keys(t)).toEqual(['name', 'status', 'score', 'maxScore', 'message']);
    }
  });
});

describe('junit reporter', () => {
  const xml = junitReport(report);
  it('counts tests, failures, errors (error + timeout) and skipped (not started)', () => {
    expect(xml).toContain('<testsuites name="convkit grade" tests="5" failures="1" errors="2" skipped="0">');
  });
  it('escapes names and messages', () => {
    expect(xml).toContain('name="02-conv-forward Conv &lt;forward&gt; &amp; &quot;more&quot;"');
    expect(xml).toContain('<failure message="out[0, 0, 0, 0]: expected 1 &lt; 2">');
  });
  it('has as many testcase elements as tests, and balanced suites', () => {
    expect(xml.match(/<testcase /g)).toHaveLength(5);
    expect(xml.match(/<testsuite /g)?.length).toBe(xml.match(/<\/testsuite>/g)?.length);
  });
});

describe('gradescope reporter', () => {
  it("follows Gradescope's results.json: score, and tests with name, score, max_score, output, visibility, status", () => {
    const r = gradescopeResults(report);
    expect(r.score).toBe(7.5);
    expect(r.tests).toHaveLength(5);
    expect(r.tests[1]).toEqual({
      name: '02-conv-forward: x=[1,1,3,3] w=[1,1,2,2]',
      number: '2.1',
      score: 2.5,
      max_score: 2.5,
      output: '',
      visibility: 'visible',
      status: 'passed',
    });
    expect(r.tests[3]).toMatchObject({ status: 'failed', output: '[timeout] did not return', score: 0, max_score: 5 });
  });
  it('lets a course hide tests', () => {
    const r = gradescopeResults(report, { visibility: (id) => (id === '02-conv-forward' ? 'after_published' : 'visible') });
    expect(r.tests.map((t) => t.visibility)).toEqual(['visible', 'after_published', 'after_published', 'after_published', 'after_published']);
  });
});

describe('pretty reporter', () => {
  it('uses colour on a TTY only, and never with NO_COLOR', () => {
    expect(useColor({ isTTY: true }, {})).toBe(true);
    expect(useColor({ isTTY: false }, {})).toBe(false);
    expect(useColor({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(useColor({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
  });
  it('prints no escape codes when not on a TTY, failing tests with their messages, and the next exercise', () => {
    const out = capture(false);
    const pretty = new PrettyReporter({ stream: out.stream });
    pretty.start(3, 'convkit grade');
    for (const e of report.exercises) pretty.onEvent({ type: 'exercise-done', result: e });
    pretty.summary(report);
    const text = out.text();
    expect(text).not.toMatch(/\x1b\[/);
    expect(text).toContain('✓ 01-output-size  Output size  5/5 · 1/1 tests passed');
    expect(text).toContain('   ✗ x=[2,3,4,4] w=[3,3,4,4] s=2 p=1\n       out[0, 0, 0, 0]: expected 1 < 2');
    expect(text).toMatch(/Total +7\.50 \/ 20/);
    expect(text).toContain('Next up: 02-conv-forward — edit exercises/02-conv-forward/conv-forward.ts');
  });
  it('colours on a TTY', () => {
    const out = capture(true);
    const pretty = new PrettyReporter({ stream: out.stream, color: true });
    pretty.summary(report);
    expect(out.text()).toContain('\x1b[32m✓\x1b[39m');
  });
});

describe('exercise status', () => {
  const t = (status: 'passed' | 'failed' | 'not-started' | 'error' | 'timeout') => ({ name: '', status, score: 0, maxScore: 1, message: '' });
  it('passed / not-started / timeout / error when all tests agree, failed otherwise', () => {
    expect(exerciseStatus([t('passed'), t('passed')])).toBe('passed');
    expect(exerciseStatus([t('not-started'), t('not-started')])).toBe('not-started');
    expect(exerciseStatus([t('timeout'), t('timeout')])).toBe('timeout');
    expect(exerciseStatus([t('passed'), t('not-started')])).toBe('failed');
    expect(exerciseStatus([t('error'), t('failed')])).toBe('failed');
  });
});

describe('exact totals', () => {
  it('5 points over 3 equal tests: 1.67 + 1.67 + 1.66 (hand-worked), not 3 × 1.67 = 5.01', () => {
    expect(shares(5, [1, 1, 1])).toEqual([1.67, 1.67, 1.66]);
    expect(shares(15, [1, 1, 1, 1, 1, 1, 1])).toEqual([2.15, 2.15, 2.14, 2.14, 2.14, 2.14, 2.14]);
    expect(shares(10, [1, 2, 3])).toEqual([1.67, 3.33, 5]);
  });
  it.each(exercises.filter((e) => specs[e.id]).map((e) => [e.id, e] as const))("%s: the tests' shares add up to its points exactly", (_id, e) => {
    const weights = specs[e.id].tests(e.timeLimitMs).map((t) => t.weight ?? 1);
    const s = shares(e.points, weights);
    expect(Math.round(s.reduce((a, b) => a + b, 0) * 100)).toBe(Math.round(e.points * 100));
    for (const v of s) expect(Math.round(v * 100)).toBeCloseTo(v * 100, 9);
  });
  it('sums of hundredths do not drift: 0.1 + 0.2 = 0.3, and totals() adds exercise scores exactly', () => {
    expect(sumScores([0.1, 0.2])).toBe(0.3);
    const e = (score: number): ExerciseResult => ({ id: 'x', title: 'x', score, maxScore: 5, status: 'failed', tests: [] });
    expect(totals([e(1.67), e(1.67), e(1.66)]).score).toBe(5);
  });
});

describe('pretty reporter: headline and order', () => {
  const ex = (id: string, statuses: ('passed' | 'failed')[]): ExerciseResult => ({
    id,
    title: id,
    score: 0,
    maxScore: 5,
    status: statuses.every((s) => s === 'passed') ? 'passed' : 'failed',
    tests: statuses.map((status, i) => ({ name: `t${i}`, status, score: 0, maxScore: 1, message: status === 'failed' ? 'wrong' : '' })),
  });
  it('counts PASSED tests under "passed": 8 failed of 13 prints 5/13 tests passed', () => {
    const out = capture(false);
    const pretty = new PrettyReporter({ stream: out.stream });
    const statuses = [...Array(5).fill('passed'), ...Array(8).fill('failed')] as ('passed' | 'failed')[];
    out.stream.write(pretty.exerciseBlock(ex('05-backprop', statuses)));
    expect(out.text()).toContain('5/13 tests passed');
    expect(out.text()).not.toContain('tests failed');
  });
  it('prints blocks in course order whatever order the exercises finish in', () => {
    const out = capture(false);
    const pretty = new PrettyReporter({ stream: out.stream });
    pretty.start(3, 'convkit grade', ['01-a', '02-b', '03-c']);
    for (const id of ['03-c', '01-a', '02-b']) pretty.onEvent({ type: 'exercise-done', result: ex(id, ['passed']) });
    const text = out.text();
    expect(text.indexOf('01-a')).toBeLessThan(text.indexOf('02-b'));
    expect(text.indexOf('02-b')).toBeLessThan(text.indexOf('03-c'));
  });
});

describe('exact totals through every reporter, on a real grade', () => {
  it('01 with a flooring outputSize (5 points over 12 tests of weight 1 and one of weight 3): test scores add up to the exercise score in JSON and Gradescope, and the max scores to 5', async () => {
    const { gradeExercise } = await import('../src/run.ts');
    const { fileURLToPath } = await import('node:url');
    const ex = exercises.find((e) => e.id === '01-output-size')!;
    const result = await gradeExercise({ exercise: ex, file: fileURLToPath(new URL('./fixtures/buggy/floors-output-size.ts', import.meta.url)) });
    const cents = (v: number): number => Math.round(v * 100);
    expect(result.score).toBeGreaterThan(0);
    expect(result.score).toBeLessThan(5);
    expect(result.tests.reduce((s, t) => s + cents(t.maxScore), 0)).toBe(500);
    expect(result.tests.reduce((s, t) => s + cents(t.score), 0)).toBe(cents(result.score));
    const json = JSON.parse(jsonReport(totals([result])));
    expect(json.exercises[0].tests.reduce((s: number, t: { score: number }) => s + cents(t.score), 0)).toBe(cents(json.score));
    const gs = gradescopeResults(totals([result]));
    expect(gs.tests.reduce((s, t) => s + cents(t.score), 0)).toBe(cents(gs.score!));
    expect(gs.tests.reduce((s, t) => s + cents(t.max_score), 0)).toBe(500);
  });
});
