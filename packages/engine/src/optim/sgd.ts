/**
 * Stochastic gradient descent with (classical) momentum:
 *   v ← μ·v − lr·g
 *   p ← p + v
 * With μ = 0 this is plain SGD, p ← p − lr·g. Momentum lets the steps build
 * up along directions where the gradient keeps its sign and damps zig-zags.
 */
import type { Param } from '../layers/layer.ts';
import { checkGrad, checkHyper, SlotMap, type Optimizer } from './optimizer.ts';

export interface SGDOptions {
  /** Learning rate lr. */
  lr: number;
  /** Momentum μ in [0, 1); 0 by default. */
  momentum?: number;
}

export class SGD implements Optimizer {
  readonly name = 'SGD';
  /** Learning rate; may be changed between steps, e.g. decayed each epoch. */
  lr: number;
  readonly momentum: number;
  private readonly velocity = new SlotMap();

  constructor(options: SGDOptions) {
    this.lr = checkHyper('SGD', 'lr', options.lr, 0);
    this.momentum = checkHyper('SGD', 'momentum', options.momentum ?? 0, 0, 1);
  }

  step(params: readonly Param[]): void {
    const { momentum, lr } = this;
    for (const param of params) {
      checkGrad('SGD', param);
      const p = param.value.data;
      const g = param.grad.data;
      const v = this.velocity.get(param);
      for (let i = 0; i < p.length; i++) {
        v[i] = momentum * v[i] - lr * g[i];
        p[i] += v[i];
      }
    }
  }
}
