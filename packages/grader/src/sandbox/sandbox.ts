/**
 * The grader's side of the sandbox: one child process per exercise (Node's `fork`, tsx loader), with
 *  - a time limit per call, in CPU time of the child (read from /proc): on a machine shared with
 *    other jobs a correct submission is not failed because it got a small share of the cores. A
 *    call whose CPU time stops growing for STALL_MS (waiting for something that never comes) is
 *    stopped too, and a wall-clock limit of 20× the limit backs both up. Where /proc is missing,
 *    the wall-clock limit is the time limit itself. Over a limit: SIGKILL to the process group.
 *  - a memory limit: V8's heap via `--max-old-space-size`, and the whole process (typed arrays live
 *    outside the heap) by polling its resident size in /proc and killing it above the limit,
 *  - the child's stdout and stderr captured, never printed: student output cannot pass for a report.
 * A child that dies is started again for the next call; its module is loaded again.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import type { CallOutcome, ChildConfig, FromChild, ThrownInfo, ToChild } from './protocol.ts';
import { killGroup, readCpuMs, readRssBytes } from './limits.ts';
import { RestartingSandbox } from './restarting.ts';

export interface SandboxOptions {
  /** Absolute path of the student's module. */
  file: string;
  /** Engine functions replaced by tripwires inside the sandbox. */
  tripwires: readonly string[];
  timeLimitMs: number;
  memoryLimitMb: number;
  /** How many times a dead child is restarted before every later call fails at once. */
  maxRestarts?: number;
}

/** A call's result: what the child reported, or why there is no report. */
export type CallResult =
  | CallOutcome
  /** `skipped`: not run, because an earlier call of the same function timed out. */
  | { kind: 'timeout'; limitMs: number; skipped?: boolean; stalled?: boolean }
  | { kind: 'memory'; limitMb: number }
  | { kind: 'crashed'; reason: string }
  | { kind: 'load-error'; error: ThrownInfo; violations: string[] };

/**
 * Where the sandbox process's own code comes from: the sandbox script, the tsx loader and (resolved
 * by the sandbox script as `@convkit/engine`, see child.ts) the engine that student code imports.
 * By default this repository's. Official grading (class grading, the
 * Gradescope autograder) names a separate RUNTIME in CONVKIT_SANDBOX_RUNTIME: a built student kit,
 * readable by the unprivileged grading user, whose engine has no implementation of any exercised
 * function, while this grader (specs, solutions, the real engine) stays out of that user's reach.
 */
export interface SandboxRuntime {
  /** The working folder of the sandbox process (the grader's own may be out of the grading user's reach). */
  cwd?: string;
  childScript: string;
  tsxLoader: string;
}

export function sandboxRuntime(runtimeRoot = process.env.CONVKIT_SANDBOX_RUNTIME): SandboxRuntime {
  if (runtimeRoot) {
    return {
      cwd: runtimeRoot,
      childScript: join(runtimeRoot, 'packages', 'grader', 'src', 'sandbox', 'child.ts'),
      tsxLoader: pathToFileURL(join(runtimeRoot, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href,
    };
  }
  const here = dirname(fileURLToPath(import.meta.url));
  return {
    childScript: join(here, 'child.ts'),
    tsxLoader: import.meta.resolve('tsx'),
  };
}
/**
 * Starting Node and tsx and loading the engine and the student's module takes ~0.5 s on an idle
 * 2-core machine, but 10 s and more when the machine is busy: the startup limit is generous.
 */
const STARTUP_LIMIT_MS = 45_000;
const OUTPUT_CAP = 16_000;
/**
 * A call that uses (almost) no CPU — under 2% of a core — for this long is waiting, not computing:
 * it is stopped as a timeout. A computing process gets far more, even on a crowded machine.
 */
const STALL_MS = 10_000;
const STALL_SHARE = 0.02;

/**
 * The unprivileged user the child runs as, when a grader running as root names one in
 * CONVKIT_SANDBOX_UID / CONVKIT_SANDBOX_GID (class grading and the Gradescope autograder in
 * packages/course do): student code then cannot signal, trace or read the grader, nor other students.
 */
function sandboxUser(): { uid?: number; gid?: number } {
  const uid = Number(process.env.CONVKIT_SANDBOX_UID);
  if (process.env.CONVKIT_SANDBOX_UID === undefined || !Number.isInteger(uid) || process.getuid?.() !== 0) return {};
  return { uid, gid: Number(process.env.CONVKIT_SANDBOX_GID ?? uid) };
}

/** Every sandbox process alive in this grader, so that a signal can end them all ({@link closeAllSandboxes}). */
const live = new Set<ChildProcess>();

/** Ends every sandbox process this grader started (and what they started): on Ctrl+C, SIGTERM, or a parent gone. */
export function closeAllSandboxes(): void {
  for (const child of live) killGroup(child);
  live.clear();
}

export class Sandbox extends RestartingSandbox {
  private child: ChildProcess | null = null;
  private nextId = 1;
  private output = '';
  private pending: {
    id: number;
    settle: (r: CallResult) => void;
    cpuStart: number | null;
    cpuLimitMs: number;
    /** CPU reading and wall clock at the start of the current stall window. */
    windowCpu: number;
    windowStart: number;
  } | null = null;
  private memoryTimer: NodeJS.Timeout | null = null;
  /** Set when the memory watcher or a timer kills the child, so the exit is reported as that. */
  private killedFor: CallResult | null = null;

  constructor(private readonly options: SandboxOptions) {
    super(options.maxRestarts);
  }

  protected get running(): boolean {
    return this.child !== null;
  }

  /** Everything the student's code printed since the last call to this method (capped). */
  takeOutput(): string {
    const text = this.output;
    this.output = '';
    return text;
  }

  /** Calls `fn(...args)` in the sandbox. Never throws: every failure is a {@link CallResult}. */
  async call(fn: string, args: unknown[], argNames: string[], timeLimitMs = this.options.timeLimitMs): Promise<CallResult> {
    const notReady = await this.readyForCall();
    if (notReady) return notReady;
    const child = this.child!;
    const id = this.nextId++;
    return new Promise<CallResult>((settle) => {
      const cpuStart = child.pid === undefined ? null : readCpuMs(child.pid);
      const wallLimit = cpuStart === null ? timeLimitMs : 20 * timeLimitMs + STALL_MS;
      const timer = setTimeout(() => this.kill({ kind: 'timeout', limitMs: timeLimitMs }), wallLimit);
      this.pending = {
        id,
        cpuStart,
        cpuLimitMs: timeLimitMs,
        windowCpu: cpuStart ?? 0,
        windowStart: Date.now(),
        settle: (r) => {
          clearTimeout(timer);
          this.pending = null;
          settle(r);
        },
      };
      const message: ToChild = { type: 'call', id, fn, args, argNames };
      try {
        child.send(message);
      } catch (error) {
        this.kill({ kind: 'crashed', reason: `could not send the inputs: ${String(error)}` });
      }
    });
  }

  /**
   * Starts the sandbox process now, before the first call, so that its start-up (Node, the loader, the
   * engine, the student's module) overlaps other work; the first call then waits for it as usual.
   */
  warm(): this {
    if (!this.child && !this.loadFailure && !this.ready) this.start();
    return this;
  }

  /** Ends the child process and everything it started. */
  close(): void {
    this.stopWatching();
    if (this.child) killGroup(this.child);
    this.child = null;
  }

  protected start(): void {
    const runtime = sandboxRuntime();
    const config: ChildConfig = { file: this.options.file, tripwires: [...this.options.tripwires] };
    const child = fork(runtime.childScript, [JSON.stringify(config)], {
      execArgv: ['--import', runtime.tsxLoader, `--max-old-space-size=${this.options.memoryLimitMb}`, '--no-warnings'],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'advanced',
      ...(runtime.cwd ? { cwd: runtime.cwd } : {}),
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      ...sandboxUser(),
    });
    this.child = child;
    live.add(child);
    this.killedFor = null;
    const collect = (chunk: Buffer): void => {
      if (this.output.length < OUTPUT_CAP) this.output += chunk.toString('utf8').slice(0, OUTPUT_CAP - this.output.length);
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    this.watchMemory(child);

    this.ready = new Promise<CallResult | null>((resolveReady) => {
      let started = false;
      const startTimer = setTimeout(() => this.kill({ kind: 'timeout', limitMs: STARTUP_LIMIT_MS }), STARTUP_LIMIT_MS);
      child.on('message', (raw: unknown) => {
        const message = raw as FromChild;
        if (message.type === 'ready' && !started) {
          started = true;
          clearTimeout(startTimer);
          resolveReady(null);
        } else if (message.type === 'load-error' && !started) {
          started = true;
          clearTimeout(startTimer);
          resolveReady({ kind: 'load-error', error: message.error, violations: message.violations });
          this.close();
        } else if (message.type === 'result' && this.pending?.id === message.id) {
          this.pending.settle(message.outcome);
        }
      });
      child.on('exit', (code, signal) => {
        live.delete(child);
        clearTimeout(startTimer);
        this.stopWatching();
        if (this.child === child) this.child = null;
        this.restarts++;
        const result = this.killedFor ?? this.explainExit(code, signal);
        if (!started) {
          started = true;
          resolveReady(
            result.kind === 'crashed'
              ? {
                  kind: 'load-error',
                  error: {
                    isError: true,
                    notImplemented: false,
                    name: 'Crash',
                    message: `the sandbox ended while loading your module (${result.reason})`,
                    stack: '',
                  },
                  violations: [],
                }
              : result,
          );
        }
        this.pending?.settle(result);
      });
      child.on('error', () => {
        /* reported through 'exit' */
      });
    });
  }

  private explainExit(code: number | null, signal: NodeJS.Signals | null): CallResult {
    if (/heap out of memory|Allocation failed/i.test(this.output)) return { kind: 'memory', limitMb: this.options.memoryLimitMb };
    if (signal) return { kind: 'crashed', reason: `the process was killed by ${signal} (process.kill?)` };
    return { kind: 'crashed', reason: `the process exited with code ${code} (process.exit?)` };
  }

  private kill(reason: CallResult): void {
    this.killedFor = reason;
    if (this.child) killGroup(this.child);
  }

  /** Every 20 ms: the child's resident memory against the memory limit, its CPU time against the call's limit. */
  private watchMemory(child: ChildProcess): void {
    const limit = this.options.memoryLimitMb * 1024 * 1024;
    this.memoryTimer = setInterval(() => {
      if (child.pid === undefined) return;
      if (readRssBytes(child.pid) > limit) {
        this.killedFor = { kind: 'memory', limitMb: this.options.memoryLimitMb };
        killGroup(child);
        return;
      }
      const call = this.pending;
      if (call && call.cpuStart !== null) {
        const used = readCpuMs(child.pid);
        if (used === null) return;
        if (used - call.cpuStart > call.cpuLimitMs) {
          this.kill({ kind: 'timeout', limitMs: call.cpuLimitMs });
        } else if (Date.now() - call.windowStart >= STALL_MS) {
          if (used - call.windowCpu < STALL_MS * STALL_SHARE) this.kill({ kind: 'timeout', limitMs: call.cpuLimitMs, stalled: true });
          call.windowCpu = used;
          call.windowStart = Date.now();
        }
      }
    }, 20);
    this.memoryTimer.unref();
  }

  private stopWatching(): void {
    if (this.memoryTimer) clearInterval(this.memoryTimer);
    this.memoryTimer = null;
  }
}
