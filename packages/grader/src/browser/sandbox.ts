/**
 * The page's side of the browser's sandbox: one Web Worker per grading run, which loads the student's
 * module once and answers calls, with
 *  - a time limit per call, in wall-clock time (a browser gives no CPU clock for a worker): over it, the
 *    worker is terminated, the call is a timeout, and the next call starts a new worker;
 *  - a time limit on loading the module (code at the top level runs then: `while (true) {}` there);
 *  - a worker that dies (an uncaught error, the browser stopping it) reported as a crash, then restarted.
 * The page itself never runs student code, so it stays responsive whatever the code does.
 * Only the worker constructor differs between the browser and Node (the tests run it in worker_threads).
 */
import type { CallResult } from '../sandbox/sandbox.ts';
import type { ToChild } from '../sandbox/protocol.ts';
import type { FromWorker, LoadRequest } from './protocol.ts';
import { RestartingSandbox } from '../sandbox/restarting.ts';

/** The part of a Web Worker the sandbox uses. */
export interface WorkerLike {
  postMessage(message: unknown): void;
  terminate(): unknown;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: { message?: string; preventDefault?: () => void }) => void) | null;
}

export interface BrowserSandboxOptions {
  /** Starts a worker running ./worker.ts (or, in Node, worker-core.ts behind worker_threads). */
  spawn: () => WorkerLike;
  load: Omit<LoadRequest, 'type'>;
  /** Time limit of one call, in ms of wall-clock time. */
  timeLimitMs: number;
  /** Time limit of starting the worker (downloading and parsing its code), in ms; 30 s by default. */
  bootLimitMs?: number;
  /** How many times a dead worker is restarted before every later call fails at once. */
  maxRestarts?: number;
}

const OUTPUT_CAP = 16_000;

export class BrowserSandbox extends RestartingSandbox {
  private worker: WorkerLike | null = null;
  private nextId = 1;
  private output = '';
  private pending: { id: number; settle: (r: CallResult) => void } | null = null;

  constructor(private readonly options: BrowserSandboxOptions) {
    super(options.maxRestarts);
  }

  protected get running(): boolean {
    return this.worker !== null;
  }

  /** Everything the student's code printed since the last call to this method (capped). */
  takeOutput(): string {
    const text = this.output;
    this.output = '';
    return text;
  }

  private collect(text: string): void {
    if (this.output.length < OUTPUT_CAP) this.output += text.slice(0, OUTPUT_CAP - this.output.length);
  }

  /** Calls `fn(...args)` in the worker. Never throws: every failure is a {@link CallResult}. */
  async call(fn: string, args: unknown[], argNames: string[]): Promise<CallResult> {
    const notReady = await this.readyForCall();
    if (notReady) return notReady;
    const worker = this.worker!;
    const id = this.nextId++;
    const limitMs = this.options.timeLimitMs;
    return new Promise<CallResult>((settle) => {
      const timer = setTimeout(() => this.kill({ kind: 'timeout', limitMs }), limitMs);
      this.pending = {
        id,
        settle: (r) => {
          clearTimeout(timer);
          this.pending = null;
          settle(r);
        },
      };
      try {
        worker.postMessage({ type: 'call', id, fn, args, argNames } satisfies ToChild);
      } catch (error) {
        this.kill({ kind: 'crashed', reason: `could not send the inputs: ${String(error)}` });
      }
    });
  }

  /** Ends the worker. */
  close(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  /** Ends the worker over a limit or on a crash: the pending call (or the load) gets `result`. */
  private kill(result: CallResult): void {
    this.close();
    this.restarts++;
    const pending = this.pending;
    this.pending = null;
    this.failLoad?.(result);
    pending?.settle(result);
  }

  private failLoad: ((r: CallResult) => void) | null = null;

  protected start(): void {
    const worker = this.options.spawn();
    this.worker = worker;
    this.ready = new Promise<CallResult | null>((resolveReady) => {
      let settled = false;
      const done = (r: CallResult | null): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.failLoad = null;
        resolveReady(r);
      };
      this.failLoad = done;
      const bootLimit = this.options.bootLimitMs ?? 30_000;
      let timer = setTimeout(() => this.kill({ kind: 'crashed', reason: `the sandbox (a Web Worker) did not start within ${bootLimit / 1000} s` }), bootLimit);
      worker.onmessage = (event) => {
        if (this.worker !== worker) return;
        const message = event.data as FromWorker;
        if (message.type === 'booted') {
          // loading the student's module (its top-level code) gets one call's time limit
          clearTimeout(timer);
          timer = setTimeout(() => this.kill({ kind: 'timeout', limitMs: this.options.timeLimitMs }), this.options.timeLimitMs);
          worker.postMessage({ type: 'load', ...this.options.load } satisfies LoadRequest);
        } else if (message.type === 'ready') {
          this.collect(message.printed);
          done(null);
        } else if (message.type === 'load-error') {
          this.collect(message.printed);
          done({ kind: 'load-error', error: message.error, violations: message.violations });
        } else if (message.type === 'result' && this.pending?.id === message.id) {
          this.collect(message.printed);
          this.pending.settle(message.outcome);
        }
      };
      worker.onerror = (event) => {
        event.preventDefault?.();
        if (this.worker !== worker) return;
        this.kill({ kind: 'crashed', reason: `the browser stopped it${event.message ? `: ${event.message}` : ''} (out of memory?)` });
      };
    });
  }
}
