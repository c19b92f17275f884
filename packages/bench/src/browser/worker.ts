/**
 * Runs in a dedicated Web Worker in Chromium (bundled by run.ts), where the docs playground trains too.
 * One request per worker: train one peer for one epoch with the Node bench's own peer code
 * (peers/engine.ts, peers/convnetjs.ts: same model, hyper-parameters and visiting order), on the MNIST
 * split Node encoded (wire.ts), or measure the WebAssembly SIMD peak as this browser runs it.
 */
import { kernelSet, measureSimdPeak } from '@convkit/engine';
import { convnetjsPeer } from '../peers/convnetjs.ts';
import { enginePeer } from '../peers/engine.ts';
import type { WorkerReply, WorkerRequest } from './protocol.ts';
import { decodeMnist } from './wire.ts';

/** The two members of a worker's global scope used here (the bench type-checks against Node's types, not the DOM's). */
const scope = globalThis as unknown as {
  onmessage: ((event: { data: WorkerRequest }) => void) | null;
  postMessage(reply: WorkerReply): void;
};

async function handle(request: WorkerRequest): Promise<WorkerReply> {
  if (request.kind === 'simd-peak') {
    return { kind: 'simd-peak', gflops: measureSimdPeak(request.iterations, request.trials), kernels: kernelSet() };
  }
  const response = await fetch(request.dataUrl);
  if (!response.ok) throw new Error(`bench worker: expected the MNIST data at ${request.dataUrl}, got HTTP ${response.status}`);
  const data = decodeMnist(await response.arrayBuffer());
  const peer = request.peer === 'convkit' ? enginePeer : convnetjsPeer;
  const description = await peer.describe();
  const result = peer.train(request.train, data);
  if (result === null) throw new Error(`bench worker: expected ${request.peer} to train, got null`);
  // Asked after training: the kernel that actually ran (the backend is picked on first use).
  return { kind: 'train', description, kernels: kernelSet(), result };
}

scope.onmessage = (event) => {
  handle(event.data).then(
    (reply) => scope.postMessage(reply),
    (error: unknown) => scope.postMessage({ kind: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
};
