/**
 * The training epoch in Chromium: `pnpm bench --browser` (and part of a plain `pnpm bench` when Chromium
 * is found). Node builds the MNIST split once (data.ts) and esbuild bundles worker.ts; both are served
 * from memory on 127.0.0.1 to one headless Chromium page (playwright-core through @convkit/browser:
 * $CHROMIUM_PATH, else a system Chromium such as Debian's, else the npm one). The page starts one Web
 * Worker per peer, one after the other, each training one epoch with the Node bench's own peer code on the
 * same bytes in the same order; then one more measures the WebAssembly SIMD peak in this browser. Network is off except 127.0.0.1, as in the docs' browser tests.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromiumExecutable, launchChromium, type ChromiumExecutable, type Page } from '@convkit/browser';
import { mnistData } from '../data.ts';
import type { ChromiumReport } from '../report.ts';
import type { TrainCase } from '../workloads.ts';
import { BROWSER_PEERS, type WorkerReply, type WorkerRequest } from './protocol.ts';
import { encodeMnist } from './wire.ts';

export interface ChromiumOptions {
  train: TrainCase;
  /** measureSimdPeak's arguments, as main.ts uses them in Node. */
  peak: { iterations: number; trials: number };
  /** --browser asked for it: a missing Chromium is an error rather than a skip. */
  required: boolean;
}

/** An empty Chromium section; `skipped` says why it did not run (null: it ran). */
export function chromiumReport(skipped: string | null, executable: ChromiumExecutable | null = null): ChromiumReport {
  const where = executable === null ? null : `${executable.path} (${executable.source})`;
  return { skipped, executable: where, version: null, kernels: null, simdPeakGflops: null, peers: {}, errors: [] };
}

/** The worker as one ES module, minified as a production site would ship it. */
async function bundleWorker(): Promise<string> {
  const entry = fileURLToPath(new URL('./worker.ts', import.meta.url));
  const out = await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'browser', minify: true, write: false, logLevel: 'error' });
  return out.outputFiles[0].text;
}

type Body = { type: string; body: string | Uint8Array };

/** Serves a few in-memory files on 127.0.0.1 (an ephemeral port). */
async function serve(files: Record<string, Body>): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const file = files[new URL(req.url ?? '/', 'http://x').pathname];
    if (file === undefined) res.writeHead(404).end();
    else res.writeHead(200, { 'content-type': file.type }).end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A Worker as the page sees it (the bench type-checks against Node's types, not the DOM's). */
interface PageWorker {
  onmessage: ((event: { data: WorkerReply }) => void) | null;
  onerror: ((event: { message: string }) => void) | null;
  postMessage(request: WorkerRequest): void;
  terminate(): void;
}

/** One request in a fresh module worker of the page; resolves with its reply (a load failure becomes an error reply). */
function inWorker(page: Page, request: WorkerRequest): Promise<WorkerReply> {
  return page.evaluate(
    (req) =>
      new Promise<WorkerReply>((resolve) => {
        const Worker = (globalThis as unknown as { Worker: new (url: string, options: { type: 'module' }) => PageWorker }).Worker;
        const worker = new Worker('/worker.js', { type: 'module' });
        worker.onmessage = (event) => {
          worker.terminate();
          resolve(event.data);
        };
        worker.onerror = (event) => {
          worker.terminate();
          resolve({ kind: 'error', message: `bench worker: expected it to load and run, got ${event.message || 'an error event'}` });
        };
        worker.postMessage(req);
      }),
    request,
  );
}

export async function runChromium(options: ChromiumOptions): Promise<ChromiumReport> {
  let executable: ChromiumExecutable;
  try {
    executable = await chromiumExecutable();
  } catch (e) {
    if (options.required) throw new Error(`bench --browser: ${(e as Error).message}`, { cause: e });
    return chromiumReport((e as Error).message);
  }
  const report = chromiumReport(null, executable);
  const log = (line: string) => process.stderr.write(`chromium: ${line}\n`);
  log('bundling the worker, loading MNIST…');
  const worker = await bundleWorker();
  const data = mnistData(options.train);
  const site = await serve({
    '/': { type: 'text/html; charset=utf-8', body: '<!doctype html><title>convkit bench</title><p>convkit bench</p>' },
    '/worker.js': { type: 'text/javascript', body: worker },
    '/mnist.bin': { type: 'application/octet-stream', body: new Uint8Array(encodeMnist(data)) },
  });
  const browser = await launchChromium({ executable });
  try {
    report.version = browser.version();
    const page = await browser.newPage();
    page.on('pageerror', (e) => report.errors.push(`chromium page: ${e.message}`));
    await page.goto(`${site.url}/`);
    for (const peer of BROWSER_PEERS) {
      log(`${peer}: train (one Web Worker)…`);
      const reply = await inWorker(page, { kind: 'train', peer, train: options.train, dataUrl: '/mnist.bin' });
      if (reply.kind === 'error') report.errors.push(`chromium ${peer} train: ${reply.message}`);
      else if (reply.kind === 'train') {
        report.peers[peer] = { description: reply.description, train: reply.result };
        if (peer === 'convkit') report.kernels = reply.kernels;
        log(`  ${peer}: ${reply.result.imagesPerSecond.toFixed(0)} images/s, test accuracy ${reply.result.testAccuracy ?? 'n/a'}`);
      }
    }
    const peak = await inWorker(page, { kind: 'simd-peak', ...options.peak });
    if (peak.kind === 'simd-peak') report.simdPeakGflops = peak.gflops;
    else if (peak.kind === 'error') report.errors.push(`chromium SIMD peak: ${peak.message}`);
  } finally {
    await browser.close();
    await site.close();
  }
  return report;
}
