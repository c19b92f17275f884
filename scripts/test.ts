/**
 * `pnpm test`: everything CI checks, in order, with one closing line
 * `N passed, N failed` (`, N skipped` when any test was skipped) that CI reads. Steps:
 *   1. typecheck and build every package (turbo);
 *   2. unit tests (vitest, all workspace projects);
 *   3. the suites listed in scripts/suites.json (capstone self-check, browser tests), each a
 *      command that prints node's test-runner TAP summary (`# pass N`, `# fail N`).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const out = join(root, '.ci', 'out');
mkdirSync(out, { recursive: true });

let passed = 0;
let failed = 0;
let skipped = 0;

/** Runs a command, streaming its output live (progress on long work) while keeping stdout to count tests. */
function run(label: string, cmd: string, args: string[]): Promise<{ status: number; stdout: string }> {
  console.log(`\n▶ ${label}: ${cmd} ${args.join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      process.stdout.write(chunk);
    });
    child.on('error', (err) => resolve({ status: 1, stdout: `${stdout}\n${err.message}` }));
    child.on('close', (code) => resolve({ status: code ?? 1, stdout }));
  });
}

// 1. typecheck + build: one failure here counts as one failed check.
const build = await run('typecheck and build', 'pnpm', ['exec', 'turbo', 'run', 'typecheck', 'build', '--output-logs=errors-only']);
if (build.status === 0) passed++;
else failed++;

// 2. vitest, counted from its JSON report.
const vitestJson = join(out, 'vitest.json');
const vt = await run('unit tests', 'pnpm', ['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
if (existsSync(vitestJson)) {
  const v = JSON.parse(readFileSync(vitestJson, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  skipped += v.numPendingTests + v.numTodoTests;
  if (vt.status !== 0 && v.numFailedTests === 0) failed++; // e.g. a suite that failed to load
} else failed++;

// 3. suites that report with node's test runner (TAP summary lines).
const suites: Array<[string, string, string[]]> = JSON.parse(
  readFileSync(join(root, 'scripts', 'suites.json'), 'utf8'),
) as Array<[string, string, string[]]>;
for (const [label, cmd, args] of suites) {
  const r = await run(label, cmd, args);
  const count = (k: string): number => Number((r.stdout.match(new RegExp(`^# ${k} (\\d+)`, 'm')) ?? [])[1] ?? 0);
  const p = count('pass');
  const f = count('fail');
  passed += p;
  failed += f;
  skipped += count('skipped') + count('todo');
  if (r.status !== 0 && f === 0) failed++;
  if (p + f === 0 && r.status === 0) failed++; // a suite that ran nothing is a failure, not a pass
}

console.log(`\n${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
