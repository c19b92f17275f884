/**
 * The Web Worker entry of the browser's sandbox (the page starts one per grading run with
 * `new Worker(new URL('@convkit/grader/browser/worker', import.meta.url))` and ends it on a time limit).
 */
import { serveSandbox } from './worker-core.ts';
import { compileTypeScript } from './compile.ts';
import type { ToWorker } from './protocol.ts';

interface WorkerScope {
  postMessage(message: unknown): void;
  onmessage: ((event: { data: ToWorker }) => void) | null;
  console: Console;
}

const scope = globalThis as unknown as WorkerScope;
const post = scope.postMessage.bind(scope);
serveSandbox(
  (message) => post(message),
  (handler) => {
    scope.onmessage = (event) => handler(event.data);
  },
  compileTypeScript,
  scope.console,
);
