/**
 * `pnpm --filter @convkit/grader bench`: how long `pnpm grade` takes, as a benchmark (not a timed test).
 *
 *   node --import tsx packages/grader/bench/grade-speed.ts [--runs 3] [--capstone]
 *
 * Runs, back to back and alternating so that they share the machine's load: the grader on the stubs of
 * 01–08 (a student's first `pnpm grade`), the self-check of 01–08, and two peers measured in the same run,
 * a bare `node -e 0` and `node --import tsx -e 0` (what every sandbox process pays before the student's
 * code runs). Prints the median wall time and CPU time (user + sys of the whole process tree) of each, the
 * ratios to the tsx start-up, the load average (over all runs, and at the start of each subject's runs),
 * and the issue's targets (01–08 under 10 s, the self-check with the capstone under 60 s on a 2-core
 * machine). `--capstone` adds the full self-check and the capstone's self-check alone, with the time its
 * reference solution took to train and predict (what the report prints), to show where the time goes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseCommandLine } from '@convkit/engine/node';

const root = resolve(import.meta.dirname, '..', '..', '..');
const { values: args } = parseCommandLine('grade-speed', {
  options: { runs: { type: 'string' }, capstone: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
});
if (args.help) {
  process.stdout.write('Usage: node --import tsx packages/grader/bench/grade-speed.ts [--runs N] [--capstone]\n');
  process.exit(0);
}
const runs = Number(args.runs ?? 3);
if (!(Number.isInteger(runs) && runs >= 1)) {
  process.stderr.write(`grade-speed: --runs: expected an integer ≥ 1, got ${args.runs}\nRun grade-speed --help for the options.\n`);
  process.exit(2);
}

interface Sample {
  wall: number;
  cpu: number;
  /** The 1-minute load average when the run started. */
  load: number;
  /** The capstone's "trained and predicted in X s", when the run graded it. */
  training?: number;
  /** Set when the run did not end as it should (a self-check that does not pass): its exit code and saved output. */
  failed?: string;
}

/** CPU seconds (user + sys) of this process's waited children so far: cutime + cstime in /proc/self/stat. */
function childrenCpu(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100; // USER_HZ = 100 on Linux
  } catch {
    return Number.NaN; // not Linux: wall time only
  }
}

/** Wall time and CPU time of one run of `node ...args` and everything it started (and waited for). */
function measure(args: string[], expectedExit: number): Sample {
  const load = loadavg()[0];
  const cpu0 = childrenCpu();
  const t = performance.now();
  const r = spawnSync(process.execPath, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'ignore'],
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    env: { ...process.env, NO_COLOR: '1' },
  });
  const wall = (performance.now() - t) / 1000;
  if (r.error) throw r.error;
  const trained = /trained and predicted in ([\d.]+) s/.exec(r.stdout ?? '');
  const sample: Sample = { wall, cpu: childrenCpu() - cpu0, load, training: trained ? Number(trained[1]) : undefined };
  if (r.status !== expectedExit) {
    // A figure of a run that failed (e.g. the capstone stopped) is not a speed: say so, and keep its report.
    const saved = join(mkdtempSync(join(tmpdir(), 'grade-speed-')), 'report.txt');
    writeFileSync(saved, r.stdout ?? '');
    sample.failed = `exit ${r.status ?? r.signal}, expected ${expectedExit}; its report: ${saved}`;
  }
  return sample;
}

const tsx = ['--import', 'tsx'];
const cli = [...tsx, 'packages/grader/src/cli.ts'];
/** [what, node arguments, the exit code of a run that went as it should (the stubs fail: 1)]. */
const subjects: [string, string[], number?][] = [
  ['node -e 0 (peer)', ['-e', '0']],
  ['node --import tsx -e 0 (peer: one sandbox start-up)', [...tsx, '-e', '0']],
  ['pnpm grade --skip capstone (the stubs)', [...cli, '--skip', 'capstone'], 1],
  ['pnpm grade --self-check --skip capstone', [...cli, '--self-check', '--skip', 'capstone']],
];
const CAPSTONE_ALONE = 'pnpm grade --self-check 09 (the capstone alone)';
const FULL = 'pnpm grade --self-check (with the capstone)';
if (args.capstone) subjects.push([CAPSTONE_ALONE, [...cli, '--self-check', '09']], [FULL, [...cli, '--self-check']]);

const samples = new Map<string, Sample[]>(subjects.map(([name]) => [name, []]));
const loads: number[] = [];
for (let i = 0; i < runs; i++) {
  for (const [name, command, exit] of subjects) {
    const sample = measure(command, exit ?? 0);
    loads.push(sample.load, loadavg()[0]);
    samples.get(name)!.push(sample);
    process.stderr.write(
      `run ${i + 1}/${runs}: ${name} done (${sample.wall.toFixed(1)} s, load ${sample.load.toFixed(1)} at its start)${sample.failed ? ` FAILED: ${sample.failed}` : ''}\n`,
    );
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const tsxStart = median(samples.get(subjects[1][0])!.map((s) => s.wall));
const lines = [
  `grade-speed on ${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}; load average during the runs ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`,
  '',
];
lines.push(`${'what'.padEnd(52)} ${'wall (median)'.padStart(14)} ${'CPU (median)'.padStart(13)} ${'× tsx start'.padStart(12)}  load at start`);
for (const [name] of subjects) {
  const s = samples.get(name)!;
  const wall = median(s.map((x) => x.wall));
  const load = s.map((x) => x.load.toFixed(1)).join(', ');
  lines.push(
    `${name.padEnd(52)} ${`${wall.toFixed(2)} s`.padStart(14)} ${`${median(s.map((x) => x.cpu)).toFixed(2)} s`.padStart(13)} ${`${(wall / tsxStart).toFixed(1)}×`.padStart(12)}  ${load}`,
  );
  const trained = s.flatMap((x) => (x.training === undefined ? [] : [x.training]));
  if (trained.length > 0) lines.push(`${'  of which the capstone trained and predicted'.padEnd(52)} ${`${median(trained).toFixed(2)} s`.padStart(14)}`);
  for (const x of s) if (x.failed) lines.push(`  a run FAILED (its time is not a speed): ${x.failed}`);
}
const anyFailed = (name: string): boolean => samples.get(name)!.some((x) => x.failed !== undefined);
const stubs = median(samples.get(subjects[2][0])!.map((s) => s.wall));
lines.push(
  '',
  `target: pnpm grade of 01–08 under 10 s: ${stubs.toFixed(1)} s ${stubs < 10 && !anyFailed(subjects[2][0]) ? 'met' : 'NOT met'} (on this machine, at this load)`,
);
const full = samples.get(FULL);
if (full) {
  const f = median(full.map((s) => s.wall));
  const verdict = anyFailed(FULL) ? 'NOT met: a run failed' : f < 60 ? 'met' : 'NOT met';
  lines.push(`target: --self-check with the capstone under 60 s: ${f.toFixed(1)} s ${verdict} (on this machine, at this load)`);
} else lines.push('target: --self-check with the capstone under 60 s: not measured in this run (add --capstone)');
process.stdout.write(`${lines.join('\n')}\n`);
