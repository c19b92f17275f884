import { expect, it } from 'vitest';
import { Rng, Tensor, randomNormal } from '@convkit/engine';
// Numerical gradients of YOUR forward pass (exercise 04): the kit's engine has none of its own.
import { denseForward } from '../04-flatten-dense/flatten-dense.ts';
import { step } from '../steps.ts';
import { close, numericalGradient } from '../gradcheck.ts';
import { denseBackward, reluBackward, softmaxCrossEntropy } from './backprop.ts';

step('1. ReLU backward', () => {
  it('dout=[1,4] x=[1,4]: the gradient passes only where x > 0 (not at 0)', () => {
    const dx = reluBackward(Tensor.from([[1, 2, 3, 4]], 'float64'), Tensor.from([[-1, 0.5, 0, 2]], 'float64'));
    expect(dx.toArray()).toEqual([[0, 2, 0, 4]]);
  });
});

step('2. dense backward', () => {
  it('dout=[1,2] x=[1,2] w=[2,2]: dx = dout·wᵀ, dw = xᵀ·dout, db = Σ dout', () => {
    // biome-ignore format: a tensor literal, kept on one line
    const { dx, dw, db } = denseBackward(Tensor.from([[1, -1]], 'float64'), Tensor.from([[2, 3]], 'float64'), Tensor.from([[1, 2], [3, 4]], 'float64'));
    expect(dx.toArray()).toEqual([[-1, -1]]);
    // biome-ignore format: a tensor literal, kept on one line
    expect(dw.toArray()).toEqual([[2, -2], [3, -3]]);
    expect(db.toArray()).toEqual([1, -1]);
  });
  it('dout=[3,4] x=[3,5] w=[5,4] matches numerical gradients', () => {
    const rng = new Rng(5);
    const [dout, x, w, b] = [[3, 4], [3, 5], [5, 4], [4]].map((s) => randomNormal(s, rng, 0, 1, 'float64'));
    const { dx, dw, db } = denseBackward(dout, x, w);
    close(
      dx.data,
      numericalGradient((v) => denseForward(v, w, b), x, dout),
    );
    close(
      dw.data,
      numericalGradient((v) => denseForward(x, v, b), w, dout),
    );
    close(
      db.data,
      numericalGradient((v) => denseForward(x, w, v), b, dout),
    );
  });
});

step('3. softmax cross-entropy', () => {
  it('scores=[1,3] all zero, label 0: loss = log 3, dscores = [−2/3, 1/3, 1/3]', () => {
    const { loss, dscores } = softmaxCrossEntropy(Tensor.zeros([1, 3], 'float64'), [0]);
    expect(loss).toBeCloseTo(Math.log(3), 12);
    close(dscores.data, [-2 / 3, 1 / 3, 1 / 3]);
  });
  it('scores=[1,2] of 1000: stable, loss = log 2 (no NaN, no Infinity)', () => {
    const { loss, dscores } = softmaxCrossEntropy(Tensor.from([[1000, 1000]], 'float64'), [1]);
    expect(loss).toBeCloseTo(Math.log(2), 12);
    close(dscores.data, [0.5, -0.5]);
  });
  it('scores=[4,5] matches the numerical gradient of the loss (the mean over N)', () => {
    const scores = randomNormal([4, 5], new Rng(6), 0, 1, 'float64');
    const labels = [0, 4, 2, 2];
    const { dscores } = softmaxCrossEntropy(scores, labels);
    close(
      dscores.data,
      numericalGradient((s) => softmaxCrossEntropy(s, labels).loss, scores),
    );
  });
});
