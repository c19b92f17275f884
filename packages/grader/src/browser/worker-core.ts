/**
 * The browser's sandbox, inside its Web Worker: loads ONE student module (compiled from TypeScript in
 * the worker) and runs the calls the page sends, one at a time, with the same call runner as the Node
 * sandbox (../sandbox/call.ts). It never sees an expected value, only inputs. What the student's code
 * prints with `console` is captured and sent with each answer, never shown as the page's own output.
 * The page ends the worker when a call runs out of time: an endless loop costs the worker, not the page.
 */
import { Tensor } from '@convkit/engine';
import { callRunner } from '../sandbox/call.ts';
import { takeViolations } from '../sandbox/tripwire.ts';
import type { ToChild } from '../sandbox/protocol.ts';
import { studentEngine } from './engine.ts';
import { loadModule, type Compile } from './modules.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

const OUTPUT_CAP = 16_000;

/**
 * Serves the sandbox: `post` sends to the page, `listen` registers the handler of the page's messages,
 * `compile` turns TypeScript into CommonJS. Call once, before any student code runs.
 */
export function serveSandbox(
  post: (message: FromWorker) => void,
  listen: (handler: (message: ToWorker) => void) => void,
  compile: Compile,
  console: Console,
): void {
  const { describeThrown, runCall } = callRunner(Tensor, takeViolations);
  let output = '';
  const printed = (): string => {
    const text = output;
    output = '';
    return text;
  };
  const toText = (value: unknown): string => {
    if (typeof value === 'string') return value;
    try {
      return value instanceof Tensor ? `Tensor [${value.shape.join(', ')}] ${value.dtype}` : (JSON.stringify(value) ?? String(value));
    } catch {
      return String(value);
    }
  };
  const capture = (...values: unknown[]): void => {
    if (output.length < OUTPUT_CAP) output += `${values.map(toText).join(' ')}\n`.slice(0, OUTPUT_CAP - output.length);
  };
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace', 'table', 'dir'] as const) {
    (console as unknown as Record<string, unknown>)[method] = capture;
  }

  let student: Record<string, unknown> | null = null;
  const queue: ToChild[] = [];
  let busy = false;
  const drain = async (): Promise<void> => {
    if (busy) return;
    busy = true;
    while (queue.length > 0 && student !== null) {
      const message = queue.shift()!;
      // `await`, not `.then`: a patched Promise.prototype.then cannot intercept it.
      const outcome = await runCall(student, message);
      post({ type: 'result', id: message.id, outcome, printed: printed() });
    }
    busy = false;
  };

  listen((message) => {
    if (message.type === 'load') {
      try {
        const builtins = { '@convkit/engine': studentEngine(message.tripwires) };
        student = loadModule(message.files, message.entry, builtins, compile);
      } catch (error) {
        post({ type: 'load-error', error: describeThrown(error), violations: takeViolations(), printed: printed() });
        return;
      }
      post({ type: 'ready', exports: Object.keys(student), printed: printed() });
      void drain();
    } else if (message.type === 'call') {
      queue.push(message);
      void drain();
    }
  });
  post({ type: 'booted' });
}
