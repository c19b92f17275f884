/**
 * End to end, as an instructor and a student would: `buildRelease` for a two-exercise course, then
 *  - the starter kit, copied to a fresh folder, installs on its own and runs `pnpm grade`;
 *  - the Gradescope zip, unpacked into a simulated /autograder (AUTOGRADER_ROOT), runs setup.sh and
 *    run_autograder on a correct and on a broken submission and writes Gradescope's results.json.
 * pnpm installs from its store (the registry is only asked for what the store lacks), so this is fast.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadCourse, type Course } from '@convkit/course-config/node';
import { readZip } from '../zip.ts';
import { buildRelease } from './build.ts';
import { scanForAnswers } from './student-engine.ts';

const root = join(import.meta.dirname, '..', '..', '..', '..');
const solution = (id: string): string => readFileSync(join(root, 'exercises', id, '.meta', 'solution.ts'), 'utf8');
const run = (cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) =>
  spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true', NO_COLOR: '1', ...env }, maxBuffer: 1 << 26 });

const cheat = readFileSync(join(import.meta.dirname, '..', '..', 'test-fixtures', 'cheat-output-size.ts'), 'utf8');
let tmp: string;
let course: Course;
let out: string;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'convkit-release-'));
  chmodSync(tmp, 0o755); // the unprivileged grading user must be able to reach the files below
  const config = join(tmp, 'two.config.ts');
  writeFileSync(
    config,
    `export default { title: 'Two exercises', chapters: ['index'], exercises: [{ id: '01-output-size', points: 4 }, { id: '04-flatten-dense', points: 6, visibleTests: false }] };\n`,
  );
  process.env.CONVKIT_COURSE_CONFIG = config;
  try {
    course = await loadCourse(root, config);
    out = join(tmp, 'release');
    await buildRelease(course, { outDir: out, skipSite: true });
  } finally {
    delete process.env.CONVKIT_COURSE_CONFIG;
  }
}, 120_000);
// The release holds a Gradescope zip with the answer key, readable by everyone (the grading user must reach
// the autograder folder): not left behind in the shared temp folder.
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('starter kit (course: 01 worth 4, 04 worth 6 with hidden tests)', () => {
  it('holds the stubs, the visible tests only of 01, no reference solutions, its own lockfile and the course config', () => {
    const kit = join(out, 'starter-kit');
    for (const f of [
      'package.json',
      'pnpm-workspace.yaml',
      'pnpm-lock.yaml',
      'course.config.ts',
      'exercises/01-output-size/output-size.ts',
      'exercises/01-output-size/output-size.test.ts',
      'exercises/04-flatten-dense/flatten-dense.ts',
      'packages/engine/src/index.ts',
      'packages/grader/src/cli.ts',
    ]) {
      expect(existsSync(join(kit, f)), f).toBe(true);
    }
    expect(existsSync(join(kit, 'exercises/04-flatten-dense/flatten-dense.test.ts'))).toBe(false);
    expect(existsSync(join(kit, 'exercises/02-conv-forward'))).toBe(false);
    expect(existsSync(join(kit, 'packages/grader/solutions'))).toBe(false);
    expect(readFileSync(join(kit, 'course.config.ts'), 'utf8')).toContain("'Two exercises'");
    // Only the scripts a student runs: no test:solutions (there are none) and no test:ci (our CI's JUnit run).
    expect(Object.keys(JSON.parse(readFileSync(join(kit, 'exercises', 'package.json'), 'utf8')).scripts)).toEqual(['typecheck', 'test']);
    const engines = (dir: string) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).engines;
    expect(engines(kit)).toEqual(engines(root));
  });

  it('holds no answer key: no .meta, no spec of the hidden 04, expected outputs of 01 only, an engine without the exercised ops, a clean scan', () => {
    const kit = join(out, 'starter-kit');
    expect(existsSync(join(kit, 'exercises/01-output-size/.meta'))).toBe(false);
    expect(existsSync(join(kit, 'packages/grader/expected/01-output-size.json'))).toBe(true);
    expect(existsSync(join(kit, 'packages/grader/expected/04-flatten-dense.json'))).toBe(false); // visibleTests: false ships no spec at all
    expect(existsSync(join(kit, 'packages/engine/src/ops/conv2d.ts'))).toBe(false);
    expect(existsSync(join(kit, 'packages/engine/src/fast'))).toBe(false);
    expect(scanForAnswers(kit, course.exercises)).toEqual([]);
    // The scan is not blind: the repository itself is full of answers.
    expect(scanForAnswers(join(root, 'packages', 'engine', 'src'), course.exercises).length).toBeGreaterThan(0);
  }, 60_000); // two scans that transpile every file: seconds on a busy 2-core machine

  it('has a Classroom workflow with one grading step per exercise worth its points, and the reporter over all of them', () => {
    const yml = readFileSync(join(out, 'starter-kit', '.github', 'workflows', 'classroom.yml'), 'utf8');
    expect(yml).toMatch(
      /\n\s+id: ex01-output-size\n\s+if: "always\(\)"\n\s+run: \|\n\s+node "\$\{\{ runner\.temp \}\}\/convkit-runner-result\.mjs" "\$\{\{ runner\.temp \}\}\/convkit-report\.json" 01-output-size 4\n/,
    );
    expect(yml).not.toContain(' 04-flatten-dense 6\n'); // hidden: a score on every push would give its tests away
    expect(yml).toMatch(/runners: "?ex01-output-size"?\n/);
    expect(yml).toContain('EX01-OUTPUT-SIZE_RESULTS: "${{ steps.ex01-output-size.outputs.result }}"');
    expect(yml).toContain('pnpm install --frozen-lockfile');
  });

  it('installs in a fresh folder and runs pnpm grade: the stub is "not started", the written solution scores 4/4', () => {
    const fresh = join(tmp, 'student-clone');
    cpSync(join(out, 'starter-kit'), fresh, { recursive: true });
    const install = run('pnpm', ['install', '--frozen-lockfile', '--prefer-offline'], fresh);
    expect(install.status, install.stdout + install.stderr).toBe(0);

    const before = run('pnpm', ['--silent', 'grade', '01', '--reporter', 'json'], fresh);
    expect(before.status).toBe(1);
    const r1 = JSON.parse(before.stdout) as { score: number; exercises: { status: string; maxScore: number }[] };
    expect([r1.score, r1.exercises[0].status]).toEqual([0, 'not-started']);

    writeFileSync(join(fresh, 'exercises/01-output-size/output-size.ts'), solution('01-output-size'));
    const after = run('pnpm', ['--silent', 'grade', '01', '--reporter', 'json'], fresh);
    expect(after.status, after.stderr).toBe(0);
    const r2 = JSON.parse(after.stdout) as { score: number; exercises: { status: string }[] };
    expect(r2.exercises[0].status).toBe('passed');

    // A cheat that searches the whole kit for an implementation of outputSize finds none: 0.
    writeFileSync(join(fresh, 'exercises/01-output-size/output-size.ts'), cheat);
    const cheated = run('pnpm', ['--silent', 'grade', '01', '--reporter', 'json'], fresh, { CHEAT_ROOT: fresh });
    const r3 = JSON.parse(cheated.stdout) as { score: number; exercises: { tests: { message: string }[] }[] };
    expect(r3.score, cheated.stderr).toBe(0);
    expect(r3.exercises[0].tests[0].message).toMatch(/the cheat found nothing to copy|exercise 01/);
    // The kit's engine says where its exercised functions are.
    const engine = run(
      'node',
      ['--import', 'tsx', '-e', "import('@convkit/engine').then((e) => e.outputSize(5, 3, 1, 0)).catch((e) => { console.log(e.message); })"],
      join(fresh, 'exercises'),
    );
    expect(engine.stdout).toMatch(/outputSize is exercise 01 .* not part of the student kit/);
  }, 180_000);
});

describe('Gradescope autograder zip, in a simulated /autograder', () => {
  let autograder: string;
  beforeAll(() => {
    autograder = join(tmp, 'autograder');
    const source = join(autograder, 'source');
    for (const e of readZip(readFileSync(join(out, 'gradescope-autograder.zip')), { maxBytes: 50 * 1024 * 1024 })) {
      mkdirSync(dirname(join(source, e.name)), { recursive: true });
      writeFileSync(join(source, e.name), e.data, { mode: e.mode });
    }
    const setup = run('bash', [join(source, 'setup.sh')], source, {
      AUTOGRADER_ROOT: autograder,
      CONVKIT_SETUP_SKIP_SYSTEM: '1',
      CONVKIT_STUDENT_USER: 'nobody',
    });
    expect(setup.status, setup.stdout + setup.stderr).toBe(0);
    setupOutput = setup.stdout + setup.stderr;
  }, 120_000);
  let setupOutput = '';

  it('setup.sh grades the reference like a submission first (the canary), and fails the build when it is not full marks', () => {
    expect(setupOutput).toMatch(/canary passed, the reference got 10\/10 graded like a submission/);
    // A broken environment, simulated by a key whose reference floors: the image must not build.
    const grader = join(autograder, 'source', 'grader');
    const key = join(grader, 'exercises', '01-output-size', '.meta', 'solution.ts');
    const good = readFileSync(key, 'utf8');
    writeFileSync(key, 'export function outputSize(n: number, f: number, s: number, p = 0): number {\n  return Math.floor((n - f + 2 * p) / s) + 1;\n}\n');
    try {
      const canary = run(join(grader, 'node_modules', '.bin', 'tsx'), ['packages/course/src/autograder/run.ts', '--canary'], grader, {
        AUTOGRADER_ROOT: autograder,
        CONVKIT_SANDBOX_RUNTIME: join(autograder, 'source', 'runtime'),
        CONVKIT_STUDENT_USER: 'nobody',
      });
      expect(canary.status).toBe(1);
      expect(canary.stderr).toMatch(/reference solutions did not get full marks.*\n\s+01-output-size: [\d.]+\/4, first failure/s);
    } finally {
      writeFileSync(key, good);
    }
    // A mistyped flag (setup.sh edited by hand) fails before grading anything, and still writes a results.json.
    const typo = run(join(grader, 'node_modules', '.bin', 'tsx'), ['packages/course/src/autograder/run.ts', '--canry'], grader, {
      AUTOGRADER_ROOT: autograder,
      CONVKIT_SANDBOX_RUNTIME: join(autograder, 'source', 'runtime'),
    });
    expect(typo.status).toBe(1);
    expect(typo.stderr).toContain("convkit autograder: Unknown option '--canry'");
    expect(JSON.parse(readFileSync(join(autograder, 'results', 'results.json'), 'utf8'))).toMatchObject({ score: 0, tests: [] });
  }, 180_000);

  interface Results {
    score?: number;
    output: string;
    tests: { name: string; score: number; max_score: number; status: string; visibility: string; output: string }[];
  }
  function grade(files: Record<string, string>, env: NodeJS.ProcessEnv = {}): Results {
    const submission = join(autograder, 'submission');
    rmSync(submission, { recursive: true, force: true });
    mkdirSync(submission);
    for (const [f, text] of Object.entries(files)) {
      mkdirSync(dirname(join(submission, f)), { recursive: true });
      writeFileSync(join(submission, f), text);
    }
    // run_autograder as Gradescope runs it: from its own copy, as root when we are root.
    const r = run('bash', [join(autograder, 'source', 'run_autograder')], autograder, { AUTOGRADER_ROOT: autograder, CONVKIT_STUDENT_USER: 'nobody', ...env });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    return JSON.parse(readFileSync(join(autograder, 'results', 'results.json'), 'utf8')) as Results;
  }

  it("scores a correct submission 10/10, run as a non-root user, with the hidden exercise's tests visible only after publishing and not in the top-level output", () => {
    // Every test of 01 fails if the student's code runs as root.
    const notRoot = solution('01-output-size').replace(
      /(export function outputSize\([^)]*\): number \{)/,
      "$1\n  if (process.getuid?.() === 0) throw new Error('student code runs as root');",
    );
    expect(notRoot).toContain('runs as root');
    const results = grade({
      '01-output-size/output-size.ts': notRoot,
      '04-flatten-dense/flatten-dense.ts': solution('04-flatten-dense'),
    });
    expect(results.tests.reduce((sum, t) => sum + t.score, 0)).toBeCloseTo(10, 0);
    expect(results.score).toBeUndefined(); // a hidden test: Gradescope adds up the tests under its own visibility rules
    expect(results.output).toContain('01-output-size: 4/4');
    expect(results.output).not.toContain('04-flatten-dense');
    expect(results.tests.length).toBeGreaterThan(4);
    expect(results.tests.every((t) => t.status === 'passed' && t.score === t.max_score)).toBe(true);
    expect(new Set(results.tests.filter((t) => t.name.startsWith('01-')).map((t) => t.visibility))).toEqual(new Set(['visible']));
    expect(new Set(results.tests.filter((t) => t.name.startsWith('04-')).map((t) => t.visibility))).toEqual(new Set(['after_published']));
  }, 180_000);

  it('scores a broken submission 0 with a message per test (01 does not compile, 04 missing), still writing valid results', () => {
    const results = grade({ 'exercises/01-output-size/output-size.ts': `${solution('01-output-size')}\nexport const broken = (1 + ;\n` });
    expect(results.tests.every((t) => t.score === 0)).toBe(true);
    const first = results.tests.find((t) => t.name.startsWith('01-'))!;
    expect(first.status).toBe('failed');
    expect(first.output).toMatch(/failed to load/);
    expect(results.tests.find((t) => t.name.startsWith('04-'))!.output).toMatch(/not started/);
  }, 180_000);

  it.runIf(process.getuid?.() === 0)(
    'uploaded as a bare file, a cheat that searches the autograder for the key scores 0 on 01; the honest 04 still scores',
    () => {
      const results = grade({ 'output-size.ts': cheat, 'flatten-dense.ts': solution('04-flatten-dense') }, { CHEAT_ROOT: autograder });
      const of = (id: string) => results.tests.filter((t) => t.name.startsWith(id));
      expect(
        of('01-').map((t) => t.score),
        JSON.stringify(of('01-')[0]),
      ).toEqual(of('01-').map(() => 0));
      expect(of('01-')[0].output).toMatch(/the cheat found nothing to copy|exercise 01/);
      expect(of('04-').filter((t) => t.status !== 'passed')).toEqual([]);
    },
    180_000,
  );

  it('a submission with no exercise file names the files it expected', () => {
    const results = grade({ 'notes.md': 'my work is on my laptop' });
    expect(results.output).toMatch(/no exercise file found.*output-size\.ts \(01-output-size\).*flatten-dense\.ts \(04-flatten-dense\)/);
  }, 180_000);
});
