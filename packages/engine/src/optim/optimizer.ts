/** What every optimizer does: move each parameter using the gradient the last backward pass stored in it. */
import type { Param } from '../layers/layer.ts';
import type { TypedArray } from '../tensor.ts';

export interface Optimizer {
  readonly name: string;
  /** Updates every `param.value` in place from `param.grad`. */
  step(params: readonly Param[]): void;
}

/** Per-parameter state buffers (velocity, moments), created as zeros the first time a param is seen. */
export class SlotMap {
  private readonly slots = new Map<Param, TypedArray>();

  get(param: Param): TypedArray {
    let slot = this.slots.get(param);
    if (slot === undefined) {
      slot = param.value.dtype === 'float64' ? new Float64Array(param.value.size) : new Float32Array(param.value.size);
      this.slots.set(param, slot);
    }
    return slot;
  }
}

/** Throws unless the stored gradient fits the parameter (a layer bug, or step() before any backward). */
export function checkGrad(optimizer: string, param: Param): void {
  if (param.grad.size !== param.value.size) {
    throw new Error(`${optimizer}.step: expected grad of ${param.name} with ${param.value.size} elements, got ${param.grad.size}`);
  }
}

/** Throws unless `value` is a finite number in [min, max). */
export function checkHyper(optimizer: string, name: string, value: unknown, min: number, max = Infinity): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value >= max) {
    const range = max === Infinity ? `a finite number ≥ ${min}` : `a number in [${min}, ${max})`;
    throw new Error(`${optimizer}: expected ${name} to be ${range}, got ${String(value)}`);
  }
  return value;
}
