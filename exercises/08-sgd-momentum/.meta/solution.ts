/** Reference solution of exercise 08: one step of mini-batch SGD with momentum. */
import { Tensor } from '@convkit/engine';

export interface SgdOptions {
  lr: number;
  momentum: number;
}

export function sgdMomentumStep(
  params: readonly Tensor[],
  grads: readonly Tensor[],
  velocities: readonly Tensor[],
  { lr, momentum }: SgdOptions,
): { params: Tensor[]; velocities: Tensor[] } {
  const newParams: Tensor[] = [];
  const newVelocities: Tensor[] = [];
  params.forEach((p, k) => {
    const v = new Tensor(p.shape, undefined, p.dtype);
    const next = new Tensor(p.shape, undefined, p.dtype);
    for (let i = 0; i < p.size; i++) {
      v.data[i] = momentum * velocities[k].data[i] - lr * grads[k].data[i]; // v ← μv − lr·g
      next.data[i] = p.data[i] + v.data[i]; // p ← p + v
    }
    newParams.push(next);
    newVelocities.push(v);
  });
  return { params: newParams, velocities: newVelocities };
}
