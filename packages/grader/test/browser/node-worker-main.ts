import { parentPort } from 'node:worker_threads';
import { serveSandbox } from '../../src/browser/worker-core.ts';
import { compileTypeScript } from '../../src/browser/compile.ts';
import type { ToWorker } from '../../src/browser/protocol.ts';

const port = parentPort!;
const post = port.postMessage.bind(port);
serveSandbox(
  (message) => post(message),
  (handler) => void port.on('message', (m: ToWorker) => handler(m)),
  compileTypeScript,
  console,
);
