/**
 * Reusable scratch buffers for the fast kernels (im2col columns and their
 * gradient). A training loop calls the same ops with the same shapes every
 * step, so after the first step each slot is already big enough and the
 * kernels allocate nothing; a slot only grows, never shrinks.
 */
const slots = new Map<string, Float32Array>();

/** A Float32Array of exactly `size` floats for `slot`, NOT zeroed: the caller overwrites it. */
export function scratch(slot: string, size: number): Float32Array {
  let buf = slots.get(slot);
  if (buf === undefined || buf.length < size) {
    buf = new Float32Array(Math.max(size, buf === undefined ? 0 : buf.length * 2));
    slots.set(slot, buf);
  }
  return buf.subarray(0, size);
}
