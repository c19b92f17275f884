/**
 * Sizes of a conv2d / pooling call, derived from shapes already known to be
 * valid: dispatch.ts sends a call here only when eligible.ts found its
 * arguments valid, and every other call to the reference op, which checks.
 */
import type { ConvParams, PoolParams } from '../ops/params.ts';
import type { ConvGeometry } from '../ops/conv2d.ts';
import { outputSize } from '../ops/output-size.ts';

/** The reference op's geometry type: the fast kernels take the same fields. */
export type { ConvGeometry };

export function convGeometry(xShape: readonly number[], wShape: readonly number[], { stride, pad }: ConvParams): ConvGeometry {
  const [N, C, H, W] = xShape;
  const [F, , filterHeight, filterWidth] = wShape;
  const outHeight = outputSize(H, filterHeight, stride, pad);
  const outWidth = outputSize(W, filterWidth, stride, pad);
  return { N, C, H, W, F, filterHeight, filterWidth, stride, pad, outHeight, outWidth };
}

export interface PoolGeometry {
  N: number;
  C: number;
  H: number;
  W: number;
  size: number;
  stride: number;
  outHeight: number;
  outWidth: number;
}

export function poolGeometry(xShape: readonly number[], { size, stride }: PoolParams): PoolGeometry {
  const [N, C, H, W] = xShape;
  return { N, C, H, W, size, stride, outHeight: outputSize(H, size, stride, 0), outWidth: outputSize(W, size, stride, 0) };
}
