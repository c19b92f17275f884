/**
 * Running one call of a student function inside a sandbox, as plain data in and out: the inputs are
 * rebuilt as engine Tensors, the function is called, and what it did (returned, threw, mutated an
 * input, returned an input, tripped a tripwire) is described for the grader. Shared by the Node
 * sandbox process (child.ts) and the browser's Web Worker sandbox (../browser/worker-core.ts): no
 * Node or DOM API here. Everything it needs from the global environment is captured when this module
 * loads, before any student code, so a student who patches `Array.prototype`, `Math` or typed arrays
 * can break their own results but not the way results are described to the grader.
 */
import type { Tensor as EngineTensor } from '@convkit/engine';
import type { CallOutcome, ThrownInfo, ToChild, WireValue } from './protocol.ts';

// --- primordials, captured before any student code runs ---
const { isArray } = Array;
const { keys, getPrototypeOf } = Object;
const { isView } = ArrayBuffer;
const F64 = Float64Array;
const F32 = Float32Array;
const ObjectProto = Object.prototype;
const toStr = String;
const { apply } = Reflect;

type TensorClass = typeof EngineTensor;
type TensorT = EngineTensor;

export interface CallRunner {
  /** Describes something thrown, as plain data (never throws itself). */
  describeThrown(error: unknown): ThrownInfo;
  /** Runs one call of `student[fn]` and describes what it did. */
  runCall(student: Record<string, unknown>, message: ToChild): Promise<CallOutcome>;
}

/**
 * The call runner for one sandbox: `Tensor` is the engine's Tensor class as the student's code sees it,
 * `takeViolations` empties the tripwires' record of violations.
 */
export function callRunner(Tensor: TensorClass, takeViolations: () => string[]): CallRunner {
  function describeThrown(error: unknown): ThrownInfo {
    try {
      if (error instanceof Error) {
        return {
          isError: true,
          notImplemented: error.name === 'NotImplemented',
          name: toStr(error.name),
          message: toStr(error.message),
          stack: toStr(error.stack ?? '')
            .split('\n')
            .slice(1, 6)
            .join('\n'),
        };
      }
      const kind = error === null ? 'null' : typeof error;
      return { isError: false, notImplemented: false, name: kind, message: toStr(error), stack: '' };
    } catch {
      return { isError: false, notImplemented: false, name: 'unknown', message: '(a value that cannot be printed)', stack: '' };
    }
  }

  function copyOf(data: ArrayLike<number>, dtype: string): Float32Array | Float64Array {
    const out = dtype === 'float32' ? new F32(data.length) : new F64(data.length);
    for (let i = 0; i < data.length; i++) out[i] = data[i];
    return out;
  }

  // Below, plain loops only: the student may have replaced Array.prototype.map, forEach, push, …

  /** Rebuilds the grader's inputs as engine Tensors. */
  function decode(value: unknown): unknown {
    if (isArray(value)) {
      const out: unknown[] = [];
      for (let i = 0; i < value.length; i++) out[i] = decode(value[i]);
      return out;
    }
    if (typeof value === 'object' && value !== null && !isView(value)) {
      const v = value as Record<string, unknown>;
      if (v.__tensor === true) {
        const t = v as unknown as { shape: number[]; dtype: 'float32' | 'float64'; data: Float32Array | Float64Array };
        return new Tensor(t.shape, t.data, t.dtype);
      }
      const out: Record<string, unknown> = {};
      const names = keys(v);
      for (let i = 0; i < names.length; i++) out[names[i]] = decode(v[names[i]]);
      return out;
    }
    return value;
  }

  /** Describes what the student returned, as plain data. */
  function encode(value: unknown, depth: number): WireValue {
    if (value === undefined) return { __undefined: true };
    if (value === null || typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
    if (typeof value !== 'object') return { __unsupported: typeof value };
    if (depth > 4) return { __unsupported: 'a value nested too deeply' };
    if (value instanceof Tensor) {
      const shape: number[] = [];
      for (let i = 0; i < value.shape.length; i++) shape[i] = Number(value.shape[i]);
      const dtype = value.dtype === 'float32' ? 'float32' : 'float64';
      return { __tensor: true, shape, dtype, data: copyOf(value.data, dtype) };
    }
    if (isView(value)) return { __typedArray: true, data: copyOf(value as unknown as ArrayLike<number>, 'float64') };
    if (isArray(value)) {
      if (value.length > 1_000_000) return { __unsupported: `an array of ${value.length} elements` };
      const out: WireValue[] = [];
      for (let i = 0; i < value.length; i++) out[i] = encode(value[i], depth + 1);
      return out;
    }
    const proto = getPrototypeOf(value);
    if (proto !== ObjectProto && proto !== null) {
      const name = (proto as { constructor?: { name?: string } }).constructor?.name ?? 'object';
      return { __unsupported: `an instance of ${toStr(name)}` };
    }
    const out: Record<string, WireValue> = {};
    const names = keys(value);
    for (let i = 0; i < names.length; i++) out[names[i]] = encode((value as Record<string, unknown>)[names[i]], depth + 1);
    return out;
  }

  interface Watched {
    name: string;
    tensor: TensorT;
    data: TensorT['data'];
    copy: Float32Array | Float64Array;
  }

  /** Every input tensor with a private copy of its values, to detect mutation after the call. */
  function watch(args: unknown[], names: string[]): Watched[] {
    const found: Watched[] = [];
    const visit = (v: unknown, name: string): void => {
      if (v instanceof Tensor) found[found.length] = { name, tensor: v, data: v.data, copy: copyOf(v.data, v.dtype) };
      else if (isArray(v)) for (let i = 0; i < v.length; i++) visit(v[i], `${name}[${i}]`);
    };
    for (let i = 0; i < args.length; i++) visit(args[i], names[i] ?? `argument ${i + 1}`);
    return found;
  }

  function findMutation(inputs: Watched[]): string | null {
    for (let k = 0; k < inputs.length; k++) {
      const w = inputs[k];
      if (w.tensor.data !== w.data) return `${w.name}.data was replaced by another array`;
      for (let i = 0; i < w.copy.length; i++) {
        const now = w.data[i];
        if (now !== w.copy[i] && !(now !== now && w.copy[i] !== w.copy[i])) {
          return `${w.name} (flat index ${i}) changed from ${w.copy[i]} to ${now}`;
        }
      }
    }
    return null;
  }

  function findReturnedInput(value: unknown, inputs: Watched[]): string | null {
    const outs: unknown[] = [value];
    const add = (v: unknown): void => {
      outs[outs.length] = v;
      if (isArray(v)) for (let i = 0; i < v.length; i++) outs[outs.length] = v[i];
    };
    if (isArray(value)) add(value);
    else if (typeof value === 'object' && value !== null && !(value instanceof Tensor)) {
      const names = keys(value);
      for (let i = 0; i < names.length; i++) add((value as Record<string, unknown>)[names[i]]);
    }
    for (let i = 0; i < outs.length; i++) for (let k = 0; k < inputs.length; k++) if (outs[i] === inputs[k].tensor) return inputs[k].name;
    return null;
  }

  async function runCall(student: Record<string, unknown>, { fn, args, argNames }: ToChild): Promise<CallOutcome> {
    takeViolations();
    const target = student[fn];
    if (typeof target !== 'function') {
      return {
        kind: 'threw',
        error: { isError: true, notImplemented: false, name: 'TypeError', message: `the module does not export a function ${fn}`, stack: '' },
        violations: [],
      };
    }
    let inputs: unknown[];
    try {
      inputs = decode(args) as unknown[];
    } catch (error) {
      const info = describeThrown(error);
      info.message = `the sandbox could not rebuild the inputs (did your code patch a built-in?): ${info.message}`;
      return { kind: 'threw', error: info, violations: takeViolations() };
    }
    const watched = watch(inputs, argNames);
    let value: unknown;
    try {
      value = await apply(target as (...a: unknown[]) => unknown, undefined, inputs);
    } catch (error) {
      return { kind: 'threw', error: describeThrown(error), violations: takeViolations() };
    }
    try {
      return {
        kind: 'returned',
        value: encode(value, 0),
        mutated: findMutation(watched),
        returnedInput: findReturnedInput(value, watched),
        violations: takeViolations(),
      };
    } catch (error) {
      const info = describeThrown(error);
      info.message = `reading the returned value failed: ${info.message}`;
      return { kind: 'threw', error: info, violations: takeViolations() };
    }
  }

  return { describeThrown, runCall };
}
