/**
 * `pnpm test`: every check CI runs, as one turbo run, ending with one line `N passed, N failed`
 * (`, N skipped` when any test was skipped) that CI reads.
 *
 *   turbo run lint lint:boundaries typecheck build test:ci test:e2e --continue=dependencies-successful --concurrency=1
 *
 * - Test tasks (`test:ci`, `test:e2e`) write a JUnit report into their package's `test-results/`, named
 *   after the task (`test:ci` → `test-results/test-ci.xml`): vitest `--reporter=junit`, node's test runner
 *   `--test-reporter=junit`, each beside a human reporter. Their test cases are added up here
 *   (scripts/junit.ts); a test task that exits non-zero with no failed case in its report, that ran no
 *   test, or that wrote no report counts one more failure.
 * - Other tasks (`lint`: Biome; `lint:boundaries`: no relative import across packages, scripts/check-boundaries.ts;
 *   `typecheck`, `build`) count as one check each, passed or failed by exit code.
 * - A task turbo did not run because a task it depends on failed (the browser tests after a failed docs
 *   build) counts as one failure: turbo's `--dry=json` plan says what should run, `--summarize` what did.
 * - One task at a time: the grader's sandbox tests and the capstone self-check have time limits that a
 *   second test suite on a 2-core machine would eat into.
 * - One temp folder for the whole run ($TMPDIR of every task), removed at the end: the tests' built kits,
 *   autograders and repository copies (answer keys among them) never pile up in /tmp. It is mode 1733, as
 *   /tmp but unlistable: the grading users can make and reach their own files, and cannot find others'.
 * Extra arguments go to turbo (`pnpm test --filter=@convkit/engine`).
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countJUnit } from './junit.ts';

const root = join(import.meta.dirname, '..');
const turbo = join(root, 'node_modules', '.bin', 'turbo');
const TASKS = ['lint', 'lint:boundaries', 'typecheck', 'build', 'test:ci', 'test:e2e'];
const extra = process.argv.slice(2);
const runTmp = mkdtempSync(join(tmpdir(), 'convkit-test-'));
chmodSync(runTmp, 0o1733);
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', TMPDIR: runTmp };

interface PlannedTask {
  taskId: string;
  task: string;
  directory: string;
  command: string;
}
interface SummaryTask {
  taskId: string;
  execution?: { exitCode?: number; error?: string };
  cache?: { status?: string };
}

/** The report file of a task in its package: `test:e2e` → `test-results/test-e2e.xml`. */
const reportPath = (directory: string, task: string): string => join(root, directory, 'test-results', `${task.replace(/:/g, '-')}.xml`);

// What turbo will run (tasks whose package has no such script are not real tasks).
const dry = spawnSync(turbo, ['run', ...TASKS, '--dry=json', ...extra], { cwd: root, env, encoding: 'utf8', maxBuffer: 64 << 20 });
if (dry.status !== 0) {
  rmSync(runTmp, { recursive: true, force: true });
  console.error(dry.stdout, dry.stderr);
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}
const plan = (JSON.parse(dry.stdout) as { tasks: PlannedTask[] }).tasks;
const planned = plan.filter((t) => t.command !== '<NONEXISTENT>' && TASKS.includes(t.task));

// A package whose tests `pnpm test` would not run: it has a `test` script and no `test:ci`.
const untested: string[] = [];
for (const dir of new Set(plan.map((t) => t.directory))) {
  const scripts = (JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as { name?: string; scripts?: Record<string, string> }).scripts ?? {};
  if (scripts.test && !scripts['test:ci']) untested.push(dir);
}

// Reports from an earlier run must not be counted again.
for (const dir of new Set(planned.map((t) => t.directory))) rmSync(join(root, dir, 'test-results'), { recursive: true, force: true });

const runsDir = join(root, '.turbo', 'runs');
const before = new Set(existsSync(runsDir) ? readdirSync(runsDir) : []);
const args = ['run', ...TASKS, '--continue=dependencies-successful', '--concurrency=1', '--summarize', ...extra];
console.log(`▶ turbo ${args.join(' ')}`);
const started = performance.now();
const status = await new Promise<number>((resolve) => {
  const child = spawn(turbo, args, { cwd: root, env, stdio: 'inherit' });
  child.on('error', () => resolve(1));
  child.on('close', (code) => resolve(code ?? 1));
});
const seconds = (performance.now() - started) / 1000;
try {
  rmSync(runTmp, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
} catch (error) {
  console.error(`pnpm test: could not remove its temp folder ${runTmp}: ${String(error)}`);
}

const summaryFile = (existsSync(runsDir) ? readdirSync(runsDir) : []).find((f) => f.endsWith('.json') && !before.has(f));
const ran = new Map<string, SummaryTask>();
if (summaryFile) for (const t of (JSON.parse(readFileSync(join(runsDir, summaryFile), 'utf8')) as { tasks: SummaryTask[] }).tasks) ran.set(t.taskId, t);

let passed = 0;
let failed = 0;
let skipped = 0;
const lines: string[] = [];
for (const t of planned) {
  const r = ran.get(t.taskId);
  const exitCode = r?.execution?.exitCode;
  if (r === undefined || exitCode === undefined) {
    failed++;
    lines.push(`✗ ${t.taskId}: not run (a task it depends on failed)`);
    continue;
  }
  const cached = r.cache?.status === 'HIT' ? ' (cached)' : '';
  if (!t.task.startsWith('test')) {
    if (exitCode === 0) passed++;
    else failed++;
    lines.push(`${exitCode === 0 ? '✓' : '✗'} ${t.taskId}${cached}${exitCode === 0 ? '' : `: exit code ${exitCode}`}`);
    continue;
  }
  const file = reportPath(t.directory, t.task);
  if (!existsSync(file)) {
    failed++;
    lines.push(`✗ ${t.taskId}: exit code ${exitCode}, no report at ${join(t.directory, 'test-results')}`);
    continue;
  }
  const c = countJUnit(readFileSync(file, 'utf8'));
  const notes: string[] = [];
  if (exitCode !== 0 && c.failed === 0) {
    c.failed++;
    notes.push(`exit code ${exitCode} with no failed test in its report`);
  }
  if (c.passed + c.failed + c.skipped === 0) {
    c.failed++;
    notes.push('ran no test');
  }
  passed += c.passed;
  failed += c.failed;
  skipped += c.skipped;
  const counts = `${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`;
  lines.push(`${c.failed === 0 ? '✓' : '✗'} ${t.taskId}: ${counts}${notes.length ? ` (${notes.join('; ')})` : ''}`);
}
for (const dir of untested) {
  failed++;
  lines.push(`✗ ${dir}: has a test script but no test:ci, so pnpm test does not run its tests (add test:ci with a JUnit report)`);
}
if (planned.length === 0) {
  failed++;
  lines.push('✗ turbo planned no task');
}
if (status !== 0 && failed === 0) {
  failed++;
  lines.push(`✗ turbo exited ${status} with every task passing`);
}

console.log(`\n${lines.join('\n')}\n(${seconds.toFixed(0)} s)`);
console.log(`\n${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
