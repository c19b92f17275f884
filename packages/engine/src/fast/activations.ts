/**
 * Fast float32 ReLU: plain loops over the typed arrays, no per-element
 * callback. The finiteness check the reference op makes is fused into the
 * same pass (v − v ≠ 0 exactly for NaN and ±Infinity): on a non-finite value
 * these return null and the caller falls back to the reference op, which
 * throws its own error. `out` / `dx`, when given (a training layer's reused
 * buffer), must have x's shape; it is overwritten and returned.
 */
import { Tensor } from '../tensor.ts';

export function fastReluForward(x: Tensor, out?: Tensor): Tensor | null {
  out ??= new Tensor(x.shape);
  const xs = x.data as Float32Array, o = out.data as Float32Array;
  for (let i = 0; i < xs.length; i++) {
    const v = xs[i];
    if (v - v !== 0) return null;
    o[i] = v > 0 ? v : 0;
  }
  return out;
}

/**
 * `x` is the forward INPUT, as in the reference op. A layer may pass the
 * forward OUTPUT instead: relu(x) > 0 exactly where x > 0, so the result is the same.
 */
export function fastReluBackward(dout: Tensor, x: Tensor, dx?: Tensor): Tensor | null {
  dx ??= new Tensor(x.shape);
  const xs = x.data as Float32Array, up = dout.data as Float32Array, d = dx.data as Float32Array;
  for (let i = 0; i < xs.length; i++) {
    const v = xs[i], g = up[i];
    if (v - v !== 0 || g - g !== 0) return null;
    d[i] = v > 0 ? g : 0;
  }
  return dx;
}
