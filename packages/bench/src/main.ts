/**
 * `pnpm bench`: convkit's engine against TensorFlow.js (cpu and wasm SIMD
 * backends) and ConvNetJS on the same work, in one run.
 *
 *   pnpm bench [--quick] [--out DIR] [--peers convkit,tfjs-wasm,...] [--malloc-tuning] [--browser | --no-browser]
 *
 * Each peer runs each suite (ops, train) in its own child process, one after
 * another, so peak memory is per peer and peers never compete for the CPU.
 * Prints the ratio table and the targets, and writes everything as JSON to
 * DIR (default ./bench-results, git-ignored).
 *
 * Then the training epoch in headless Chromium, convkit and ConvNetJS in the
 * same page (src/browser/), when Chromium is found (else a line says why).
 * --browser runs only that part; --no-browser leaves it out.
 *
 * --malloc-tuning runs every child (all peers alike) with glibc told to keep
 * freed memory (MALLOC_MMAP_THRESHOLD_, MALLOC_TRIM_THRESHOLD_). On VMs where
 * a first touch of fresh memory is slow (this Firecracker VM: ~15 µs per 4 KB
 * page, against well under 1 µs on a laptop), libraries that allocate a new
 * output per op (convkit, tfjs-cpu, ConvNetJS) otherwise pay that cost on
 * every call, while tfjs-wasm reuses its own heap. Off by default: the default
 * measures what a user gets.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureSimdPeak } from '@convkit/engine';
import { parseCommandLine } from '@convkit/engine/node';
import { chromiumTargets, formatChromium } from './browser/format.ts';
import { chromiumReport, runChromium } from './browser/run.ts';
import type { ChildResult } from './child.ts';
import { isPeerName, PEER_NAMES, type PeerName } from './peers/index.ts';
import { checkTargets, formatTable, type BenchReport, type PeerEntry } from './report.ts';
import { FULL, QUICK } from './workloads.ts';

const USAGE = `Usage: pnpm bench [options]

  --quick                a short smoke run (smaller workloads)
  --out DIR              where the JSON results go (default ./bench-results)
  --peers a,b,…          which peers to run (${PEER_NAMES.join(', ')}; all by default)
  --malloc-tuning        run every child with glibc told to keep freed memory
  --browser              only the training epoch in headless Chromium
  --no-browser           leave the Chromium part out
  -h, --help             this text

Prints the ratio table against the peers and the targets, and writes the figures as JSON.`;

/** A usage error: the message and how to get the usage, no stack trace, exit code 2. */
function usageError(message: string): never {
  process.stderr.write(`pnpm bench: ${message}\nRun pnpm bench --help for the options.\n`);
  process.exit(2);
}

const { values: args } = parseCommandLine('pnpm bench', {
  options: {
    quick: { type: 'boolean' },
    out: { type: 'string' },
    peers: { type: 'string' },
    'malloc-tuning': { type: 'boolean' },
    browser: { type: 'boolean' },
    'no-browser': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (args.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

const quick = args.quick ?? false;
const outDir = resolve(args.out ?? 'bench-results');
const peers = (args.peers ?? PEER_NAMES.join(',')).split(',');
const unknown = peers.filter((p) => !isPeerName(p));
if (unknown.length > 0) usageError(`--peers: expected names from ${PEER_NAMES.join(',')}, got ${unknown.join(',')}`);
const w = quick ? QUICK : FULL;
const childPath = fileURLToPath(new URL('./child.ts', import.meta.url));
const mallocTuning = args['malloc-tuning'] ?? false;
const browserOnly = args.browser ?? false;
const noBrowser = args['no-browser'] ?? false;
if (browserOnly && noBrowser) usageError('expected at most one of --browser and --no-browser, got both');
const childEnv = mallocTuning ? { ...process.env, MALLOC_MMAP_THRESHOLD_: String(2 ** 28), MALLOC_TRIM_THRESHOLD_: String(2 ** 30) } : process.env;

function runChild(names: PeerName[], suite: 'ops' | 'train'): ChildResult | string {
  process.stderr.write(`${names.join(' + ')}: ${suite}…\n`);
  const args = ['--import', 'tsx', childPath, names.join(','), suite, ...(quick ? ['--quick'] : [])];
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26, env: childEnv });
  const line = child.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (child.status !== 0 || line === undefined) return `${names.join(',')} ${suite} exited with ${child.status ?? child.signal}`;
  return JSON.parse(line.slice('RESULT '.length)) as ChildResult;
}

const peakArgs = { iterations: quick ? 2e6 : 2e7, trials: quick ? 2 : 7 };
const simdPeakGflops = measureSimdPeak(peakArgs.iterations, peakArgs.trials);
const report: BenchReport = {
  date: new Date().toISOString(),
  quick,
  mallocTuning,
  machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, node: process.version, platform: process.platform, loadAverage: loadavg() },
  simdPeakGflops,
  peers: {},
  chromium: chromiumReport('not run yet'),
  targets: [],
};
const chosen = browserOnly ? [] : (peers as PeerName[]);
const entry = (p: PeerName): PeerEntry => (report.peers[p] ??= { description: '', errors: [] });
// Ops: each peer interleaved with convkit in one process, so both sides of each ratio see the same machine load.
const others = chosen.filter((p) => p !== 'convkit');
const opsRuns: PeerName[][] = chosen.includes('convkit') ? (others.length > 0 ? others.map((p) => ['convkit', p]) : [['convkit']]) : others.map((p) => [p]);
for (const names of opsRuns) {
  const result = runChild(names, 'ops');
  const peer = names[names.length - 1];
  if (typeof result === 'string') {
    entry(peer).errors.push(result);
    continue;
  }
  for (const n of names) entry(n).description = result.descriptions[n] ?? '';
  entry(peer).ops = result.ops?.[peer];
  if (peer !== 'convkit') entry(peer).convkitOps = result.ops?.convkit;
  // convkit's own column: its run beside tfjs-wasm (the pairing the targets care most about), else the first.
  if (names[0] === 'convkit' && (entry('convkit').ops === undefined || peer === 'tfjs-wasm')) entry('convkit').ops = result.ops?.convkit;
}
// Training: each peer alone, so its peak memory is its own.
for (const p of chosen) {
  const result = runChild([p], 'train');
  if (typeof result === 'string') {
    entry(p).errors.push(result);
    continue;
  }
  Object.assign(entry(p), {
    description: result.descriptions[p] ?? entry(p).description,
    train: result.train ?? null,
    rssAfterSetupMB: result.rssAfterSetupMB,
    peakRssMB: result.peakRssMB,
  });
}
// Chromium last, once every Node child has exited, so nothing competes with it for the CPU.
report.chromium = noBrowser ? chromiumReport('--no-browser') : await runChromium({ train: w.train, peak: peakArgs, required: browserOnly });
report.targets = [...(browserOnly ? [] : checkTargets(report, w)), ...chromiumTargets(report.chromium)];

const out: string[] = [];
out.push(`convkit bench${quick ? ' --quick (tiny shapes: a smoke test, the numbers mean nothing)' : ''}, ${report.date}`);
out.push(
  `machine: ${report.machine.cpu}, ${report.machine.cores} cores, Node ${report.machine.node}, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
if (mallocTuning) out.push('--malloc-tuning: every child ran with MALLOC_MMAP_THRESHOLD_=2^28 MALLOC_TRIM_THRESHOLD_=2^30 (glibc keeps freed memory)');
out.push(`WebAssembly SIMD f32x4 multiply+add peak (1 core, measured now): ${simdPeakGflops?.toFixed(1) ?? 'no SIMD'} GFLOP/s`);
if (!browserOnly) {
  for (const p of peers as PeerName[]) {
    const e = report.peers[p];
    out.push(`  ${p}: ${e?.description || 'failed'}`);
  }
  out.push('cells: median time, GFLOP/s (convkit: % of the SIMD peak), [peer time ÷ convkit time in the same interleaved run];');
  out.push('conv bwd = dx + dw (+ db), 2× the forward flops. convkit column: its run interleaved with tfjs-wasm (else with the first peer run).');
  out.push('');
  out.push(formatTable(report, w));
  out.push('');
}
out.push(formatChromium(report.chromium, w.train));
out.push('');
const note = report.peers['tfjs-cpu']?.train?.note;
if (note) out.push(`tfjs-cpu training: ${note}`);
out.push('targets:');
for (const t of report.targets) out.push(`  ${t.met === null ? '?   ' : t.met ? 'MET ' : 'MISS'} ${t.target}: ${t.detail}`);
const errors = [...Object.values(report.peers).flatMap((e) => e?.errors ?? []), ...report.chromium.errors];
for (const e of errors) out.push(`ERROR ${e}`);
process.stdout.write(`${out.join('\n')}\n`);

mkdirSync(outDir, { recursive: true });
const file = join(outDir, `bench-${report.date.replace(/[:.]/g, '-')}${quick ? '-quick' : ''}${browserOnly ? '-browser' : ''}.json`);
writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(`results written to ${file}\n`);
process.exitCode = errors.length > 0 ? 1 : 0;
