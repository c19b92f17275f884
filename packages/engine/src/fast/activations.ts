/**
 * Fast float32 ReLU. Where WebAssembly SIMD runs: the kernels of
 * elementwise-wasm.ts on a staged copy (see staged.ts). Elsewhere: plain loops over the typed arrays, no per-element
 * callback, and no branch on the sign. Activations are positive or negative
 * about half the time at random, so `v > 0 ? v : 0` mispredicts often enough
 * to cost ~5× the memory traffic; the kernels work on the IEEE-754 bits
 * instead (an Int32Array view of the same memory), where the sign is bit 31:
 *   relu:   b & ~(b >> 31)                clears every value with the sign bit set (−0 too)
 *   x > 0 ⇔ b > 0, so the backward keeps dout under ~((b >> 31) | ((b − 1) >> 31)),
 *           all ones exactly when b > 0.
 * Written for V8's optimizer, measured (see packages/bench): the finiteness
 * check of the reference op is a branch inside the loop that good data never
 * takes (exponent bits all ones ⇔ NaN or ±Infinity), so it predicts
 * perfectly and costs nothing. A float accumulator tested after the loop
 * instead adds a serial dependency per element and, in a function whose loop
 * is optimised mid-call, deoptimises on every call; `-b` would make −0 (not
 * an int32) for b = 0 and drop the loop to float arithmetic.
 * On a non-finite value these return null and the caller falls back to the
 * reference op, which throws its own error. `out` / `dx`, when given (a
 * training layer's reused buffer), must have x's shape; it is overwritten.
 */
import { Tensor } from '../tensor.ts';
import { wasmKernels } from './gemm.ts';
import { stagedReluBackward, stagedReluForward } from './staged.ts';

const bitsOf = (t: Tensor): Int32Array => new Int32Array(t.data.buffer, t.data.byteOffset, t.size);

/** Exponent bits: all set exactly for NaN and ±Infinity. */
const EXPONENT = 0x7f800000;

export function fastReluForward(x: Tensor, out?: Tensor): Tensor | null {
  out ??= new Tensor(x.shape);
  if (wasmKernels() !== null) return stagedReluForward(x.data as Float32Array, out.data as Float32Array) ? out : null;
  const xb = bitsOf(x),
    ob = bitsOf(out);
  for (let i = 0; i < xb.length; i++) {
    const b = xb[i];
    if ((b & EXPONENT) === EXPONENT) return null;
    ob[i] = b & ~(b >> 31); // sign bit set (x < 0 or −0): all bits cleared, +0
  }
  return out;
}

/**
 * `x` is the forward INPUT, as in the reference op. A layer may pass the
 * forward OUTPUT instead: relu(x) > 0 exactly where x > 0, so the result is the same.
 */
export function fastReluBackward(dout: Tensor, x: Tensor, dx?: Tensor): Tensor | null {
  dx ??= new Tensor(x.shape);
  if (wasmKernels() !== null) {
    return stagedReluBackward(x.data as Float32Array, dout.data as Float32Array, dx.data as Float32Array) ? dx : null;
  }
  const xb = bitsOf(x),
    ub = bitsOf(dout),
    db = bitsOf(dx);
  for (let i = 0; i < xb.length; i++) {
    const b = xb[i],
      g = ub[i];
    if ((b & EXPONENT) === EXPONENT || (g & EXPONENT) === EXPONENT) return null;
    db[i] = g & ~((b >> 31) | ((b - 1) >> 31)); // all ones exactly when b > 0, i.e. x > 0
  }
  return dx;
}
