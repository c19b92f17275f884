/** Hyper-parameters of the sliding-window ops, named as in the course notes, and their checks. */
import { checkInt } from '../check.ts';

/** Convolution: how far the filter moves each step (`stride`, S) and the zero border added on each side (`pad`, P). */
export interface ConvParams {
  stride: number;
  pad: number;
}

/** Pooling: the window is `size` × `size` and moves by `stride`. */
export interface PoolParams {
  size: number;
  stride: number;
}

/** Gradients of an op with weights: with respect to its input, its weights and its bias. */
export interface WeightGradients<T> {
  dx: T;
  dw: T;
  db: T;
}

function checkParamsObject(op: string, params: unknown, fields: string): Record<string, unknown> {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    const got = params === null ? 'null' : Array.isArray(params) ? 'an array' : typeof params;
    throw new Error(`${op}: expected params to be an object { ${fields} }, got ${got}`);
  }
  return params as Record<string, unknown>;
}

/** Reads `{ stride, pad }`, throwing unless stride is an integer ≥ 1 and pad an integer ≥ 0. */
export function checkConvParams(op: string, params: unknown): ConvParams {
  const { stride, pad } = checkParamsObject(op, params, 'stride, pad');
  checkInt(op, 'stride', stride, 1);
  checkInt(op, 'pad', pad, 0);
  return { stride, pad };
}

/** Reads `{ size, stride }`, throwing unless both are integers ≥ 1. */
export function checkPoolParams(op: string, params: unknown): PoolParams {
  const { size, stride } = checkParamsObject(op, params, 'size, stride');
  checkInt(op, 'size', size, 1);
  checkInt(op, 'stride', stride, 1);
  return { size, stride };
}
