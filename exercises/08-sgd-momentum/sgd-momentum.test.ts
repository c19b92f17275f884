import { expect, it } from 'vitest';
import { Tensor } from '@convkit/engine';
import { step } from '../steps.ts';
import { sgdMomentumStep } from './sgd-momentum.ts';

const t = (v: number[]): Tensor => Tensor.from(v, 'float64');
const close = (a: Tensor, b: number[]) => Array.from(a.data).forEach((v, i) => expect(v).toBeCloseTo(b[i], 12));

step('1. plain SGD (momentum 0)', () => {
  it('p=(0, 1), g=(−6, 4), lr=0.1: p − lr·g = (0.6, 0.6)', () => {
    const { params } = sgdMomentumStep([t([0, 1])], [t([-6, 4])], [t([0, 0])], { lr: 0.1, momentum: 0 });
    close(params[0], [0.6, 0.6]);
  });
});

step('2. momentum', () => {
  it('from zero velocity, μ=0.9: v = (0.6, −0.4), p = (0.6, 0.6)', () => {
    const { params, velocities } = sgdMomentumStep([t([0, 1])], [t([-6, 4])], [t([0, 0])], { lr: 0.1, momentum: 0.9 });
    close(velocities[0], [0.6, -0.4]);
    close(params[0], [0.6, 0.6]);
  });
  it('second step, g=(−4.8, 2.4): v = 0.9·(0.6, −0.4) − 0.1·g = (1.02, −0.6), p = (1.62, 0)', () => {
    const { params, velocities } = sgdMomentumStep([t([0.6, 0.6])], [t([-4.8, 2.4])], [t([0.6, -0.4])], { lr: 0.1, momentum: 0.9 });
    close(velocities[0], [1.02, -0.6]);
    close(params[0], [1.62, 0]);
  });
});

step('3. several tensors, inputs untouched', () => {
  it('updates each tensor with its own gradient and velocity, and returns new tensors', () => {
    const p = [t([1, 2]), t([3])];
    const { params } = sgdMomentumStep(p, [t([1, 1]), t([-2])], [t([0, 0]), t([0])], { lr: 0.5, momentum: 0.9 });
    close(params[0], [0.5, 1.5]);
    close(params[1], [4]);
    expect(Array.from(p[0].data)).toEqual([1, 2]);
  });
});
