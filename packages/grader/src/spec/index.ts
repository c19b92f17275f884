/** Every exercise's checks, by exercise id. */
import type { TestSpec } from './kit.ts';
import * as outputSize from './01-output-size.ts';
import * as convForward from './02-conv-forward.ts';
import * as maxPoolForward from './03-max-pool-forward.ts';
import * as flattenDense from './04-flatten-dense.ts';
import * as backprop from './05-backprop.ts';
import * as maxPoolBackward from './06-max-pool-backward.ts';
import * as convBackward from './07-conv-backward.ts';
import * as sgdMomentum from './08-sgd-momentum.ts';
import * as capstone from './09-capstone.ts';

export interface ExerciseSpec {
  /** Builds the tests afresh for one grading run (the exercise's time limit is given for the capstone). */
  tests(timeLimitMs: number): TestSpec[];
  /** Engine functions replaced by tripwires; the exercise's own functions when absent. */
  tripwires?: readonly string[];
}

export const specs: Readonly<Record<string, ExerciseSpec>> = {
  '01-output-size': outputSize,
  '02-conv-forward': convForward,
  '03-max-pool-forward': maxPoolForward,
  '04-flatten-dense': flattenDense,
  '05-backprop': backprop,
  '06-max-pool-backward': maxPoolBackward,
  '07-conv-backward': convBackward,
  '08-sgd-momentum': sgdMomentum,
  '09-capstone': capstone,
};

export type { TestSpec, Verdict, SpecContext } from './kit.ts';
