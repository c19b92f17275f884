/**
 * CI proof that `pnpm bench` still works end to end: runs `--quick` (tiny
 * shapes, every peer, every suite, child processes, JSON output) and checks
 * the report's structure. No timing assertions: speed is judged by reading
 * the full benchmark, never by a unit test.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { BenchReport } from './report.ts';

describe('pnpm bench --quick', () => {
  it('measures every peer on every workload and writes the JSON report', () => {
    const out = mkdtempSync(join(tmpdir(), 'convkit-bench-'));
    const main = fileURLToPath(new URL('./main.ts', import.meta.url));
    const run = spawnSync(process.execPath, ['--import', 'tsx', main, '--quick', '--out', out], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/WebAssembly SIMD f32x4 multiply\+add peak/);
    expect(run.stdout).toMatch(/targets:/);

    const files = readdirSync(out);
    expect(files).toHaveLength(1);
    const report = JSON.parse(readFileSync(join(out, files[0]), 'utf8')) as BenchReport;
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
  }, 600_000);
});
