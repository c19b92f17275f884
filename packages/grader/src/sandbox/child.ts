/**
 * The sandbox process: loads ONE student module and runs the calls the grader sends, one at a time.
 * It never sees an expected value, only inputs. Everything it needs from the global environment is
 * captured before student code loads, so a student who patches `Array.prototype`, `Math` or typed
 * arrays can break their own results but not the way results are described to the grader.
 */
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { CallOutcome, ChildConfig, FromChild, ThrownInfo, ToChild, WireValue } from './protocol.ts';

// --- primordials, captured before any student code runs ---
const send = process.send!.bind(process) as (message: FromChild) => boolean;
const onMessage = process.on.bind(process);
const { isArray } = Array;
const { keys, getPrototypeOf } = Object;
const { isView } = ArrayBuffer;
const F64 = Float64Array;
const F32 = Float32Array;
const ObjectProto = Object.prototype;
const toStr = String;

const config = JSON.parse(process.argv[2]) as ChildConfig;
const tripwireUrl = new URL('./tripwire.ts', import.meta.url).href;
register(new URL('./hooks.mjs', import.meta.url), {
  data: { names: config.tripwires, engineDir: config.engineDir, tripwireUrl },
});

// Imported only now, so that they see the tripwired engine exactly as the student does.
const { Tensor } = await import('@convkit/engine');
const { takeViolations } = (await import(tripwireUrl)) as typeof import('./tripwire.ts');
type TensorT = InstanceType<typeof Tensor>;

function describeThrown(error: unknown): ThrownInfo {
  try {
    if (error instanceof Error) {
      return {
        isError: true,
        notImplemented: error.name === 'NotImplemented',
        name: toStr(error.name),
        message: toStr(error.message),
        stack: toStr(error.stack ?? '').split('\n').slice(1, 6).join('\n'),
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

/** Rebuilds the grader's inputs as engine Tensors. */
function decode(value: unknown): unknown {
  if (isArray(value)) return value.map(decode);
  if (typeof value === 'object' && value !== null && !isView(value)) {
    const v = value as Record<string, unknown>;
    if (v.__tensor === true) {
      const t = v as unknown as { shape: number[]; dtype: 'float32' | 'float64'; data: Float32Array | Float64Array };
      return new Tensor(t.shape, t.data, t.dtype);
    }
    const out: Record<string, unknown> = {};
    for (const k of keys(v)) out[k] = decode(v[k]);
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
    for (let i = 0; i < value.shape.length; i++) shape.push(Number(value.shape[i]));
    const dtype = value.dtype === 'float32' ? 'float32' : 'float64';
    return { __tensor: true, shape, dtype, data: copyOf(value.data, dtype) };
  }
  if (isView(value)) return { __typedArray: true, data: copyOf(value as unknown as ArrayLike<number>, 'float64') };
  if (isArray(value)) {
    if (value.length > 1_000_000) return { __unsupported: `an array of ${value.length} elements` };
    const out: WireValue[] = [];
    for (let i = 0; i < value.length; i++) out.push(encode(value[i], depth + 1));
    return out;
  }
  const proto = getPrototypeOf(value);
  if (proto !== ObjectProto && proto !== null) {
    const name = (proto as { constructor?: { name?: string } }).constructor?.name ?? 'object';
    return { __unsupported: `an instance of ${toStr(name)}` };
  }
  const out: Record<string, WireValue> = {};
  for (const k of keys(value)) out[k] = encode((value as Record<string, unknown>)[k], depth + 1);
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
    if (v instanceof Tensor) found.push({ name, tensor: v, data: v.data, copy: copyOf(v.data, v.dtype) });
    else if (isArray(v)) v.forEach((item, i) => visit(item, `${name}[${i}]`));
  };
  args.forEach((a, i) => visit(a, names[i] ?? `argument ${i + 1}`));
  return found;
}

function findMutation(inputs: Watched[]): string | null {
  for (const w of inputs) {
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
  if (isArray(value)) outs.push(...value);
  else if (typeof value === 'object' && value !== null && !(value instanceof Tensor)) {
    for (const k of keys(value)) {
      const v = (value as Record<string, unknown>)[k];
      outs.push(v);
      if (isArray(v)) outs.push(...v);
    }
  }
  for (const o of outs) for (const w of inputs) if (o === w.tensor) return w.name;
  return null;
}

let student: Record<string, unknown>;
try {
  student = (await import(pathToFileURL(config.file).href)) as Record<string, unknown>;
} catch (error) {
  send({ type: 'load-error', error: describeThrown(error), violations: takeViolations() });
  process.exitCode = 0;
  await new Promise(() => {}); // stay alive until the grader ends us; it has what it needs
  throw error;
}
send({ type: 'ready', exports: keys(student) });

onMessage('message', (raw: unknown) => {
  const message = raw as ToChild;
  if (message.type !== 'call') return;
  void runCall(message).then((outcome) => send({ type: 'result', id: message.id, outcome }));
});

async function runCall({ fn, args, argNames }: ToChild): Promise<CallOutcome> {
  takeViolations();
  const target = student[fn];
  if (typeof target !== 'function') {
    return {
      kind: 'threw',
      error: { isError: true, notImplemented: false, name: 'TypeError', message: `the module does not export a function ${fn}`, stack: '' },
      violations: [],
    };
  }
  const inputs = decode(args) as unknown[];
  const watched = watch(inputs, argNames);
  let value: unknown;
  try {
    value = await (target as (...a: unknown[]) => unknown)(...inputs);
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
