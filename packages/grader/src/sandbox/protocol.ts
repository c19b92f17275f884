/**
 * What crosses between the grader and the sandbox process. Only plain data crosses (Node's
 * structured-clone IPC): tensors travel as `{ shape, dtype, data }` and are rebuilt on the other side,
 * so no object of one process is ever reachable from the other.
 */
import type { DType } from '@convkit/engine';

/** A tensor on the wire. */
export interface WireTensor {
  readonly __tensor: true;
  readonly shape: number[];
  readonly dtype: DType;
  readonly data: Float32Array | Float64Array;
}

/** A value the student's function returned, as described by the sandbox. */
export type WireValue =
  | WireTensor
  | number
  | string
  | boolean
  | null
  | { readonly __undefined: true }
  /** Anything the grader does not accept as a result: a function, a class instance that is not a Tensor, … */
  | { readonly __unsupported: string }
  | { readonly __typedArray: true; readonly data: ArrayLike<number> }
  | WireValue[]
  | { readonly [key: string]: WireValue };

/** Something the student's code threw. */
export interface ThrownInfo {
  /** False for `throw 42` or `throw 'oops'`. */
  isError: boolean;
  notImplemented: boolean;
  name: string;
  message: string;
  /** The first stack lines, or ''. */
  stack: string;
}

/** What one call of a student function did, as seen from inside the sandbox. */
export type CallOutcome =
  | {
      kind: 'returned';
      value: WireValue;
      /** E.g. `x[0, 0, 1, 2] changed from 0.5 to 0` when an input tensor was modified. */
      mutated: string | null;
      /** The argument name when the function returned one of its input tensors itself. */
      returnedInput: string | null;
      violations: string[];
    }
  | { kind: 'threw'; error: ThrownInfo; violations: string[] };

export type ToChild = { type: 'call'; id: number; fn: string; args: unknown[]; argNames: string[] };

export type FromChild =
  | { type: 'ready'; exports: string[] }
  | { type: 'load-error'; error: ThrownInfo; violations: string[] }
  | { type: 'result'; id: number; outcome: CallOutcome };

/** How the grader starts a sandbox: argv[2] of the child, JSON. */
export interface ChildConfig {
  /** Absolute path of the student's module. */
  file: string;
  /** Engine functions the student must not call (the ones the exercise asks for). */
  tripwires: string[];
}

export function isWireTensor(value: unknown): value is WireTensor {
  return typeof value === 'object' && value !== null && (value as { __tensor?: unknown }).__tensor === true;
}
