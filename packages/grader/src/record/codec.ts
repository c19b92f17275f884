/**
 * Values ⇄ recorded JSON. Inputs decode to their wire form (tensors as `{ __tensor, shape, dtype,
 * data }` with a Float64Array/Float32Array, as `toWire` makes them); expected values decode to engine
 * Tensors, as the reference returned them. float64 values are written as JSON numbers, which
 * round-trip exactly.
 */
import { Tensor } from '@convkit/engine';
import type { Json } from './format.ts';

const SPECIAL: Record<string, number> = { NaN: Number.NaN, Infinity: Number.POSITIVE_INFINITY, '-Infinity': Number.NEGATIVE_INFINITY, '-0': -0 };

function special(x: number): string | null {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Number.POSITIVE_INFINITY) return 'Infinity';
  if (x === Number.NEGATIVE_INFINITY) return '-Infinity';
  if (Object.is(x, -0)) return '-0';
  return null;
}

const VIEWS = { Float64Array, Float32Array, Int32Array, Uint8Array, Int8Array, Int16Array, Uint16Array, Uint32Array, Uint8ClampedArray } as const;
type ViewName = keyof typeof VIEWS;

function encodeData(data: ArrayLike<number>): Json[] {
  const out: Json[] = new Array(data.length);
  for (let i = 0; i < data.length; i++) out[i] = special(data[i]) ?? data[i];
  return out;
}

function decodeData(data: Json[], where: string): number[] {
  return data.map((v, i) => {
    if (typeof v === 'number') return v;
    if (typeof v === 'string' && v in SPECIAL) return SPECIAL[v];
    throw new Error(`expected data: expected a number at ${where}[${i}], got ${JSON.stringify(v)}`);
  });
}

/**
 * Encodes an input or expected value: engine Tensors and wire tensors, numbers, strings, booleans,
 * null, undefined, typed arrays, arrays and plain objects. Anything else (a function, a class
 * instance) cannot be recorded: it throws, naming where it was found.
 */
export function encodeValue(value: unknown, where = 'value'): Json {
  if (value === null) return null;
  if (value === undefined) return { __undefined: true };
  if (typeof value === 'number') {
    const s = special(value);
    return s === null ? value : { __number: s };
  }
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Tensor) return { __tensor: true, shape: [...value.shape], dtype: value.dtype, data: encodeData(value.data) };
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (v.__tensor === true) {
      return { __tensor: true, shape: [...(v.shape as number[])], dtype: v.dtype as string, data: encodeData(v.data as ArrayLike<number>) };
    }
    if (ArrayBuffer.isView(value)) {
      const name = value.constructor.name;
      if (!(name in VIEWS)) throw new Error(`cannot record ${where}: a ${name}`);
      return { __view: name, data: encodeData(value as unknown as ArrayLike<number>) };
    }
    if (Array.isArray(value)) return value.map((x, i) => encodeValue(x, `${where}[${i}]`));
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) {
      throw new Error(`cannot record ${where}: an instance of ${(value as { constructor?: { name?: string } }).constructor?.name ?? 'a class'}`);
    }
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, encodeValue(x, `${where}.${k}`)]));
  }
  throw new Error(`cannot record ${where}: a ${typeof value}`);
}

function decode(json: Json, asTensor: (shape: number[], dtype: string, data: number[]) => unknown, where: string): unknown {
  if (json === null || typeof json !== 'object') return json;
  if (Array.isArray(json)) return json.map((x, i) => decode(x, asTensor, `${where}[${i}]`));
  if (json.__undefined === true) return undefined;
  if (typeof json.__number === 'string' && json.__number in SPECIAL) return SPECIAL[json.__number];
  if (json.__tensor === true) {
    const { shape, dtype, data } = json;
    if (!Array.isArray(shape) || !shape.every((d) => typeof d === 'number') || (dtype !== 'float64' && dtype !== 'float32') || !Array.isArray(data)) {
      throw new Error(`expected data: a malformed tensor at ${where}`);
    }
    return asTensor(shape as number[], dtype, decodeData(data, where));
  }
  if (typeof json.__view === 'string' && Array.isArray(json.data)) {
    const View = VIEWS[json.__view as ViewName];
    if (!View) throw new Error(`expected data: unknown typed array ${json.__view} at ${where}`);
    return View.from(decodeData(json.data, where));
  }
  return Object.fromEntries(Object.entries(json).map(([k, x]) => [k, decode(x, asTensor, `${where}.${k}`)]));
}

/** A recorded input as it goes on the wire (what `toWire` made of it). */
export function decodeWire(json: Json, where = 'input'): unknown {
  return decode(
    json,
    (shape, dtype, data) => ({ __tensor: true, shape, dtype, data: dtype === 'float32' ? Float32Array.from(data) : Float64Array.from(data) }),
    where,
  );
}

/** A recorded expected value, with engine Tensors as the reference returned them. */
export function decodeExpected(json: Json, where = 'expected'): unknown {
  return decode(
    json,
    (shape, dtype, data) => new Tensor(shape, dtype === 'float32' ? Float32Array.from(data) : Float64Array.from(data), dtype as 'float64' | 'float32'),
    where,
  );
}

/** A size of recorded inputs, to try small cases first: tensor elements plus the magnitude of plain numbers. */
export function sizeOfInputs(args: Json[]): number {
  let size = 0;
  const visit = (v: Json): void => {
    if (typeof v === 'number') size += Math.abs(v);
    else if (Array.isArray(v)) v.forEach(visit);
    else if (v !== null && typeof v === 'object') {
      if (v.__tensor === true && Array.isArray(v.data)) size += v.data.length;
      else if (v.__view !== undefined && Array.isArray(v.data)) size += v.data.length;
      else Object.values(v).forEach(visit);
    }
  };
  args.forEach(visit);
  return size;
}
