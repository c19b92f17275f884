/**
 * Every attack of the issue, as a hostile submission of exercise 02 (test/fixtures/hostile): the
 * grader must survive, fail the tests the attack touches with a clear message, and still report.
 */
import { describe, expect, it } from 'vitest';
import { grade } from '../src/run.ts';
import { fixture, gradeConv, exercise } from './helpers.ts';
import { solutionFile } from '../src/plan.ts';
import { specs } from '../src/spec/index.ts';

const hostile = (name: string) => fixture(`hostile/${name}.ts`);
/** Attacks that kill the sandbox restart it for every test: two checks are enough to see that. */
const twoChecks = ['one filter, one channel', 'CS231n vectors'];

describe.concurrent('hostile submissions of conv2dForward (3 checks: hand-worked, CS231n, random)', () => {
  it('infinite loop: the first call times out, the others are not run, status timeout', async () => {
    const r = await gradeConv(hostile('infinite-loop'), { timeLimitMs: 1000 });
    expect(r.status).toBe('timeout');
    expect(r.score).toBe(0);
    expect(r.tests[0].message).toBe('conv2dForward ran out of its 1000 ms time limit (CPU time) and was stopped (an infinite loop?)');
    expect(r.tests[1].message).toBe('not run: an earlier call of conv2dForward ran out of its 1000 ms time limit');
  });

  it('a promise that never settles: stopped once it uses almost no CPU for 10 s, status timeout', async () => {
    const r = await gradeConv(hostile('never-returns'), {}, ['one filter, one channel']);
    expect(r.status).toBe('timeout');
    expect(r.tests[0].message).toBe('conv2dForward stopped computing and never returned (waiting for a promise that never settles?)');
  });

  it('throw 42: a failed test that says a number was thrown, not an Error', async () => {
    const r = await gradeConv(hostile('throw-number'));
    expect(r.tests.map((t) => t.status)).toEqual(['failed', 'failed', 'failed']);
    expect(r.tests[0].message).toContain('conv2dForward threw 42 (a number, not an Error)');
  });

  it('process.exit(0) during a call: error "exited with code 0", and the sandbox restarts for the next test', async () => {
    const r = await gradeConv(hostile('process-exit'), {}, twoChecks);
    expect(r.tests.map((t) => t.status)).toEqual(['error', 'error']);
    expect(r.tests[0].message).toContain('the process exited with code 0 (process.exit?)');
  });

  it('process.kill(process.pid): error "killed by SIGKILL"', async () => {
    const r = await gradeConv(hostile('process-kill'), {}, twoChecks);
    expect(r.status).toBe('error');
    expect(r.tests[0].message).toContain('the process was killed by SIGKILL');
  });

  it('process.exit at load time: every test errors with the load failure', async () => {
    const r = await gradeConv(hostile('exit-on-load'));
    expect(r.status).toBe('error');
    for (const t of r.tests) expect(t.message).toContain('your module failed to load');
  });

  it('a 10 GB allocation is stopped at the memory limit (256 MB)', async () => {
    const r = await gradeConv(hostile('huge-allocation'), { timeLimitMs: 30_000 }, twoChecks);
    expect(r.tests[0].status).toBe('error');
    expect(r.tests[0].message).toBe('conv2dForward used more than the 256 MB memory limit and was stopped');
  });

  it('monkey-patched Math, Array, typed arrays and JSON: plain wrong answers, compared in the grader', async () => {
    const r = await gradeConv(hostile('monkey-patch'));
    expect(r.tests.map((t) => t.status)).toEqual(['failed', 'failed', 'failed']);
    expect(r.tests[0].message).toMatch(/^out: expected shape \[1, 1, 2, 2\], got \[1, 1, 1, 1\]/);
  });

  it('a mutated input tensor is caught even though the output is right', async () => {
    const r = await gradeConv(hostile('mutate-input'));
    expect(r.tests[0].status).toBe('failed');
    expect(r.tests[0].message).toMatch(/^conv2dForward modified its input: x \(flat index 1\) changed from 1 to 0/);
  });

  it('NaN and Infinity in the output are named with their index', async () => {
    const r = await gradeConv(hostile('nan-output'));
    expect(r.tests[0].message).toBe('out contains NaN at out[0, 0, 0, 0] (flat index 0); expected 19');
  });

  it('a wrong shape is explained with the size formula', async () => {
    const r = await gradeConv(hostile('wrong-shape'));
    expect(r.tests[1].message).toBe(
      "out: expected shape [2, 3, 2, 2], got [2, 3, 1, 1] — out is [N, T, H', W'] = [2, 3, H', W'] with H' = (4 − 4 + 2·1)/2 + 1 = 2 and W' = (4 − 4 + 2·1)/2 + 1 = 2",
    );
  });

  it('returning the input tensor itself', async () => {
    const r = await gradeConv(hostile('returns-input'));
    expect(r.tests[0].message).toBe('conv2dForward returned its input x itself: return a new Tensor');
  });

  it("printing a fake score: the output is quoted in the failing test's message, never reported as a score", async () => {
    const r = await gradeConv(hostile('fake-score'));
    expect(r.score).toBe(0);
    expect(r.tests[0].message).toMatch(/^out: expected a Tensor of shape \[1, 1, 2, 2\], got the number 9\nyour code printed:\n {2}\| /);
    expect(r.tests[0].message).toContain('  | Total 100.00 / 100');
  });

  it("calling the engine's conv2dForward is a violation", async () => {
    const r = await gradeConv(hostile('calls-reference'));
    expect(r.tests.map((t) => t.status)).toEqual(['failed', 'failed', 'failed']);
    expect(r.tests[0].message).toBe("violation: conv2dForward called the engine's reference conv2dForward — this exercise asks you to write it yourself");
  });

  it('reaching it through the Conv2D layer or the op file path, and swallowing the error, is a violation too', async () => {
    const r = await gradeConv(hostile('calls-reference-deep'));
    expect(r.tests[0].message).toMatch(/^violation: conv2dForward called the engine's reference conv2dForward/);
  });

  it('reaching the fast kernels (a training Conv2D layer, the kernel files) is a violation too', async () => {
    const r = await gradeConv(hostile('calls-fast-path'));
    expect(r.tests.map((t) => t.status)).toEqual(['failed', 'failed', 'failed']);
    expect(r.tests[0].message).toMatch(/^violation: conv2dForward called the engine's reference conv2dForward/);
  });

  it('loading the engine through CommonJS require (createRequire) is a violation too', async () => {
    const r = await gradeConv(hostile('calls-reference-require'));
    expect(r.tests.map((t) => t.status)).toEqual(['failed', 'failed', 'failed']);
    expect(r.tests[0].message).toMatch(/^violation: conv2dForward called the engine's reference conv2dForward/);
  });

  it('a syntax error: every test errors with the compiler message', async () => {
    const r = await gradeConv(hostile('syntax-error'));
    expect(r.status).toBe('error');
    expect(r.tests[0].message).toMatch(/your module failed to load: .*(Expected|Unexpected)/s);
  });
});

describe('one hostile exercise never spoils the others', () => {
  it('kill and 10 GB submissions graded next to a correct 01: 01 still scores full marks, every test of each reported', async () => {
    const report = await grade(
      [
        { exercise: exercise('01-output-size'), file: solutionFile('01-output-size') },
        { exercise: { ...exercise('02-conv-forward'), timeLimitMs: 1000, memoryLimitMb: 256 }, file: hostile('process-kill') },
        { exercise: { ...exercise('02-conv-forward'), timeLimitMs: 30_000, memoryLimitMb: 256 }, file: hostile('huge-allocation') },
      ],
      { concurrency: 3 },
    );
    expect(report.exercises[0]).toMatchObject({ id: '01-output-size', status: 'passed', score: 5 });
    expect(report.exercises[1].status).toBe('error');
    expect(report.exercises[2].status).toBe('error');
    const count = (id: string): number => specs[id].tests(1000).length;
    expect(report.exercises.map((e) => e.tests.length)).toEqual([count('01-output-size'), count('02-conv-forward'), count('02-conv-forward')]);
  }, 120_000);
});
