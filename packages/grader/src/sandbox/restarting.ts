/**
 * When a sandbox may run a call: the rule the Node sandbox (a child process) and the browser's (a Web
 * Worker) share, so that a submission scores the same in both.
 *  - A module that failed to load fails every later call the same way: loading it again would fail again.
 *  - A sandbox that died (a crash, a timeout, a memory limit) is started again at the next call, at most
 *    `maxRestarts` times; after that every call fails at once, so code that kills its sandbox on every
 *    call cannot make a grading run take (number of tests × start-up time).
 * Browser-safe: types only from the Node side.
 */
import type { CallResult } from './sandbox.ts';

export abstract class RestartingSandbox {
  /** Settles when the sandbox started by {@link start} is ready for calls: null, or why it is not. */
  protected ready: Promise<CallResult | null> | null = null;
  protected loadFailure: CallResult | null = null;
  /** How many times a sandbox of this one has died. */
  protected restarts = 0;

  constructor(private readonly maxRestarts = 3) {}

  /** Whether a sandbox process or worker is alive now. */
  protected abstract get running(): boolean;
  /** Starts a sandbox and sets {@link ready}. */
  protected abstract start(): void;

  /** Null when a loaded sandbox is ready for a call; otherwise the result the call gets instead of running. */
  protected async readyForCall(): Promise<CallResult | null> {
    if (this.loadFailure) return this.loadFailure;
    if (!this.running) {
      if (this.restarts > this.maxRestarts) return { kind: 'crashed', reason: `not run: the sandbox died ${this.restarts} times already` };
      this.start();
    }
    const failure = await this.ready;
    if (failure?.kind === 'load-error') this.loadFailure = failure;
    return failure ?? null;
  }
}
