/**
 * Turns the children's results into the ratio table and the target checks.
 * Ratios are peer time / convkit time (or convkit images/s / peer images/s):
 * "12.0×" means convkit is 12 times faster on that work.
 */
import type { KernelSet } from '@convkit/engine';
import type { BrowserPeer } from './browser/protocol.ts';
import type { OpsResult } from './child.ts';
import type { PeerName } from './peers/index.ts';
import type { TrainResult } from './peers/peer.ts';
import { convFlops, type Workloads } from './workloads.ts';

export interface BenchReport {
  date: string;
  quick: boolean;
  mallocTuning: boolean;
  machine: { cpu: string; cores: number; node: string; platform: string; loadAverage: number[] };
  simdPeakGflops: number | null;
  peers: Partial<Record<PeerName, PeerEntry>>;
  /** The training epoch in headless Chromium (src/browser/), convkit and ConvNetJS in the same page. */
  chromium: ChromiumReport;
  targets: { target: string; met: boolean | null; detail: string }[];
}

/** One peer's results. Its op times come from a run interleaved with convkit, whose times in that same run are `convkitOps`. */
export interface PeerEntry {
  description: string;
  ops?: OpsResult;
  convkitOps?: OpsResult;
  train?: TrainResult | null;
  /** From the training child: memory after setup (library + data) and peak, MB. */
  rssAfterSetupMB?: number;
  peakRssMB?: number;
  errors: string[];
}

/** The Chromium section: each peer trained in its own Web Worker of one page, one after the other. */
export interface ChromiumReport {
  /** Why it did not run (no Chromium, --no-browser), or null when it ran. */
  skipped: string | null;
  /** The browser's path and where it came from (`/usr/bin/chromium (system)`), null when none was found. */
  executable: string | null;
  /** Chromium's version as playwright-core reports it. */
  version: string | null;
  /** The engine's kernel set in Chromium, from kernelSet() after training: `wasm-simd`, or `ts` and why. */
  kernels: KernelSet | null;
  /** measureSimdPeak() in a worker of the same page. */
  simdPeakGflops: number | null;
  peers: Partial<Record<BrowserPeer, { description: string; train: TrainResult }>>;
  errors: string[];
}

const LABEL = 46;
const PEERS_SHOWN: PeerName[] = ['convkit', 'tfjs-wasm', 'tfjs-cpu', 'convnetjs'];
const pad = (s: string, n: number) => s.padEnd(n);
const ms = (t: number) => (t >= 1 ? `${t.toFixed(2)} s` : `${(t * 1000).toFixed(t < 0.01 ? 2 : 1)} ms`);

function cell(seconds: number | null | undefined, flops: number | null, base: number | null | undefined, isBase: boolean, peak: number | null): string {
  if (seconds === null || seconds === undefined) return 'n/a';
  if (seconds <= 0) return '~0 (below timer resolution)';
  let s = ms(seconds);
  if (flops !== null) {
    const gf = flops / seconds / 1e9;
    s += ` ${gf.toFixed(1)} GF/s`;
    if (isBase && peak) s += ` (${((100 * gf) / peak).toFixed(0)}% pk)`;
  }
  if (!isBase && base) s += ` [${(seconds / base).toFixed(1)}×]`;
  return s;
}

/** The printed table: one row per workload, one column per peer. */
export function formatTable(r: BenchReport, w: Workloads): string {
  const lines: string[] = [];
  const width = 34;
  const header = pad('workload', LABEL) + PEERS_SHOWN.map((p) => pad(p, width)).join('');
  const opsOf = (p: PeerName) => r.peers[p]?.ops;
  // Each peer's ratio uses convkit's time from the same interleaved run; convkit's column shows its run beside tfjs-wasm.
  const baseOf = (p: PeerName) => (p === 'convkit' ? undefined : r.peers[p]?.convkitOps);
  lines.push(header, '-'.repeat(header.length));
  for (const c of w.conv) {
    const shape = `${c.name} (${c.N},${c.C},${c.H},${c.W}; ${c.F},${c.K}×${c.K},s${c.stride},p${c.pad})`;
    for (const dir of ['forward', 'backward'] as const) {
      const flops = convFlops(c) * (dir === 'backward' ? 2 : 1);
      const row = PEERS_SHOWN.map((p) =>
        pad(cell(opsOf(p)?.conv[c.name]?.[dir], flops, baseOf(p)?.conv[c.name]?.[dir], p === 'convkit', r.simdPeakGflops), width),
      );
      lines.push(pad(`conv ${dir === 'forward' ? 'fwd' : 'bwd'} ${shape}`, LABEL) + row.join(''));
    }
  }
  for (const dir of ['forward', 'backward'] as const) {
    const row = PEERS_SHOWN.map((p) => pad(cell(opsOf(p)?.pool[dir], null, baseOf(p)?.pool[dir], p === 'convkit', null), width));
    lines.push(pad(`maxpool 2×2/2 ${dir === 'forward' ? 'fwd' : 'bwd'} (${w.pool.N},${w.pool.C},${w.pool.H},${w.pool.W})`, LABEL) + row.join(''));
  }
  const trainOf = (p: PeerName) => r.peers[p]?.train;
  const baseRate = trainOf('convkit')?.imagesPerSecond;
  lines.push(
    pad(`train epoch, images/s`, LABEL) +
      PEERS_SHOWN.map((p) => {
        const t = trainOf(p);
        if (r.peers[p] === undefined) return pad('not run', width);
        if (!t) return pad('cannot train', width);
        const ratio = p !== 'convkit' && baseRate ? ` [${(baseRate / t.imagesPerSecond).toFixed(1)}×]` : '';
        return pad(
          `${t.imagesPerSecond.toFixed(t.imagesPerSecond < 10 ? 1 : 0)}${t.images < w.train.trainImages ? ` (on ${t.images}, extrap.)` : ''}${ratio}`,
          width,
        );
      }).join(''),
  );
  lines.push(
    pad(`test accuracy (${w.train.testImages} images)`, LABEL) +
      PEERS_SHOWN.map((p) => {
        const a = trainOf(p)?.testAccuracy;
        return pad(a === null || a === undefined ? 'n/a' : `${(100 * a).toFixed(1)}%`, width);
      }).join(''),
  );
  lines.push(
    pad('peak RSS of the training run, MB', LABEL) +
      PEERS_SHOWN.map((p) => {
        const e = r.peers[p];
        return pad(`${e?.peakRssMB ?? '–'} (after setup ${e?.rssAfterSetupMB ?? '–'})`, width);
      }).join(''),
  );
  return lines.join('\n');
}

/** The issue's targets, checked on this run's numbers. */
export function checkTargets(r: BenchReport, w: Workloads): BenchReport['targets'] {
  const targets: BenchReport['targets'] = [];
  const ops = (p: PeerName) => r.peers[p]?.ops;
  const rate = (p: PeerName) => r.peers[p]?.train?.imagesPerSecond ?? null;
  const ours = rate('convkit'),
    cnn = rate('convnetjs');
  targets.push({ target: 'training ≥ 2,000 images/s', met: ours === null ? null : ours >= 2000, detail: `${ours?.toFixed(0) ?? 'n/a'} images/s` });
  targets.push({
    target: 'training ≥ 20× ConvNetJS',
    met: ours === null || cnn === null ? null : ours >= 20 * cnn,
    detail: ours && cnn ? `${(ours / cnn).toFixed(1)}×` : 'n/a',
  });
  for (const c of w.conv) {
    const mine = r.peers['tfjs-wasm']?.convkitOps?.conv[c.name]; // convkit, interleaved with tfjs-wasm
    const wasm = ops('tfjs-wasm')?.conv[c.name]?.forward;
    if (['B', 'C', 'D'].includes(c.name)) {
      const met = mine?.forward && wasm ? wasm >= mine.forward : null;
      targets.push({ target: `conv ${c.name} forward ≥ tfjs-wasm SIMD`, met, detail: mine?.forward && wasm ? `${(wasm / mine.forward).toFixed(2)}×` : 'n/a' });
    }
    for (const dir of ['forward', 'backward'] as const) {
      const cpu = ops('tfjs-cpu')?.conv[c.name]?.[dir];
      const m = r.peers['tfjs-cpu']?.convkitOps?.conv[c.name]?.[dir]; // convkit, interleaved with tfjs-cpu
      targets.push({
        target: `conv ${c.name} ${dir} ≥ 10× tfjs-cpu`,
        met: m && cpu ? cpu >= 10 * m : null,
        detail: m && cpu ? `${(cpu / m).toFixed(1)}×` : 'n/a',
      });
    }
  }
  return targets;
}
