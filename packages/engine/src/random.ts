/**
 * Seeded randomness, so that every run of a course example, a test or a
 * training script gives the same numbers on every machine and in the browser.
 */
import { Tensor, type DType } from './tensor.ts';

/** A seeded pseudo-random generator (mulberry32): fast, 32-bit state, good enough for init and shuffling. */
export class Rng {
  private state: number;

  constructor(seed = 42) {
    if (!Number.isFinite(seed)) throw new Error(`Rng: expected a finite seed, got ${seed}`);
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform in [low, high). */
  uniform(low = 0, high = 1): number {
    return low + (high - low) * this.next();
  }

  /** Standard normal (Box–Muller). */
  normal(mean = 0, std = 1): number {
    const u = 1 - this.next(); // in (0, 1], so log(u) is finite
    const v = this.next();
    return mean + std * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Shuffles an array in place (Fisher–Yates) and returns it. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
}

/** A tensor of uniform values in [low, high). */
export function randomUniform(shape: readonly number[], rng: Rng, low = 0, high = 1, dtype: DType = 'float32'): Tensor {
  const t = Tensor.zeros(shape, dtype);
  for (let i = 0; i < t.size; i++) t.data[i] = rng.uniform(low, high);
  return t;
}

/** A tensor of normal values. */
export function randomNormal(shape: readonly number[], rng: Rng, mean = 0, std = 1, dtype: DType = 'float32'): Tensor {
  const t = Tensor.zeros(shape, dtype);
  for (let i = 0; i < t.size; i++) t.data[i] = rng.normal(mean, std);
  return t;
}

/**
 * He initialisation for layers followed by ReLU: normal with variance 2 / fanIn,
 * so activations keep their scale from layer to layer (He et al., 2015).
 */
export function heNormal(shape: readonly number[], fanIn: number, rng: Rng, dtype: DType = 'float32'): Tensor {
  return randomNormal(shape, rng, 0, Math.sqrt(2 / fanIn), dtype);
}

/**
 * Xavier (Glorot) initialisation for tanh / sigmoid layers: uniform in
 * ±sqrt(6 / (fanIn + fanOut)) (Glorot & Bengio, 2010).
 */
export function xavierUniform(shape: readonly number[], fanIn: number, fanOut: number, rng: Rng, dtype: DType = 'float32'): Tensor {
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  return randomUniform(shape, rng, -limit, limit, dtype);
}
