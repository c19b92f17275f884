/**
 * Adam (Kingma & Ba, 2015, Algorithm 1). At step t, for each weight:
 *   m ← β1·m + (1 − β1)·g          running mean of the gradient
 *   v ← β2·v + (1 − β2)·g²         running mean of its square
 *   m̂ = m / (1 − β1^t), v̂ = v / (1 − β2^t)   bias correction (m, v start at 0)
 *   p ← p − lr · m̂ / (√v̂ + ε)
 * Each weight gets its own step size, scaled by how large its gradients have been.
 */
import type { Param } from '../layers/layer.ts';
import { checkGrad, checkHyper, SlotMap, type Optimizer } from './optimizer.ts';

export interface AdamOptions {
  lr?: number;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
}

export class Adam implements Optimizer {
  readonly name = 'Adam';
  /** Learning rate; may be changed between steps, e.g. decayed each epoch. */
  lr: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  /** Number of steps taken so far (t in the paper). */
  t = 0;
  private readonly m = new SlotMap();
  private readonly v = new SlotMap();

  constructor(options: AdamOptions = {}) {
    this.lr = checkHyper('Adam', 'lr', options.lr ?? 1e-3, 0);
    this.beta1 = checkHyper('Adam', 'beta1', options.beta1 ?? 0.9, 0, 1);
    this.beta2 = checkHyper('Adam', 'beta2', options.beta2 ?? 0.999, 0, 1);
    this.epsilon = checkHyper('Adam', 'epsilon', options.epsilon ?? 1e-8, 0);
  }

  step(params: readonly Param[]): void {
    this.t += 1;
    const { beta1, beta2, epsilon, lr } = this;
    const correction1 = 1 - beta1 ** this.t;
    const correction2 = 1 - beta2 ** this.t;
    for (const param of params) {
      checkGrad('Adam', param);
      const p = param.value.data;
      const g = param.grad.data;
      const m = this.m.get(param);
      const v = this.v.get(param);
      for (let i = 0; i < p.length; i++) {
        m[i] = beta1 * m[i] + (1 - beta1) * g[i];
        v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
        p[i] -= (lr * (m[i] / correction1)) / (Math.sqrt(v[i] / correction2) + epsilon);
      }
    }
  }
}
