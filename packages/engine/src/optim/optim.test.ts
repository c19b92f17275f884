import { describe, expect, it } from 'vitest';
import { Tensor } from '../tensor.ts';
import type { Param } from '../layers/layer.ts';
import { SGD } from './sgd.ts';
import { Adam } from './adam.ts';

// f(x, y) = (x − 3)² + 2y², so ∇f = (2(x − 3), 4y). Start at (0, 1).
function quadratic(): Param {
  return { name: 'p', value: Tensor.from([0, 1], 'float64'), grad: Tensor.zeros([2], 'float64') };
}
function setGrad(p: Param): void {
  const [x, y] = p.value.data;
  p.grad = Tensor.from([2 * (x - 3), 4 * y], 'float64');
}
function run(opt: { step(ps: Param[]): void }, steps: number): number[] {
  const p = quadratic();
  for (let s = 0; s < steps; s++) {
    setGrad(p);
    opt.step([p]);
  }
  return Array.from(p.value.data);
}

describe('SGD on f(x,y) = (x−3)² + 2y² from p=[2] (0, 1)', () => {
  it('momentum 0, lr 0.1: two plain steps p ← p − lr·g', () => {
    // step 1: g = (−6, 4)     → p = (0.6, 0.6)
    // step 2: g = (−4.8, 2.4) → p = (0.6 + 0.48, 0.6 − 0.24) = (1.08, 0.36)
    const [x, y] = run(new SGD({ lr: 0.1 }), 2);
    expect(x).toBeCloseTo(1.08, 12);
    expect(y).toBeCloseTo(0.36, 12);
  });

  it('momentum 0.9, lr 0.1: v ← μv − lr·g; p ← p + v', () => {
    // step 1: g = (−6, 4);     v = (0.6, −0.4)                                  p = (0.6, 0.6)
    // step 2: g = (−4.8, 2.4); v = (0.9·0.6 + 0.48, 0.9·(−0.4) − 0.24) = (1.02, −0.6); p = (1.62, 0)
    const [x, y] = run(new SGD({ lr: 0.1, momentum: 0.9 }), 2);
    expect(x).toBeCloseTo(1.62, 12);
    expect(y).toBeCloseTo(0, 12);
  });

  it('converges to the minimum (3, 0)', () => {
    const [x, y] = run(new SGD({ lr: 0.05, momentum: 0.9 }), 300);
    expect(x).toBeCloseTo(3, 6);
    expect(y).toBeCloseTo(0, 6);
  });

  it('rejects a negative lr and momentum ≥ 1 with the argument named', () => {
    expect(() => new SGD({ lr: -1 })).toThrow('SGD: expected lr to be a finite number ≥ 0, got -1');
    expect(() => new SGD({ lr: 0.1, momentum: 1 })).toThrow('SGD: expected momentum to be a number in [0, 1), got 1');
    expect(() => new SGD({ lr: NaN })).toThrow(/SGD: expected lr .* got NaN/);
  });

  it('rejects a gradient whose size does not match the parameter', () => {
    const p = quadratic();
    p.grad = Tensor.zeros([3], 'float64');
    expect(() => new SGD({ lr: 0.1 }).step([p])).toThrow('SGD.step: expected grad of p with 2 elements, got 3');
  });
});

describe('Adam on f(x,y) = (x−3)² + 2y² from p=[2] (0, 1), lr 0.1, β1 0.9, β2 0.999, ε 1e-8', () => {
  it('matches Kingma & Ba Algorithm 1 worked by hand for 2 steps', () => {
    const lr = 0.1,
      eps = 1e-8;
    // step 1 (t = 1): g = (−6, 4); m = 0.1·g; v = 0.001·g²; m̂ = g; v̂ = g²
    const x1 = 0 - (lr * -6) / (Math.sqrt(36) + eps);
    const y1 = 1 - (lr * 4) / (Math.sqrt(16) + eps);
    // step 2 (t = 2): g = (2(x1 − 3), 4·y1)
    const gx = 2 * (x1 - 3),
      gy = 4 * y1;
    const mx = 0.9 * (0.1 * -6) + 0.1 * gx,
      my = 0.9 * (0.1 * 4) + 0.1 * gy;
    const vx = 0.999 * (0.001 * 36) + 0.001 * gx * gx,
      vy = 0.999 * (0.001 * 16) + 0.001 * gy * gy;
    const c1 = 1 - 0.9 ** 2,
      c2 = 1 - 0.999 ** 2; // 0.19 and 0.001999
    const x2 = x1 - (lr * (mx / c1)) / (Math.sqrt(vx / c2) + eps);
    const y2 = y1 - (lr * (my / c1)) / (Math.sqrt(vy / c2) + eps);
    // Rounded values of the same arithmetic, as a check on the expressions above.
    expect(x2).toBeCloseTo(0.1999, 3);
    expect(y2).toBeCloseTo(0.8, 3);

    const opt = new Adam({ lr });
    const [x, y] = run(opt, 2);
    expect(opt.t).toBe(2);
    expect(x).toBeCloseTo(x2, 12);
    expect(y).toBeCloseTo(y2, 12);
  });

  it('first step moves every weight by ≈ lr whatever the gradient scale (bias correction)', () => {
    const p: Param = { name: 'p', value: Tensor.from([0, 0, 0]), grad: Tensor.from([1e-4, -50, 3]) };
    new Adam({ lr: 0.01 }).step([p]);
    expect(Array.from(p.value.data).map((v) => +v.toFixed(5))).toEqual([-0.01, 0.01, -0.01]);
  });

  it('rejects beta1 = 1', () => {
    expect(() => new Adam({ beta1: 1 })).toThrow('Adam: expected beta1 to be a number in [0, 1), got 1');
  });
});
