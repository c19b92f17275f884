/**
 * Exercise 08: sgdMomentumStep(params, grads, velocities, { lr, momentum }) → { params, velocities },
 * one step of v ← μ·v − lr·g; p ← p + v, checked against the engine's SGD optimizer.
 */
import { SGD, Tensor, type Param } from '@convkit/engine';
import { caseTest, threadedTest, toWire, type CaseOptions, type TestSpec, normal } from '@convkit/grader/spec';

interface Hyper {
  lr: number;
  momentum: number;
}
type Args = [Tensor[], Tensor[], Tensor[], Hyper];

/**
 * The engine's SGD keeps its velocity inside the optimizer, starting at 0. To start it from the given
 * velocity v0, first take one step from p − v0 with gradient −v0/lr: that step sets the velocity to
 * exactly v0 and lands on p. The second step is the one the student writes.
 */
export function sgdReference(params: Tensor[], grads: Tensor[], velocities: Tensor[], { lr, momentum }: Hyper): { params: Tensor[]; velocities: Tensor[] } {
  const opt = new SGD({ lr, momentum });
  const slots: Param[] = params.map((p, k) => {
    const v0 = velocities[k].data;
    return {
      name: `params[${k}]`,
      value: new Tensor(
        p.shape,
        p.data.map((x, i) => x - v0[i]),
        p.dtype,
      ),
      grad: new Tensor(
        p.shape,
        v0.map((v) => -v / lr),
        p.dtype,
      ),
    };
  });
  opt.step(slots);
  slots.forEach((s, k) => {
    s.value.data.set(params[k].data); // undo the rounding of (p − v0) + v0
    s.grad = grads[k];
  });
  opt.step(slots);
  return {
    params: slots.map((s) => s.value),
    velocities: slots.map(
      (s, k) =>
        new Tensor(
          s.value.shape,
          s.value.data.map((x, i) => x - params[k].data[i]),
          s.value.dtype,
        ),
    ),
  };
}

const options: CaseOptions<Args> = {
  fn: 'sgdMomentumStep',
  argNames: ['params', 'grads', 'velocities', 'options'],
  reference: sgdReference,
  outputName: 'result',
};
const f64 = (v: number[]): Tensor => Tensor.from(v, 'float64');
const shapesCase = (shapes: number[][], hyper: Hyper, seed: number, note: string): TestSpec =>
  caseTest(
    `params=${shapes.map((s) => `[${s.join(',')}]`).join(' ')} lr=${hyper.lr} momentum=${hyper.momentum}${note}`,
    options,
    (): Args => [
      shapes.map((s, k) => normal(s, seed + k)),
      shapes.map((s, k) => normal(s, seed + 10 + k)),
      shapes
        .map((s, k) => normal(s, seed + 20 + k))
        .map(
          (v) =>
            new Tensor(
              v.shape,
              v.data.map((x) => 0.1 * x),
              'float64',
            ),
        ),
      hyper,
    ],
  );

/**
 * Several steps in a row, each fed the student's own params and velocities from the step before,
 * compared with the engine's SGD trajectory from the same start (recordable: see threadedTest).
 */
function threadedSteps(steps: number, hyper: Hyper): TestSpec {
  return threadedTest(
    `${steps} steps in a row from zero velocity, params=[2,3] [3] lr=${hyper.lr} momentum=${hyper.momentum}`,
    () => {
      const start = [normal([2, 3], 81), normal([3], 82)];
      const gradients = Array.from({ length: steps }, (_, s) => [normal([2, 3], 90 + s), normal([3], 95 + s)]);
      const opt = new SGD(hyper);
      const slots: Param[] = start.map((p, k) => ({ name: `p${k}`, value: p.clone(), grad: p }));
      return {
        fn: 'sgdMomentumStep',
        argNames: options.argNames,
        state: { params: toWire(start), velocities: toWire(start.map((p) => Tensor.zerosLike(p))) },
        steps: gradients.map((g) => {
          slots.forEach((slot, k) => (slot.grad = g[k]));
          opt.step(slots);
          return { inputs: { grads: toWire(g), options: hyper }, expected: slots.map((slot) => slot.value.clone()) };
        }),
        checked: 'params',
      };
    },
    2,
  );
}

export const tests = (): TestSpec[] => [
  caseTest('params=[2] lr=0.1 momentum=0 (plain SGD: p − lr·g)', options, (): Args => [[f64([0, 1])], [f64([-6, 4])], [f64([0, 0])], { lr: 0.1, momentum: 0 }]),
  caseTest(
    'params=[2] lr=0.1 momentum=0.9 from zero velocity (hand-worked: v = (0.6, −0.4), p = (0.6, 0.6))',
    options,
    (): Args => [[f64([0, 1])], [f64([-6, 4])], [f64([0, 0])], { lr: 0.1, momentum: 0.9 }],
  ),
  caseTest(
    'params=[2] lr=0.1 momentum=0.9 with velocity (0.6, −0.4) (hand-worked: v = (1.02, −0.6), p = (1.62, 0))',
    options,
    (): Args => [[f64([0.6, 0.6])], [f64([-4.8, 2.4])], [f64([0.6, -0.4])], { lr: 0.1, momentum: 0.9 }],
  ),
  shapesCase([[2, 1, 3, 3], [2]], { lr: 0.05, momentum: 0.9 }, 83, ' (a conv layer: weights and bias)'),
  shapesCase([[4, 3], [3], [3, 2]], { lr: 0.01, momentum: 0.5 }, 84, ' (three tensors)'),
  threadedSteps(3, { lr: 0.1, momentum: 0.9 }),
];
