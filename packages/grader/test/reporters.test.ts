import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { PrettyReporter, gradescopeResults, jsonReport, junitReport, useColor } from '../src/reporters/index.ts';
import type { GradeReport } from '../src/report.ts';
import { exerciseStatus } from '../src/report.ts';

const report: GradeReport = {
  score: 7.5,
  maxScore: 20,
  exercises: [
    {
      id: '01-output-size', title: 'Output size', score: 5, maxScore: 5, status: 'passed',
      tests: [{ name: 'n=5 f=3 s=1 p=0', status: 'passed', score: 5, maxScore: 5, message: '' }],
    },
    {
      id: '02-conv-forward', title: 'Conv <forward> & "more"', score: 2.5, maxScore: 15, status: 'failed',
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
  const stream = Object.assign(new Writable({ write(chunk, _enc, done) { text += String(chunk); done(); } }), { isTTY });
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
      name: '02-conv-forward: x=[1,1,3,3] w=[1,1,2,2]', number: '2.1', score: 2.5, max_score: 2.5, output: '', visibility: 'visible', status: 'passed',
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
    expect(out.text()).toContain('\x1b[32m✓\x1b[0m');
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
