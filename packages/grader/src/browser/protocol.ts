/** What crosses between the page (the grader) and the browser's sandbox (a Web Worker): plain data only. */
import type { CallOutcome, ThrownInfo, ToChild } from '../sandbox/protocol.ts';

/** Load the student's module: `files` maps paths below `exercises/` to TypeScript source. */
export interface LoadRequest {
  type: 'load';
  files: Record<string, string>;
  /** The student's file among `files`, e.g. `02-conv-forward/conv-forward.ts`. */
  entry: string;
  /** Engine functions replaced by tripwires (the exercise's functions, or its spec's tripwires). */
  tripwires: string[];
}

export type ToWorker = LoadRequest | ToChild;

export type FromWorker =
  /** The worker's own code is loaded: the time limit of loading the student's module starts now. */
  | { type: 'booted' }
  | { type: 'ready'; exports: string[]; printed: string }
  | { type: 'load-error'; error: ThrownInfo; violations: string[]; printed: string }
  | { type: 'result'; id: number; outcome: CallOutcome; printed: string };
