/** The printed "chromium" section of the bench and its targets (issue 5: "report the same in Chromium"). */
import type { BenchReport, ChromiumReport } from '../report.ts';
import type { TrainCase } from '../workloads.ts';
import { BROWSER_PEERS } from './protocol.ts';

const LABEL = 46;
const WIDTH = 34;

export function formatChromium(c: ChromiumReport, t: TrainCase): string {
  if (c.skipped !== null) return `chromium: not run: ${c.skipped}`;
  const peak = c.simdPeakGflops === null ? 'no SIMD' : `${c.simdPeakGflops.toFixed(1)} GFLOP/s`;
  const k = c.kernels;
  const kernel =
    k === null ? 'unknown' : k.name === 'wasm-simd' ? 'wasm-simd (its WebAssembly SIMD kernels)' : `${k.name} (NOT the WebAssembly SIMD kernels: ${k.reason})`;
  const lines = [
    `chromium: Chromium ${c.version ?? '?'} headless, ${c.executable}; one page, each peer in its own Web Worker, one after the other,`,
    '  on the same MNIST bytes, in the same order, with the same peer code as the Node training runs',
    `  convkit's kernel set in Chromium: ${kernel}; WebAssembly SIMD f32x4 peak in Chromium: ${peak}`,
    ...BROWSER_PEERS.map((p) => `  ${p}: ${c.peers[p]?.description ?? 'failed'}`),
    '',
    `${'chromium'.padEnd(LABEL)}${BROWSER_PEERS.map((p) => p.padEnd(WIDTH)).join('')}`,
  ];
  const base = c.peers.convkit?.train.imagesPerSecond;
  lines.push(
    `${`train epoch (${t.trainImages} images), images/s`.padEnd(LABEL)}${BROWSER_PEERS.map((p) => {
      const rate = c.peers[p]?.train.imagesPerSecond;
      if (rate === undefined) return 'failed'.padEnd(WIDTH);
      return `${rate.toFixed(0)}${p !== 'convkit' && base ? ` [${(base / rate).toFixed(1)}×]` : ''}`.padEnd(WIDTH);
    }).join('')}`,
  );
  lines.push(
    `${`test accuracy (${t.testImages} images)`.padEnd(LABEL)}${BROWSER_PEERS.map((p) => {
      const a = c.peers[p]?.train.testAccuracy;
      return (a === null || a === undefined ? 'n/a' : `${(100 * a).toFixed(1)}%`).padEnd(WIDTH);
    }).join('')}`,
  );
  return lines.join('\n');
}

/** The training targets, checked on the Chromium figures (none when Chromium did not run). */
export function chromiumTargets(c: ChromiumReport): BenchReport['targets'] {
  if (c.skipped !== null) return [];
  const ours = c.peers.convkit?.train.imagesPerSecond ?? null,
    cnn = c.peers.convnetjs?.train.imagesPerSecond ?? null;
  return [
    { target: 'Chromium: training ≥ 2,000 images/s', met: ours === null ? null : ours >= 2000, detail: `${ours?.toFixed(0) ?? 'n/a'} images/s` },
    {
      target: 'Chromium: training ≥ 20× ConvNetJS (same page)',
      met: ours === null || cnn === null ? null : ours >= 20 * cnn,
      detail: ours && cnn ? `${(ours / cnn).toFixed(1)}×` : 'n/a',
    },
  ];
}
