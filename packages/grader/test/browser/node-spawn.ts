/** Starts the browser's sandbox in a Node worker thread, behind the Web Worker interface the page uses. */
import { Worker } from 'node:worker_threads';
import type { WorkerLike } from '../../src/browser/sandbox.ts';

export function spawnNodeWorker(): WorkerLike {
  const worker = new Worker(new URL('./node-worker.mjs', import.meta.url), { stdout: true, stderr: true });
  const like: WorkerLike = {
    postMessage: (message) => worker.postMessage(message),
    terminate: () => worker.terminate(),
    onmessage: null,
    onerror: null,
  };
  worker.on('message', (data: unknown) => like.onmessage?.({ data }));
  worker.on('error', (error: Error) => like.onerror?.({ message: error.message }));
  return like;
}
