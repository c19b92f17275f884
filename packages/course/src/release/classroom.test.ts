/**
 * The Classroom workflow: its structure (parsed, not matched as text), the points per exercise and per
 * test as `classroom-resources/autograding-grading-reporter@v1` computes them, the pinned autograder,
 * and the runner-result script run for real (the exact text the workflow writes out) on grade reports.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Course } from '@convkit/course-config/node';
import { checkPin, classroomWorkflow, resultsEnv, stepId, type PinnedAutograder } from './classroom.ts';
import { RUNNER_RESULT_SCRIPT } from './classroom-runner-result.ts';
import { toYaml } from './classroom-yaml.ts';
import { pinClassroomWorkflow, sha256Of } from './classroom-pin.ts';

// ---------------------------------------------------------------------------------------------
// A parser for the YAML subset classroom-yaml.ts writes (block mappings and sequences, plain and
// double-quoted scalars, literal block scalars). Anything else throws, so the writer cannot drift
// into constructs these tests would misread. PyYAML, when installed, cross-checks it below.

type Y = string | number | boolean | null | Y[] | { [k: string]: Y };
interface Line {
  indent: number;
  text: string;
}

function parseScalar(s: string): Y {
  if (s.startsWith('"')) return JSON.parse(s) as string;
  if (/^-?\d+(\.\d+)?$/.test(s)) return Number(s);
  if (s === 'true' || s === 'false') return s === 'true';
  if (s === 'null') return null;
  if (/^[A-Za-z_][A-Za-z0-9_ ./@-]*$/.test(s)) return s;
  throw new Error(`parseYaml: unexpected scalar ${s}`);
}

function parseYaml(text: string): Y {
  const raw = text.split('\n');
  let i = 0;
  const next = (): Line | null => {
    while (i < raw.length && (raw[i].trim() === '' || raw[i].trimStart().startsWith('#'))) i++;
    if (i >= raw.length) return null;
    const line = raw[i];
    return { indent: line.length - line.trimStart().length, text: line.trimStart() };
  };
  const block = (indent: number, chomp: string): string => {
    const out: string[] = [];
    while (i < raw.length && (raw[i] === '' || raw[i].startsWith(' '.repeat(indent)))) out.push(raw[i++].slice(indent));
    while (out.length > 0 && out[out.length - 1] === '') out.pop();
    return out.join('\n') + (chomp === '-' ? '' : '\n');
  };
  const value = (rest: string, childIndent: number): Y => {
    if (rest === '|' || rest === '|-') return block(childIndent, rest.slice(1));
    if (rest !== '') return parseScalar(rest);
    const n = next();
    if (!n || n.indent < childIndent) throw new Error(`parseYaml: empty value at line ${i + 1}`);
    return node(n.indent);
  };
  const keyValue = (text: string, indent: number, into: Record<string, Y>): void => {
    const m = /^("(?:[^"\\]|\\.)*"|[A-Za-z_][\w-]*):(?: (.*))?$/.exec(text);
    if (!m) throw new Error(`parseYaml: expected key: value at line ${i + 1}: ${text}`);
    const key = m[1].startsWith('"') ? (JSON.parse(m[1]) as string) : m[1];
    if (key in into) throw new Error(`parseYaml: duplicate key ${key}`);
    i++;
    into[key] = value(m[2] ?? '', indent + 2);
  };
  const node = (indent: number): Y => {
    const first = next()!;
    if (first.text.startsWith('- ')) {
      const seq: Y[] = [];
      for (let n = next(); n && n.indent === indent && n.text.startsWith('- '); n = next()) {
        const rest = n.text.slice(2);
        if (/^("(?:[^"\\]|\\.)*"|[A-Za-z_][\w-]*):( |$)/.test(rest)) {
          const map: Record<string, Y> = {};
          keyValue(rest, indent + 2, map);
          for (let m = next(); m && m.indent === indent + 2 && !m.text.startsWith('- '); m = next()) keyValue(m.text, indent + 2, map);
          seq.push(map);
        } else {
          i++;
          seq.push(value(rest, indent + 2));
        }
      }
      return seq;
    }
    const map: Record<string, Y> = {};
    for (let n = next(); n && n.indent === indent; n = next()) keyValue(n.text, indent, map);
    const n = next();
    if (n && n.indent > indent) throw new Error(`parseYaml: unexpected indentation at line ${i + 1}`);
    return map;
  };
  const doc = node(0);
  if (next()) throw new Error(`parseYaml: trailing content at line ${i + 1}`);
  return doc;
}

const pyYaml = spawnSync('python3', ['-c', 'import yaml'], { encoding: 'utf8' }).status === 0;
function viaPyYaml(text: string): unknown {
  const r = spawnSync('python3', ['-c', 'import sys, json, yaml; print(json.dumps(yaml.safe_load(sys.stdin)))'], { input: text, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

// ---------------------------------------------------------------------------------------------
// A course of four exercises: three scored, one with hidden tests.

const course = {
  root: '/nowhere',
  config: { title: 'CNNs: test course' },
  exercises: [
    { id: '01-output-size', title: 'Output size', points: 5, timeLimitMs: 2000, visibleTests: true },
    { id: '02-conv-forward', title: 'Convolution', points: 15, timeLimitMs: 10_000, visibleTests: true },
    { id: '04-flatten-dense', title: 'Flatten and dense', points: 10, timeLimitMs: 2000, visibleTests: true },
    { id: '09-capstone', title: 'Capstone', points: 10, timeLimitMs: 120_000, visibleTests: false },
  ],
} as unknown as Course;
const SCORED = ['01-output-size', '02-conv-forward', '04-flatten-dense'];
const PIN: PinnedAutograder = {
  repository: 'my-org/cnn-autograder',
  ref: '0123456789abcdef0123456789abcdef01234567',
  path: 'release/gradescope-autograder.zip',
  sha256: 'f'.repeat(64),
};

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, Y>;
  env?: Record<string, string>;
}
interface Workflow {
  name: string;
  on: string[];
  permissions: Record<string, string>;
  jobs: Record<string, { 'runs-on': string; if: string; steps: Step[] }>;
}

const kitYaml = classroomWorkflow(course, 'pnpm@12.4.2');
const pinYaml = classroomWorkflow(course, 'pnpm@12.4.2', { autograder: PIN });
const kit = parseYaml(kitYaml) as unknown as Workflow;
const pinned = parseYaml(pinYaml) as unknown as Workflow;
const stepsOf = (w: Workflow): Step[] => w.jobs['run-autograding-tests'].steps;

// ---------------------------------------------------------------------------------------------
// The reporter, as its src/main.js and src/notify-classroom.js compute points (read for this test:
// runners split on commas, env `<RUNNER upper-cased>_RESULTS` as base64 JSON, total = sum of every
// test's `score` of runners with a `max_score`, maximum = sum of those `max_score`s).

interface RunnerResult {
  version: number;
  status: string;
  max_score: number;
  tests: { name: string; status: string; score: number; message: string | null }[];
}
function reporter(
  runners: string,
  env: Record<string, string>,
): { totalPoints: number; maxPoints: number; failed: boolean; results: Record<string, RunnerResult> } {
  const results: Record<string, RunnerResult> = {};
  let totalPoints = 0;
  let maxPoints = 0;
  for (const runner of runners.split(/[\s,]/).filter(Boolean)) {
    const encoded = env[`${runner.trim().toUpperCase()}_RESULTS`];
    if (encoded === undefined) throw new Error(`reporter: no ${runner.trim().toUpperCase()}_RESULTS`);
    const r = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')) as RunnerResult;
    results[runner] = r;
    if (!r.max_score) continue;
    maxPoints += r.max_score;
    for (const t of r.tests) totalPoints += t.score;
  }
  return { totalPoints, maxPoints, failed: Object.values(results).some((r) => r.status === 'fail' || r.status === 'error'), results };
}

// ---------------------------------------------------------------------------------------------
// Running the workflow's own shell steps on this machine, with `${{ runner.temp }}` in a temporary folder.

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function runGradingSteps(workflow: Workflow, report: unknown | null): { env: Record<string, string>; summary: string; logs: string } {
  const temp = mkdtempSync(join(tmpdir(), 'convkit-classroom-'));
  dirs.push(temp);
  if (report !== null) writeFileSync(join(temp, 'convkit-report.json'), typeof report === 'string' ? report : JSON.stringify(report));
  const summary = join(temp, 'summary.md');
  writeFileSync(summary, '');
  const expand = (s: string): string => s.replaceAll('${{ runner.temp }}', temp);
  const steps = stepsOf(workflow);
  const start = steps.findIndex((s) => s.name === 'Prepare the runner results');
  const reporterStep = steps.find((s) => s.uses?.startsWith('classroom-resources/autograding-grading-reporter'))!;
  const outputs: Record<string, Record<string, string>> = {};
  let logs = '';
  for (const step of steps.slice(start, steps.indexOf(reporterStep))) {
    const output = join(temp, `output-${step.id ?? 'prepare'}`);
    writeFileSync(output, '');
    const r = spawnSync('bash', ['-e', '-c', expand(step.run!)], {
      encoding: 'utf8',
      env: { ...process.env, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary },
    });
    expect(r.status, `${step.name}: ${r.stderr}`).toBe(0);
    logs += r.stdout;
    if (step.id)
      outputs[step.id] = Object.fromEntries(
        readFileSync(output, 'utf8')
          .trim()
          .split('\n')
          .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
      );
  }
  // The reporter's env, with `${{ steps.X.outputs.result }}` replaced as GitHub would.
  const env = Object.fromEntries(
    Object.entries(reporterStep.env!).map(([k, v]) => {
      const m = /^\$\{\{ steps\.([\w-]+)\.outputs\.result \}\}$/.exec(v);
      if (!m) throw new Error(`reporter env ${k}: unexpected value ${v}`);
      return [k, outputs[m[1]]?.result ?? ''];
    }),
  );
  return { env, summary: readFileSync(summary, 'utf8'), logs };
}

// A convkit report (`pnpm grade --reporter json`), with the grader's rounded per-test maxima: they add
// up to 4.99 and 9.99, not 5 and 10 (the real report of 01-output-size adds up to 4.96).
const REPORT = {
  score: 14.17,
  maxScore: 30,
  exercises: [
    {
      id: '01-output-size',
      title: 'Output size',
      score: 4.17,
      maxScore: 5,
      status: 'failed',
      tests: [
        { name: 'n=5 f=3 s=1 p=0 (3×3 filter on 5×5)', status: 'passed', score: 0.83, maxScore: 0.83, message: '' },
        { name: 'n=7 f=3 s=2 p=0 (stride 2)', status: 'passed', score: 0.83, maxScore: 0.83, message: '' },
        { name: 'n=32 f=5 s=1 p=2 ("same" padding keeps 32)', status: 'failed', score: 0, maxScore: 0.83, message: 'expected 32, got 30' },
        { name: 'random cases (seeded)', status: 'passed', score: 2.5, maxScore: 2.5, message: '' },
      ],
    },
    {
      id: '02-conv-forward',
      title: 'Convolution',
      score: 0,
      maxScore: 15,
      status: 'not-started',
      tests: [
        {
          name: 'x=[1,1,3,3] w=[1,1,2,2]',
          status: 'not-started',
          score: 0,
          maxScore: 7.5,
          message: 'conv2dForward is not started yet (it still throws NotImplemented)',
        },
        {
          name: 'x=[2,3,5,5] w=[4,3,3,3] stride 2',
          status: 'not-started',
          score: 0,
          maxScore: 7.5,
          message: 'conv2dForward is not started yet (it still throws NotImplemented)',
        },
      ],
    },
    {
      id: '04-flatten-dense',
      title: 'Flatten and dense',
      score: 10,
      maxScore: 10,
      status: 'passed',
      tests: [
        { name: 'flatten x=[1,1,2,2]', status: 'passed', score: 3.33, maxScore: 3.33, message: '' },
        { name: 'dense x=[2,3] w=[4,3]', status: 'passed', score: 3.33, maxScore: 3.33, message: '' },
        { name: 'dense backward', status: 'passed', score: 3.33, maxScore: 3.33, message: '' },
      ],
    },
  ],
};

const cents = (v: number): number => Math.round(v * 100);
const pointsOf = (r: RunnerResult): number => r.tests.reduce((s, t) => s + cents(t.score), 0) / 100;
/** The per-test maxima a runner's test names carry: `name (earned/max)`. */
const maximaOf = (r: RunnerResult): number[] => r.tests.map((t) => Number(/\/([\d.]+)\)$/.exec(t.name)![1]));

// ---------------------------------------------------------------------------------------------

describe('the YAML writer', () => {
  it('quotes what could change meaning, writes multi-line strings as literal blocks, and round-trips', () => {
    const value = {
      name: 'Autograding Tests',
      on: ['push'],
      if: "github.actor != 'x'",
      n: 5,
      yes: 'no',
      tricky: 'a: b # c',
      script: 'echo "$X"\n  indented\n\nend\n',
      noEol: 'a\nb',
    };
    const text = toYaml(value);
    expect(text).toContain('"on":\n  - push\n');
    expect(text).toContain('"yes": "no"\n');
    expect(text).toContain('tricky: "a: b # c"\n');
    expect(parseYaml(text)).toEqual(value);
    if (pyYaml) expect(viaPyYaml(text)).toEqual(value);
  });

  it('refuses what it cannot write faithfully', () => {
    expect(() => toYaml({ s: ' leading space\nsecond line' })).toThrow(/white space/);
    expect(() => toYaml({ s: 'trailing \nspace' })).toThrow(/trailing white space/);
    expect(() => toYaml({ s: [] })).toThrow(/empty/);
    expect(() => toYaml({ n: Number.NaN })).toThrow(/finite/);
  });
});

// Each test runs workflow steps as processes: on a loaded 2-core CI machine that can pass the 5 s default.
describe('the Classroom workflow (kit mode)', { timeout: 60_000 }, () => {
  it('parses, as YAML, to the same document with PyYAML and with the subset parser', () => {
    if (!pyYaml) return; // PyYAML is an optional cross-check; the subset parser above is the primary one
    expect(viaPyYaml(kitYaml)).toEqual(kit);
    expect(viaPyYaml(pinYaml)).toEqual(pinned);
  });

  it('has the workflow and job names the reporter needs for Classroom to record the points', () => {
    expect(kit.name).toBe('Autograding Tests');
    expect(Object.keys(kit.jobs)).toEqual(['run-autograding-tests']);
    expect(kit.on).toEqual(['push', 'workflow_dispatch', 'repository_dispatch']);
    expect(kit.permissions).toEqual({ checks: 'write', actions: 'read', contents: 'read' });
    expect(kit.jobs['run-autograding-tests'].if).toBe("github.actor != 'github-classroom[bot]'");
  });

  it('grades once with the JSON reporter, then has one runner step per scored exercise, worth its points', () => {
    const steps = stepsOf(kit);
    const grade = steps.find((s) => s.run?.includes('pnpm --silent grade'))!;
    expect(grade.run).toBe(`pnpm --silent grade ${SCORED.join(' ')} --reporter json --output-file "\${{ runner.temp }}/convkit-report.json" || true\n`);
    const runners = steps.filter((s) => s.id);
    expect(runners.map((s) => s.id)).toEqual(SCORED.map(stepId));
    expect(runners.map((s) => s.run)).toEqual([
      'node "${{ runner.temp }}/convkit-runner-result.mjs" "${{ runner.temp }}/convkit-report.json" 01-output-size 5\n',
      'node "${{ runner.temp }}/convkit-runner-result.mjs" "${{ runner.temp }}/convkit-report.json" 02-conv-forward 15\n',
      'node "${{ runner.temp }}/convkit-runner-result.mjs" "${{ runner.temp }}/convkit-report.json" 04-flatten-dense 10\n',
    ]);
    for (const s of runners) expect(s.if).toBe('always()');
    expect(kitYaml).toContain('# Autograding for "CNNs: test course": 30 points over 3 exercises, partial credit per test.');
  });

  it("runs the reporter over every runner step, each one's result in the variable the reporter reads", () => {
    const steps = stepsOf(kit);
    const reporterStep = steps.find((s) => s.uses === 'classroom-resources/autograding-grading-reporter@v1')!;
    expect(reporterStep.if).toBe('always()');
    expect(reporterStep.with).toEqual({ runners: 'ex01-output-size,ex02-conv-forward,ex04-flatten-dense' });
    expect(reporterStep.env).toEqual({
      'EX01-OUTPUT-SIZE_RESULTS': '${{ steps.ex01-output-size.outputs.result }}',
      'EX02-CONV-FORWARD_RESULTS': '${{ steps.ex02-conv-forward.outputs.result }}',
      'EX04-FLATTEN-DENSE_RESULTS': '${{ steps.ex04-flatten-dense.outputs.result }}',
    });
    expect(resultsEnv('ex01-output-size')).toBe('EX01-OUTPUT-SIZE_RESULTS');
    // Every runner step comes before the reporter.
    const at = steps.indexOf(reporterStep);
    for (const id of SCORED.map(stepId)) expect(steps.findIndex((s) => s.id === id)).toBeLessThan(at);
  });

  it('does not score an exercise with hidden tests, and says so', () => {
    expect(kitYaml).not.toMatch(/ex09-capstone|09-capstone \(/);
    expect(kitYaml).toContain('# Not scored here (hidden tests): 09-capstone.');
    expect(stepsOf(kit).some((s) => s.run?.includes('Not scored here (hidden tests): 09-capstone.'))).toBe(true);
  });

  it('keeps the grade report as an artifact and says in its header that it trusts the repository', () => {
    expect(stepsOf(kit).find((s) => s.uses === 'actions/upload-artifact@v4')?.with).toEqual({
      name: 'grade-report',
      path: '${{ runner.temp }}/convkit-report.json',
      'if-no-files-found': 'warn',
    });
    expect(kitYaml).toContain("# Grader: the kit's own (this repository's) grader and expected outputs: feedback, not a protected grade.");
  });

  it('refuses a course where every exercise hides its tests, and two exercises with one step id', () => {
    const hiddenOnly = { ...course, exercises: course.exercises.map((e) => ({ ...e, visibleTests: false })) } as unknown as Course;
    expect(() => classroomWorkflow(hiddenOnly, 'pnpm@12.4.2')).toThrow(/nothing the workflow may score/);
    const clash = { ...course, exercises: [course.exercises[0], { ...course.exercises[0], id: '01.output-size' }] } as unknown as Course;
    expect(() => classroomWorkflow(clash, 'pnpm@12.4.2')).toThrow(/share a step id/);
  });
});

// Each test runs workflow steps as processes: on a loaded 2-core CI machine that can pass the 5 s default.
describe('points, as the reporter computes them from the runner steps (the workflow steps run here)', { timeout: 60_000 }, () => {
  const { env, summary, logs } = runGradingSteps(kit, REPORT);
  const r = reporter('ex01-output-size,ex02-conv-forward,ex04-flatten-dense', env);

  it("adds up to the grader's score of each exercise: partial credit per exercise", () => {
    expect(r.maxPoints).toBe(30);
    expect(r.totalPoints).toBeCloseTo(14.17, 9);
    expect(pointsOf(r.results['ex01-output-size'])).toBe(4.17);
    expect(pointsOf(r.results['ex02-conv-forward'])).toBe(0);
    expect(pointsOf(r.results['ex04-flatten-dense'])).toBe(10);
    expect(r.failed).toBe(true);
  });

  it("gives each test its points, scaled so that the tests' maxima add up to the exercise's points exactly", () => {
    const ex01 = r.results['ex01-output-size'];
    expect(ex01).toMatchObject({ version: 1, status: 'fail', max_score: 5 });
    // biome-ignore format: a tensor literal, kept on one line
    expect(ex01.tests.map((t) => [t.status, t.score])).toEqual([['pass', 0.83], ['pass', 0.83], ['fail', 0], ['pass', 2.51]]);
    expect(maximaOf(ex01)).toEqual([0.83, 0.83, 0.83, 2.51]);
    expect(ex01.tests[2]).toMatchObject({ name: 'n=32 f=5 s=1 p=2 ("same" padding keeps 32) (0/0.83)', message: 'expected 32, got 30' });
    const ex04 = r.results['ex04-flatten-dense'];
    expect(ex04.status).toBe('pass');
    expect(ex04.tests.map((t) => t.score)).toEqual([3.34, 3.33, 3.33]);
    for (const res of Object.values(r.results)) expect(maximaOf(res).reduce((s, m) => s + cents(m), 0)).toBe(cents(res.max_score));
    // Every test carries a numeric score (the reporter's sum would be NaN otherwise).
    for (const res of Object.values(r.results)) for (const t of res.tests) expect(typeof t.score).toBe('number');
  });

  it('shows each exercise in the job summary and each test with its message in the step log', () => {
    expect(summary).toBe(
      '| exercise | points | status |\n|---|---|---|\n| 01-output-size | 4.17 / 5 | failed |\n| 02-conv-forward | 0 / 15 | failed |\n| 04-flatten-dense | 10 / 10 | passed |\n',
    );
    expect(logs).toContain('01-output-size: 4.17/5\n');
    expect(logs).toContain('  FAIL n=32 f=5 s=1 p=2 ("same" padding keeps 32) (0/0.83)\n      expected 32, got 30\n');
  });

  it('gives full marks exactly when every test passes, however the grader rounded', () => {
    const full = structuredClone(REPORT);
    for (const e of full.exercises) {
      e.score = e.maxScore;
      e.status = 'passed';
      for (const t of e.tests) Object.assign(t, { status: 'passed', score: t.maxScore, message: '' });
    }
    const f = reporter('ex01-output-size,ex02-conv-forward,ex04-flatten-dense', runGradingSteps(kit, full).env);
    expect(Object.values(f.results).map(pointsOf)).toEqual([5, 15, 10]);
    expect(f.totalPoints).toBeCloseTo(30, 9);
    expect(f.failed).toBe(false);
  });

  it('reports an error worth 0 that says why, when the grading step left no report or an unreadable one', () => {
    const none = reporter('ex01-output-size', runGradingSteps(kit, null).env);
    expect(none.results['ex01-output-size']).toMatchObject({
      status: 'error',
      max_score: 5,
      tests: [{ name: '01-output-size: not graded', status: 'error', score: 0 }],
    });
    expect(none.results['ex01-output-size'].tests[0].message).toMatch(/^no grade report at .*convkit-report\.json \(the grading step did not finish/);
    expect(none.maxPoints).toBe(5);
    expect(none.totalPoints).toBe(0);
    const broken = reporter('ex01-output-size', runGradingSteps(kit, '{"score": 1,').env);
    expect(broken.results['ex01-output-size'].tests[0].message).toMatch(/^the grade report could not be read: /);
    const missing = runGradingSteps(kit, { ...REPORT, exercises: REPORT.exercises.slice(1) });
    expect(reporter('ex01-output-size', missing.env).results['ex01-output-size'].tests[0].message).toBe('the grade report has no exercise 01-output-size');
    expect(missing.summary).toContain('| 01-output-size | 0 / 5 | not graded: the grade report has no exercise 01-output-size |');
  });
});

// Each test runs workflow steps as processes: on a loaded 2-core CI machine that can pass the 5 s default.
describe('the runner-result script on its own', { timeout: 60_000 }, () => {
  const run = (args: string[], report?: unknown): { status: number | null; stdout: string; stderr: string } => {
    const temp = mkdtempSync(join(tmpdir(), 'convkit-runner-'));
    dirs.push(temp);
    writeFileSync(join(temp, 'script.mjs'), RUNNER_RESULT_SCRIPT);
    if (report !== undefined) writeFileSync(join(temp, 'report.json'), JSON.stringify(report));
    const env = { ...process.env };
    delete env.GITHUB_OUTPUT;
    delete env.GITHUB_STEP_SUMMARY;
    return spawnSync(process.execPath, [join(temp, 'script.mjs'), ...args.map((a) => a.replace('REPORT', join(temp, 'report.json')))], {
      encoding: 'utf8',
      env,
    });
  };
  const decode = (stdout: string): RunnerResult => JSON.parse(Buffer.from(/^result=(.*)$/m.exec(stdout)![1], 'base64').toString('utf8')) as RunnerResult;

  it('writes the result to stdout without GITHUB_OUTPUT, and refuses bad arguments with exit code 2', () => {
    const ok = run(['REPORT', '04-flatten-dense', '10'], REPORT);
    expect(ok.status).toBe(0);
    expect(decode(ok.stdout).status).toBe('pass');
    expect(run(['REPORT', '04-flatten-dense', 'ten'], REPORT).status).toBe(2);
    expect(run(['REPORT'], REPORT).stderr).toContain('usage: node convkit-runner-result.mjs REPORT EXERCISE_ID POINTS');
    const extra = run(['REPORT', '04-flatten-dense', '10', '--points', '5'], REPORT);
    expect(extra.status).toBe(2);
    expect(extra.stderr).toContain("Unknown option '--points'");
  });

  it("reads Gradescope's results.json (the pinned autograder's output) by test-name prefix", () => {
    const results = {
      score: 4.17,
      output: '01-output-size: 4.17/5 (failed)',
      tests: [
        { name: '01-output-size: n=5 f=3 s=1 p=0', number: '1.1', score: 0.83, max_score: 0.83, output: '', visibility: 'visible', status: 'passed' },
        { name: '01-output-size: n=7 f=3 s=2 p=0', number: '1.2', score: 0.83, max_score: 0.83, output: '', visibility: 'visible', status: 'passed' },
        {
          name: '01-output-size: n=32 f=5 s=1 p=2',
          number: '1.3',
          score: 0,
          max_score: 0.83,
          output: '[failed] expected 32, got 30',
          visibility: 'visible',
          status: 'failed',
        },
        { name: '01-output-size: random cases', number: '1.4', score: 2.5, max_score: 2.5, output: '', visibility: 'visible', status: 'passed' },
        {
          name: '09-capstone: accuracy on held-out digits',
          number: '2.1',
          score: 0,
          max_score: 10,
          output: '[failed] secret',
          visibility: 'after_published',
          status: 'failed',
        },
      ],
    };
    const r = decode(run(['REPORT', '01-output-size', '5'], results).stdout);
    expect(r.tests.map((t) => [t.name, t.status, t.score, t.message])).toEqual([
      ['n=5 f=3 s=1 p=0 (0.83/0.83)', 'pass', 0.83, null],
      ['n=7 f=3 s=2 p=0 (0.83/0.83)', 'pass', 0.83, null],
      ['n=32 f=5 s=1 p=2 (0/0.83)', 'fail', 0, '[failed] expected 32, got 30'],
      ['random cases (2.51/2.51)', 'pass', 2.51, null],
    ]);
    expect(pointsOf(r)).toBe(4.17);
    expect(JSON.stringify(r)).not.toContain('secret');
  });

  it("turns Gradescope's failure results.json (no tests, an output) into an error carrying that output", () => {
    const r = decode(
      run(['REPORT', '01-output-size', '5'], { score: 0, output: 'The autograder failed to run; please tell your instructor.', tests: [] }).stdout,
    );
    expect(r).toMatchObject({
      status: 'error',
      max_score: 5,
      tests: [{ status: 'error', score: 0, message: 'The autograder failed to run; please tell your instructor.' }],
    });
  });
});

// Each test runs workflow steps as processes: on a loaded 2-core CI machine that can pass the 5 s default.
describe('the pinned autograder (pinned mode)', { timeout: 60_000 }, () => {
  const steps = stepsOf(pinned);

  it("fetches the instructor's repository at the pinned commit with a read-only secret, and checks the zip's sha256", () => {
    const fetch = steps.find((s) => s.with?.repository === PIN.repository)!;
    expect(fetch).toMatchObject({
      uses: 'actions/checkout@v4',
      with: { ref: PIN.ref, token: '${{ secrets.CONVKIT_AUTOGRADER_TOKEN }}', path: '.convkit-autograder', 'persist-credentials': false },
    });
    const install = steps.find((s) => s.run?.includes('sha256sum'))!;
    const lines = install.run!.split('\n');
    expect(lines.slice(0, 2)).toEqual([
      'set -euo pipefail',
      `echo "${'f'.repeat(64)}  .convkit-autograder/release/gradescope-autograder.zip" | sha256sum --check --strict`,
    ]);
    // The zip is checked before it is unpacked, and its copy is gone before any student code runs.
    expect(lines.findIndex((l) => l.includes('sha256sum'))).toBeLessThan(lines.findIndex((l) => l.includes('unzip')));
    expect(lines).toContain('rm -rf .convkit-autograder');
    expect(pinYaml).toContain(`# Grader: the instructor's autograder ${PIN.repository}@${PIN.ref} (${PIN.path}, sha256 ${'f'.repeat(64)}).`);
    const custom = parseYaml(classroomWorkflow(course, 'pnpm@12.4.2', { autograder: { ...PIN, tokenSecret: 'GRADER_READ' } })) as unknown as Workflow;
    expect(stepsOf(custom).find((s) => s.with?.repository)?.with?.token).toBe('${{ secrets.GRADER_READ }}');
  });

  it('runs it as Gradescope does: setup.sh and run_autograder as root, only exercises/ handed in, without links', () => {
    const install = steps.find((s) => s.run?.includes('sha256sum'))!.run!;
    expect(install).toContain('sudo cp -R --no-dereference exercises /autograder/submission/\nsudo find /autograder/submission -type l -delete\n');
    expect(install).toContain('sudo env "PATH=$PATH" bash /autograder/source/setup.sh\n');
    const grade = steps.find((s) => s.run?.includes('run_autograder'))!.run!;
    expect(grade).toContain('sudo env "PATH=$PATH" AUTOGRADER_ROOT=/autograder /autograder/source/run_autograder > /dev/null 2>&1 || true\n');
    expect(grade).toContain('sudo pkill -KILL -u student || true\n');
    expect(grade).toContain('sudo cat /autograder/results/results.json > "${{ runner.temp }}/convkit-report.json" || true\n');
  });

  it("runs nothing from the student's repository outside the autograder's sandbox, and uploads no report", () => {
    const runs = steps.map((s) => s.run ?? '').join('\n');
    expect(runs).not.toMatch(/\bpnpm\b|npm (install|ci|run)|\bnpx\b|\btsx\b/);
    expect(steps.some((s) => s.uses === 'actions/upload-artifact@v4')).toBe(false);
    // The same runner steps and reporter as the kit mode.
    expect(steps.filter((s) => s.id).map((s) => s.id)).toEqual(SCORED.map(stepId));
    expect(steps.find((s) => s.uses?.startsWith('classroom-resources/autograding-grading-reporter'))?.with).toEqual({
      runners: 'ex01-output-size,ex02-conv-forward,ex04-flatten-dense',
    });
  });

  it('turns the autograder results.json into the same points as the kit mode', () => {
    const results = {
      score: 14.17,
      output: '',
      tests: REPORT.exercises.flatMap((e) =>
        e.tests.map((t) => ({
          name: `${e.id}: ${t.name}`,
          score: t.score,
          max_score: t.maxScore,
          output: t.message,
          visibility: 'visible',
          status: t.status === 'passed' ? 'passed' : 'failed',
        })),
      ),
    };
    const r = reporter('ex01-output-size,ex02-conv-forward,ex04-flatten-dense', runGradingSteps(pinned, results).env);
    expect(Object.values(r.results).map(pointsOf)).toEqual([4.17, 0, 10]);
    expect(r.maxPoints).toBe(30);
  });

  it('checks the sha256 for real: the right zip passes, any other bytes stop the job before unpacking', () => {
    const temp = mkdtempSync(join(tmpdir(), 'convkit-pin-'));
    dirs.push(temp);
    mkdirSync(join(temp, '.convkit-autograder', 'release'), { recursive: true });
    const zip = join(temp, '.convkit-autograder', PIN.path);
    writeFileSync(zip, 'the autograder');
    const kitDir = join(temp, 'kit');
    mkdirSync(join(kitDir, '.github', 'workflows'), { recursive: true });
    writeFileSync(join(kitDir, 'package.json'), JSON.stringify({ packageManager: 'pnpm@12.4.2' }));
    const file = pinClassroomWorkflow(course, kitDir, { ...PIN, sha256: sha256Of(zip) });
    expect(file).toBe(join(kitDir, '.github', 'workflows', 'classroom.yml'));
    const workflow = parseYaml(readFileSync(file, 'utf8')) as unknown as Workflow;
    const check = stepsOf(workflow)
      .find((s) => s.run?.includes('sha256sum'))!
      .run!.split('\n')
      .slice(0, 2)
      .join('\n');
    expect(spawnSync('bash', ['-c', check], { cwd: temp, encoding: 'utf8' }).status).toBe(0);
    writeFileSync(zip, 'the autograder, edited');
    expect(spawnSync('bash', ['-c', check], { cwd: temp, encoding: 'utf8' }).status).not.toBe(0);
  });

  it('refuses a pin that can move or is not one', () => {
    expect(() => checkPin({ ...PIN, ref: 'main' })).toThrow(/autograder\.ref: expected a full 40-hex commit SHA/);
    expect(() => checkPin({ ...PIN, ref: '0123456' })).toThrow(/autograder\.ref/);
    expect(() => checkPin({ ...PIN, sha256: 'abc' })).toThrow(/autograder\.sha256: expected 64 lower-case hex digits/);
    expect(() => checkPin({ ...PIN, repository: 'https://github.com/x/y' })).toThrow(/autograder\.repository/);
    expect(() => checkPin({ ...PIN, path: '../x.zip' })).toThrow(/autograder\.path/);
    expect(() => classroomWorkflow(course, 'pnpm@12.4.2', { autograder: { ...PIN, ref: 'v1' } })).toThrow(/autograder\.ref/);
    expect(existsSync(PIN.path)).toBe(false); // nothing is read from disk to write the workflow
  });
});
