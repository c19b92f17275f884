/**
 * Turns "expected vs what the student returned" into one sentence a student can act on: the shape
 * (explained with the size formula when it differs), the dtype, NaN/Infinity, and the first element
 * that differs with both values. `null` means the values match.
 */
import { Tensor, fmtShape } from '@convkit/engine';
import { isWireTensor, type WireTensor, type WireValue } from './sandbox/protocol.ts';
import { constantFactor, diagnose, transposedShape } from './diagnose.ts';

/** Relative tolerance of float64 comparisons (the issue's 1e-6). */
export const TOLERANCE = 1e-6;

export interface CompareOptions {
  /** Relative tolerance; {@link TOLERANCE} by default. */
  tolerance?: number;
  /** Says how the expected shape follows from the inputs, e.g. "H' = (H − HH + 2·pad)/stride + 1 = …". */
  explainShape?: () => string;
}

/** Formats a number the way the messages show it: up to 8 significant digits. */
export function fmt(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  return String(Number(value.toPrecision(8)));
}

/** The multi-index `[n, c, h, w]` of a flat row-major offset. */
export function unravel(flat: number, shape: readonly number[]): number[] {
  const index: number[] = new Array(shape.length).fill(0);
  let rest = flat;
  for (let d = shape.length - 1; d >= 0; d--) {
    index[d] = rest % shape[d];
    rest = Math.floor(rest / shape[d]);
  }
  return index;
}

/**
 * Relative error of one element, |a − e| / max(|a|, |e|, floor): the difference as a fraction of the
 * larger value (a factor of 2 reads 0.5, a sign flip 2), with a floor of 1e-6 × the largest expected
 * magnitude so that values that should be 0 are not judged by rounding noise (1e-17 vs 3e-17 is a
 * match, not a 67% error). Messages print it beside the absolute error max |a − e|.
 */
export function relativeError(actual: number, expected: number, floor: number): number {
  if (actual === expected) return 0;
  return Math.abs(actual - expected) / Math.max(Math.abs(actual), Math.abs(expected), floor);
}

/** The error measure of messages, spelled out: `max |a−b| = …, max |a−b|/max(|a|,|b|) = … > tolerance …`. */
export function errorMeasure(maxAbsError: number, maxRelError: number, tolerance: number, single = false): string {
  const max = single ? '' : 'max ';
  const tol = tolerance < 1e-3 ? tolerance.toExponential() : String(tolerance);
  return `${max}|a−b| = ${maxAbsError.toExponential(1)}, ${max}relative error |a−b|/max(|a|,|b|) = ${maxRelError.toExponential(1)} > tolerance ${tol}`;
}

/** Largest relative error over two equally long arrays (Infinity when either has NaN/Infinity). */
export function maxRelativeError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  const floor = errorFloor(expected);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = relativeError(actual[i], expected[i], floor);
    if (!(e <= worst)) worst = Number.isNaN(e) ? Infinity : e;
  }
  return worst;
}

function errorFloor(expected: ArrayLike<number>): number {
  let maxAbs = 0;
  for (let i = 0; i < expected.length; i++) maxAbs = Math.max(maxAbs, Math.abs(expected[i]));
  return Math.max(1e-6 * maxAbs, 1e-12);
}

/** What a value the student returned is, in words ("a number", "undefined", "an array of 3 values"). */
export function describeValue(value: WireValue): string {
  if (value === null) return 'null';
  if (typeof value === 'number') return `the number ${fmt(value)}`;
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`;
  if (typeof value === 'boolean') return `the boolean ${value}`;
  if (Array.isArray(value)) return `an array of ${value.length} values`;
  if (isWireTensor(value)) return `a Tensor of shape ${fmtShape(value.shape)} (${value.dtype})`;
  if ('__undefined' in value) return 'undefined (did you forget to return?)';
  if ('__unsupported' in value) return String(value.__unsupported);
  if ('__typedArray' in value) return `a typed array of ${(value.data as ArrayLike<number>).length} values`;
  return `an object with keys {${Object.keys(value).join(', ')}}`;
}

/** Compares a returned tensor with the expected one. */
export function compareTensor(expected: Tensor, actual: WireValue, name: string, options: CompareOptions = {}): string | null {
  if (!isWireTensor(actual)) return `${name}: expected a Tensor of shape ${fmtShape(expected.shape)}, got ${describeValue(actual)}`;
  const sameShape = actual.shape.length === expected.shape.length && actual.shape.every((d, i) => d === expected.shape[i]);
  if (!sameShape) {
    const why = options.explainShape ? ` — ${options.explainShape()}` : '';
    const t = transposedShape(expected.data, expected.shape, actual.data, actual.shape, options.tolerance ?? TOLERANCE);
    return `${name}: expected shape ${fmtShape(expected.shape)}, got ${fmtShape(actual.shape)}${why}${t ? `\nlooks like: ${t}` : ''}`;
  }
  if (actual.data.length !== expected.size) {
    return `${name}: the Tensor has shape ${fmtShape(actual.shape)} but ${actual.data.length} values in .data`;
  }
  if (actual.dtype !== expected.dtype) {
    return `${name}: expected dtype ${expected.dtype} (ops keep the dtype of their input), got ${actual.dtype}`;
  }
  return compareValues(expected.data, actual, name, options.tolerance ?? TOLERANCE);
}

function compareValues(expected: ArrayLike<number>, actual: WireTensor, name: string, tolerance: number): string | null {
  const at = (i: number): string => `${name}${fmtShape(unravel(i, actual.shape))}`;
  for (let i = 0; i < actual.data.length; i++) {
    if (!Number.isFinite(actual.data[i])) {
      return `${name} contains ${actual.data[i]} at ${at(i)} (flat index ${i}); expected ${fmt(expected[i])}`;
    }
  }
  const floor = errorFloor(expected);
  let first = -1;
  let count = 0;
  let worst = 0;
  let worstAbs = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = relativeError(actual.data[i], expected[i], floor);
    if (e > tolerance) {
      if (first < 0) first = i;
      count++;
    }
    worst = Math.max(worst, e);
    worstAbs = Math.max(worstAbs, Math.abs(actual.data[i] - expected[i]));
  }
  if (first < 0) return null;
  const pattern = diagnose(expected, actual.data, actual.shape, tolerance);
  return (
    `${at(first)} (flat index ${first}): expected ${fmt(expected[first])}, got ${fmt(actual.data[first])}; ` +
    `${count} of ${expected.length} values differ (${errorMeasure(worstAbs, worst, tolerance)})` +
    (pattern ? `\nlooks like: ${pattern}` : '')
  );
}

/** Compares a returned number (a loss, an output size). */
export function compareNumber(expected: number, actual: WireValue, name: string, tolerance = TOLERANCE): string | null {
  if (typeof actual !== 'number') return `${name}: expected the number ${fmt(expected)}, got ${describeValue(actual)}`;
  if (!Number.isFinite(actual)) return `${name}: expected ${fmt(expected)}, got ${actual}`;
  const error = relativeError(actual, expected, 1e-12);
  if (error <= tolerance) return null;
  const pattern = expected !== 0 ? constantFactor([expected], [actual], []) : null;
  return `${name}: expected ${fmt(expected)}, got ${fmt(actual)} (${errorMeasure(Math.abs(actual - expected), error, tolerance, true)})${pattern ? `\nlooks like: ${pattern}` : ''}`;
}

/**
 * Compares any expected result — a Tensor, a number, or an object/array of them such as
 * `{ dx, dw, db }` — field by field; the first mismatch is reported.
 */
export function compareResult(expected: unknown, actual: WireValue, name: string, options: CompareOptions = {}): string | null {
  if (expected instanceof Tensor) return compareTensor(expected, actual, name, options);
  if (typeof expected === 'number') return compareNumber(expected, actual, name, options.tolerance);
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${name}: expected an array of ${expected.length} values, got ${describeValue(actual)}`;
    if (actual.length !== expected.length) return `${name}: expected ${expected.length} values, got ${actual.length}`;
    for (let i = 0; i < expected.length; i++) {
      const problem = compareResult(expected[i], actual[i], `${name}[${i}]`, options);
      if (problem) return problem;
    }
    return null;
  }
  if (typeof expected === 'object' && expected !== null) {
    const fields = Object.keys(expected);
    const plain = typeof actual === 'object' && actual !== null && !Array.isArray(actual) && !isWireTensor(actual);
    const missing = plain ? fields.filter((k) => !(k in actual)) : fields;
    if (missing.length > 0) {
      return `${name}: expected an object {${fields.join(', ')}}, got ${describeValue(actual)}`;
    }
    for (const k of fields) {
      const problem = compareResult((expected as Record<string, unknown>)[k], (actual as Record<string, WireValue>)[k], k, options);
      if (problem) return problem;
    }
    return null;
  }
  throw new Error(`compareResult: cannot compare an expected ${typeof expected}`);
}
