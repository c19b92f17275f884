/** What the Node side (run.ts) and the Web Worker in Chromium (worker.ts) say to each other. */
import type { KernelSet } from '@convkit/engine';
import type { TrainResult } from '../peers/peer.ts';
import type { TrainCase } from '../workloads.ts';

/** The peers that can train in a browser (TensorFlow.js's cpu backend trains at a few images/s; its wasm backend cannot train). */
export type BrowserPeer = 'convkit' | 'convnetjs';
export const BROWSER_PEERS: BrowserPeer[] = ['convkit', 'convnetjs'];

export type WorkerRequest = { kind: 'train'; peer: BrowserPeer; train: TrainCase; dataUrl: string } | { kind: 'simd-peak'; iterations: number; trials: number };

export type WorkerReply =
  | { kind: 'train'; description: string; kernels: KernelSet; result: TrainResult }
  | { kind: 'simd-peak'; gflops: number | null; kernels: KernelSet }
  | { kind: 'error'; message: string };
