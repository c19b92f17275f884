/**
 * When may an op take the fast path? Only when its arguments are certainly
 * valid float32 tensors. (ReLU and 2×2/2 max pooling check finiteness inside
 * their kernels, in the same pass, and return null on a non-finite value; the
 * predicates below then skip that extra pass.) They never throw and build no messages:
 * any doubt (wrong type, rank, shape, dtype, parameters, non-finite values)
 * sends the call to the reference op, which then throws its own error. So the
 * reference ops stay the single source of argument checking and of every
 * error message, and the fast kernels can assume clean input.
 */
import { Tensor } from '../tensor.ts';
import type { PoolParams } from '../ops/params.ts';
import { windowCount } from '../ops/output-size.ts';

function isFloat32(...values: unknown[]): boolean {
  return values.every((t) => t instanceof Tensor && t.dtype === 'float32' && t.data instanceof Float32Array);
}

function hasShape(t: Tensor, rank: number): boolean {
  return t.rank === rank && t.shape.every((d) => d >= 1);
}

/** No NaN or ±Infinity in a float32 buffer: v·0 is 0 for finite v and NaN otherwise, so one sum tells. */
function finite32(d: Float32Array): boolean {
  // Four independent sums so the adds overlap instead of waiting on each other.
  let p0 = 0,
    p1 = 0,
    p2 = 0,
    p3 = 0,
    i = 0;
  for (; i + 3 < d.length; i += 4) {
    p0 += d[i] * 0;
    p1 += d[i + 1] * 0;
    p2 += d[i + 2] * 0;
    p3 += d[i + 3] * 0;
  }
  for (; i < d.length; i++) p0 += d[i] * 0;
  return p0 + p1 + p2 + p3 === 0;
}

function allFinite(...tensors: Tensor[]): boolean {
  return tensors.every((t) => finite32(t.data as Float32Array));
}

const isInt = (v: unknown, min: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min;

/** Positions of a window of size f sliding by stride over n + 2·pad, when a whole number ≥ 1 (else 0). */
function positions(n: number, f: number, stride: number, pad: number): number {
  return windowCount(n, f, stride, pad) ?? 0;
}

function convOk(x: Tensor, w: Tensor, params: unknown): boolean {
  if (!hasShape(x, 4) || !hasShape(w, 4) || w.shape[1] !== x.shape[1]) return false;
  if (typeof params !== 'object' || params === null) return false;
  const { stride, pad } = params as Record<string, unknown>;
  if (!isInt(stride, 1) || !isInt(pad, 0)) return false;
  return positions(x.shape[2], w.shape[2], stride, pad) > 0 && positions(x.shape[3], w.shape[3], stride, pad) > 0;
}

function convOutShape(x: Tensor, w: Tensor, { stride, pad }: { stride: number; pad: number }): number[] {
  return [x.shape[0], w.shape[0], positions(x.shape[2], w.shape[2], stride, pad), positions(x.shape[3], w.shape[3], stride, pad)];
}

const sameShape = (t: Tensor, shape: readonly number[]): boolean => t.rank === shape.length && t.shape.every((d, i) => d === shape[i]);

export function conv2dForwardEligible(x: unknown, w: unknown, b: unknown, params: unknown): boolean {
  if (!isFloat32(x, w, b)) return false;
  const [xt, wt, bt] = [x, w, b] as Tensor[];
  return convOk(xt, wt, params) && bt.rank === 1 && bt.shape[0] === wt.shape[0] && allFinite(xt, wt, bt);
}

export function conv2dBackwardEligible(dout: unknown, x: unknown, w: unknown, params: unknown): boolean {
  if (!isFloat32(dout, x, w)) return false;
  const [dt, xt, wt] = [dout, x, w] as Tensor[];
  if (!convOk(xt, wt, params)) return false;
  return sameShape(dt, convOutShape(xt, wt, params as { stride: number; pad: number })) && allFinite(dt, xt, wt);
}

function poolOk(x: Tensor, params: unknown): number[] | null {
  if (!hasShape(x, 4) || typeof params !== 'object' || params === null) return null;
  const { size, stride } = params as Record<string, unknown>;
  if (!isInt(size, 1) || !isInt(stride, 1)) return null;
  const outHeight = positions(x.shape[2], size, stride, 0),
    outWidth = positions(x.shape[3], size, stride, 0);
  return outHeight > 0 && outWidth > 0 ? [x.shape[0], x.shape[1], outHeight, outWidth] : null;
}

/** 2×2 windows with stride 2: the fast kernels check finiteness themselves (see pool2d.ts). */
const selfChecking = (params: unknown): boolean => (params as PoolParams).size === 2 && (params as PoolParams).stride === 2;

export function maxPool2dForwardEligible(x: unknown, params: unknown): boolean {
  return isFloat32(x) && poolOk(x as Tensor, params) !== null && (selfChecking(params) || allFinite(x as Tensor));
}

export function maxPool2dBackwardEligible(dout: unknown, x: unknown, params: unknown): boolean {
  if (!isFloat32(dout, x)) return false;
  const outShape = poolOk(x as Tensor, params);
  return outShape !== null && sameShape(dout as Tensor, outShape) && (selfChecking(params) || allFinite(dout as Tensor, x as Tensor));
}

export function denseForwardEligible(x: unknown, w: unknown, b: unknown): boolean {
  if (!isFloat32(x, w, b)) return false;
  const [xt, wt, bt] = [x, w, b] as Tensor[];
  return hasShape(xt, 2) && hasShape(wt, 2) && wt.shape[0] === xt.shape[1] && sameShape(bt, [wt.shape[1]]) && allFinite(xt, wt, bt);
}

export function denseBackwardEligible(dout: unknown, x: unknown, w: unknown): boolean {
  if (!isFloat32(dout, x, w)) return false;
  const [dt, xt, wt] = [dout, x, w] as Tensor[];
  return hasShape(xt, 2) && hasShape(wt, 2) && wt.shape[0] === xt.shape[1] && sameShape(dt, [xt.shape[0], wt.shape[1]]) && allFinite(dt, xt, wt);
}

/** Finiteness is checked by the ReLU kernels themselves. */
export function reluForwardEligible(x: unknown): boolean {
  return isFloat32(x);
}

export function reluBackwardEligible(dout: unknown, x: unknown): boolean {
  return isFloat32(dout, x) && sameShape(dout as Tensor, (x as Tensor).shape);
}
