/**
 * Argument checks shared by the ops. Each throws an Error that names the op,
 * the argument, what was expected and what was got, e.g.
 * `conv2dForward: expected w of rank 4 [F, C, HH, WW], got rank 3 [3, 4, 4]`.
 */
import { Tensor, fmtShape } from './tensor.ts';

export { fmtShape };

/** Throws unless `value` is a Tensor. */
export function checkTensor(op: string, name: string, value: unknown): asserts value is Tensor {
  if (!(value instanceof Tensor)) {
    const got = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
    throw new Error(`${op}: expected ${name} to be a Tensor, got ${got}`);
  }
}

/** Throws unless `t` is a Tensor of the given rank; `dims` names the axes for the message, e.g. 'N, C, H, W'. */
export function checkRank(op: string, name: string, t: unknown, rank: number, dims: string): asserts t is Tensor {
  checkTensor(op, name, t);
  if (t.rank !== rank) {
    throw new Error(`${op}: expected ${name} of rank ${rank} [${dims}], got rank ${t.rank} ${fmtShape(t.shape)}`);
  }
}

/** Throws unless `t` has exactly `shape`. */
export function checkShapeEquals(op: string, name: string, t: Tensor, shape: readonly number[]): void {
  if (t.shape.length !== shape.length || t.shape.some((d, i) => d !== shape[i])) {
    throw new Error(`${op}: expected ${name} of shape ${fmtShape(shape)}, got ${fmtShape(t.shape)}`);
  }
}

/** Throws unless two tensors share a dtype (ops keep their inputs' dtype, so mixing is a mistake). */
export function checkSameDtype(op: string, a: [string, Tensor], b: [string, Tensor]): void {
  if (a[1].dtype !== b[1].dtype) {
    throw new Error(`${op}: expected ${b[0]} of dtype ${a[1].dtype} like ${a[0]}, got ${b[1].dtype}`);
  }
}

/** Throws unless `value` is an integer ≥ `min`. */
export function checkInt(op: string, name: string, value: unknown, min: number): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    const rule = min === 0 ? 'an integer ≥ 0' : `an integer ≥ ${min}`;
    const got = typeof value === 'string' ? `the string ${JSON.stringify(value)}` : String(value);
    throw new Error(`${op}: expected ${name} to be ${rule}, got ${got}`);
  }
}

/** Throws when any element is NaN or ±Infinity, naming the first such index. */
export function checkFinite(op: string, name: string, t: Tensor): void {
  for (let i = 0; i < t.size; i++) {
    if (!Number.isFinite(t.data[i])) {
      throw new Error(`${op}: expected finite values in ${name}, got ${t.data[i]} at flat index ${i}`);
    }
  }
}

/**
 * Throws unless every dimension of `t` is at least 1: an empty batch, channel or
 * filter axis has no meaningful output (and a mean over N = 0 would be NaN).
 * `dims` names the axes for the message, e.g. 'N, C, H, W'.
 */
export function checkNonEmpty(op: string, name: string, t: Tensor, dims: string): void {
  if (t.shape.some((d) => d < 1)) {
    throw new Error(`${op}: expected ${name} with every dimension ≥ 1 [${dims}], got ${fmtShape(t.shape)}`);
  }
}
