/**
 * Fast float32 ReLU: plain loops over the typed arrays, no per-element
 * callback, and no branch on the sign. Activations are positive or negative
 * about half the time at random, so `v > 0 ? v : 0` mispredicts often enough
 * to cost several times the memory traffic; the kernels work on the IEEE-754
 * bits instead (an Int32Array view of the same memory), where the sign is
 * bit 31. The finiteness check the reference op makes is fused into the same
 * pass (v·0 is 0 for finite v, NaN otherwise): on a non-finite value these
 * return null and the caller falls back to the reference op, which throws its
 * own error. `out` / `dx`, when given (a training layer's reused buffer), must
 * have x's shape; it is overwritten and returned.
 */
import { Tensor } from '../tensor.ts';

const bitsOf = (t: Tensor): Int32Array => new Int32Array(t.data.buffer, t.data.byteOffset, t.size);

export function fastReluForward(x: Tensor, out?: Tensor): Tensor | null {
  out ??= new Tensor(x.shape);
  const xs = x.data as Float32Array, xb = bitsOf(x), ob = bitsOf(out);
  let check = 0;
  for (let i = 0; i < xb.length; i++) {
    check += xs[i] * 0;
    const b = xb[i];
    ob[i] = b & ~(b >> 31); // sign bit set (x < 0 or −0): all bits cleared, +0
  }
  return check === 0 ? out : null;
}

/**
 * `x` is the forward INPUT, as in the reference op. A layer may pass the
 * forward OUTPUT instead: relu(x) > 0 exactly where x > 0, so the result is the same.
 */
export function fastReluBackward(dout: Tensor, x: Tensor, dx?: Tensor): Tensor | null {
  dx ??= new Tensor(x.shape);
  const xs = x.data as Float32Array, up = dout.data as Float32Array;
  const xb = bitsOf(x), ub = bitsOf(dout), db = bitsOf(dx);
  let check = 0;
  for (let i = 0; i < xb.length; i++) {
    check += (xs[i] + up[i]) * 0; // a non-finite term makes the sum ±Infinity or NaN
    const b = xb[i];
    // x > 0 ⇔ its bits are a positive integer: −b and ~b both negative. Then all ones, else 0.
    db[i] = ub[i] & ((-b & ~b) >> 31);
  }
  return check === 0 ? dx : null;
}
