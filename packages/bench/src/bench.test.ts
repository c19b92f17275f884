/**
 * CI proof that `pnpm bench` still works end to end: runs `--quick` (tiny
 * shapes, every peer, every suite, child processes, JSON output) and checks
 * the report's structure. No timing assertions: speed is judged by reading
 * the full benchmark, never by a unit test.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BenchReport } from './report.ts';
import { QUICK } from './workloads.ts';

// The browser part always runs: @convkit/browser finds a Chromium (CI's Debian one, a system one, or the npm
// one); browser/run.test.ts covers what a run where none is found does.
describe('pnpm bench --quick', () => {
  let run: SpawnSyncReturns<string>;
  let files: string[];
  let report: BenchReport;
  beforeAll(() => {
    const out = mkdtempSync(join(tmpdir(), 'convkit-bench-'));
    const main = fileURLToPath(new URL('./main.ts', import.meta.url));
    run = spawnSync(process.execPath, ['--import', 'tsx', main, '--quick', '--out', out], { encoding: 'utf8' });
    files = readdirSync(out);
    if (files.length === 1) report = JSON.parse(readFileSync(join(out, files[0]), 'utf8')) as BenchReport;
  }, 600_000);

  it('measures every peer on every workload and writes the JSON report', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/WebAssembly SIMD f32x4 multiply\+add peak/);
    expect(run.stdout).toMatch(/targets:/);
    expect(files).toHaveLength(1);
    expect(report.quick).toBe(true);
    expect(report.simdPeakGflops).toBeGreaterThan(0);
    for (const peer of ['convkit', 'tfjs-wasm', 'tfjs-cpu', 'convnetjs'] as const) {
      const entry = report.peers[peer];
      expect(entry?.errors, peer).toEqual([]);
      for (const name of ['A', 'B', 'C', 'D']) {
        const conv = entry?.ops?.conv[name];
        expect(conv?.forward, `${peer} conv ${name} forward`).toBeGreaterThan(0);
        // The wasm backend has no Conv2DBackpropFilter kernel: it cannot compute the backward pass.
        if (peer === 'tfjs-wasm') expect(conv?.backward).toBeNull();
        else expect(conv?.backward, `${peer} conv ${name} backward`).toBeGreaterThanOrEqual(0);
      }
      expect(entry?.ops?.pool.forward, `${peer} pool`).toBeGreaterThan(0);
      expect(entry?.peakRssMB, `${peer} memory`).toBeGreaterThan(0);
      // Every peer's ratios use convkit's times from the same interleaved run.
      if (peer !== 'convkit') expect(entry?.convkitOps?.conv.A.forward, `convkit beside ${peer}`).toBeGreaterThan(0);
    }
    const ours = report.peers.convkit?.train;
    expect(ours?.imagesPerSecond).toBeGreaterThan(0);
    expect(ours?.testAccuracy).toBeGreaterThanOrEqual(0);
    expect(ours?.testAccuracy).toBeLessThanOrEqual(1);
    expect(report.peers['tfjs-wasm']?.train).toBeNull();
    expect(report.targets.length).toBeGreaterThan(10);
  });

  it('trains convkit and ConvNetJS in one Chromium page, the engine on its WebAssembly SIMD kernel', () => {
    const c = report.chromium;
    expect(c.skipped).toBeNull();
    expect(c.errors).toEqual([]);
    expect(c.executable, 'the browser and where it came from').toMatch(/ \((CHROMIUM_PATH|system|npm)\)$/);
    expect(c.version).toMatch(/^\d+\.\d+/);
    expect(c.kernels?.name, `kernelSet() in Chromium: ${c.kernels?.reason}`).toBe('wasm-simd');
    expect(c.simdPeakGflops).toBeGreaterThan(0);
    for (const peer of ['convkit', 'convnetjs'] as const) {
      const train = c.peers[peer]?.train;
      expect(train?.images, peer).toBe(QUICK.train.trainImages);
      expect(train?.imagesPerSecond, peer).toBeGreaterThan(0);
      expect(train?.testAccuracy, peer).toBeGreaterThanOrEqual(0);
      expect(train?.testAccuracy, peer).toBeLessThanOrEqual(1);
    }
    expect(run.stdout).toMatch(/^chromium: Chromium \d+/m);
    expect(report.targets.map((t) => t.target)).toContain('Chromium: training ≥ 20× ConvNetJS (same page)');
  });
});
