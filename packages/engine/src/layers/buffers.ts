/**
 * The float32 training path of the layers. A layer that a model built keeps
 * its outputs and gradients between training steps and writes the next step
 * into the same memory: allocating (and first touching) fresh buffers every
 * step cost about a fifth of a training step. A new batch size, e.g. the last,
 * smaller batch, simply gets new buffers.
 *
 * The rule that keeps this safe for users: only `forward(x, true)` and the
 * `backward` after it hand out these buffers (valid until the layer's next
 * training step); `forward(x)` outside training returns a fresh tensor from
 * the functional ops, and `Sequential` copies what it returns to its caller.
 */
import { Tensor } from '../tensor.ts';

/** Reused float32 tensors of one layer, one per role ('out', 'dx', 'dw', …). */
export class Buffers {
  private readonly held = new Map<string, Tensor>();

  /** The tensor kept for `role` when it has exactly `shape`; otherwise a new zeroed one, kept from now on. */
  get(role: string, shape: readonly number[]): Tensor {
    const kept = this.held.get(role);
    if (kept !== undefined && sameShape(kept.shape, shape)) return kept;
    const fresh = new Tensor(shape);
    this.held.set(role, fresh);
    return fresh;
  }

  /** The reused gradients of a layer with weights w and bias b; dx is null when the input gradient is not wanted. */
  gradients(x: Tensor, w: Tensor, b: Tensor, inputGradient: boolean): { dx: Tensor | null; dw: Tensor; db: Tensor } {
    return { dx: inputGradient ? this.get('dx', x.shape) : null, dw: this.get('dw', w.shape), db: this.get('db', b.shape) };
  }
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A float32 tensor (the dtype the fast kernels take). */
export function isFloat32(t: unknown): t is Tensor {
  return t instanceof Tensor && t.data instanceof Float32Array;
}

/**
 * The cheap check before a fast kernel: `t` is a float32 batch [N ≥ 1, ...example],
 * e.g. the input shape the model validated when it built the layer. Anything
 * else goes to the functional ops, which check every argument and name what is wrong.
 */
export function isBatchOf(t: unknown, example: readonly number[] | undefined): t is Tensor {
  if (example === undefined || !isFloat32(t) || t.rank !== example.length + 1 || t.shape[0] < 1) return false;
  for (let i = 0; i < example.length; i++) if (t.shape[i + 1] !== example[i]) return false;
  return true;
}

/** [N, ...example]. */
export const batchShape = (N: number, example: readonly number[]): number[] => [N, ...example];
