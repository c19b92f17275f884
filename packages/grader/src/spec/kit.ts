/**
 * The building blocks of every exercise's checks: a test calls the student's function in the sandbox
 * with inputs built here, computes the expected value HERE with the reference engine (the student's
 * code never runs in this process), and turns the sandbox's answer into a verdict.
 */
import fc from 'fast-check';
import { Tensor } from '@convkit/engine';
import type { CallResult } from '../sandbox/sandbox.ts';
import type { WireValue } from '../sandbox/protocol.ts';
import type { Status } from '../report.ts';
import { compareResult, describeValue, fmt, type CompareOptions } from '../compare.ts';

export interface Verdict {
  status: Status;
  message: string;
}

/** What a test may do: call a student function in the sandbox. */
export interface SpecContext {
  call(fn: string, args: unknown[], argNames: string[]): Promise<CallResult>;
  /** Relative tolerance set by the course config for this exercise; a case's own tolerance wins. */
  tolerance?: number;
}

export interface TestSpec {
  /** Carries the shapes, e.g. `x=[2,3,4,4] w=[3,3,4,4] s=2 p=1`. */
  name: string;
  /** Share of the exercise's points, relative to the other tests (1 by default). */
  weight?: number;
  run(ctx: SpecContext): Promise<Verdict>;
}

export const passed: Verdict = { status: 'passed', message: '' };

/** Inputs on the wire: tensors become `{ shape, dtype, data }`, the rest is copied as is. */
export function toWire(value: unknown): unknown {
  if (value instanceof Tensor) return { __tensor: true, shape: [...value.shape], dtype: value.dtype, data: value.data.slice() };
  if (Array.isArray(value)) return value.map(toWire);
  if (typeof value === 'object' && value !== null && !ArrayBuffer.isView(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toWire(v)]));
  }
  return value;
}

/** A shape as test names write it: `[2,3,4,4]`. */
export const sh = (t: Tensor | readonly number[]): string => `[${(t instanceof Tensor ? t.shape : t).join(',')}]`;

/**
 * The verdict for one call. `check` judges a returned value (null = correct); when `expectError` is
 * set the reference threw, so the student must throw an Error too.
 */
export function judge(result: CallResult, fn: string, check: (value: WireValue) => string | null, expectError?: string): Verdict {
  switch (result.kind) {
    case 'load-error':
      if (result.error.notImplemented) return { status: 'not-started', message: `${fn} is not started yet` };
      return {
        status: 'error',
        message: `your module failed to load: ${result.error.name}: ${result.error.message}${result.error.stack ? `\n${result.error.stack}` : ''}`,
      };
    case 'timeout':
      if (result.skipped) return { status: 'timeout', message: `not run: an earlier call of ${fn} ran out of its ${result.limitMs} ms time limit` };
      if (result.stalled) return { status: 'timeout', message: `${fn} stopped computing and never returned (waiting for a promise that never settles?)` };
      return { status: 'timeout', message: `${fn} ran out of its ${result.limitMs} ms time limit (CPU time) and was stopped (an infinite loop?)` };
    case 'memory':
      return { status: 'error', message: `${fn} used more than the ${result.limitMb} MB memory limit and was stopped` };
    case 'crashed':
      return { status: 'error', message: `${fn} stopped the sandbox: ${result.reason}` };
    default:
  }
  if (result.violations.length > 0) {
    return {
      status: 'failed',
      message: `violation: ${fn} called the engine's reference ${[...new Set(result.violations)].join(', ')} — this exercise asks you to write it yourself`,
    };
  }
  if (result.kind === 'threw') {
    const e = result.error;
    if (e.notImplemented) return { status: 'not-started', message: `${fn} is not started yet (it still throws NotImplemented)` };
    if (expectError !== undefined && e.isError) return passed;
    const what = e.isError ? `${e.name}: ${e.message}` : `${e.message} (a ${e.name}, not an Error)`;
    const where = e.stack ? `\n${e.stack}` : '';
    const wanted = expectError !== undefined ? ` (an Error was expected here, but a thrown ${e.name} is not one)` : '';
    return { status: 'failed', message: `${fn} threw ${what}${wanted}${where}` };
  }
  if (result.returnedInput) {
    return { status: 'failed', message: `${fn} returned its input ${result.returnedInput} itself: return a new Tensor` };
  }
  if (result.mutated) {
    return { status: 'failed', message: `${fn} modified its input: ${result.mutated}. Write results into a new Tensor instead` };
  }
  if (expectError !== undefined) {
    return { status: 'failed', message: `expected ${fn} to throw an Error (${expectError}), got ${describeValue(result.value)}` };
  }
  const problem = check(result.value);
  return problem === null ? passed : { status: 'failed', message: problem };
}

export interface CaseOptions<A extends unknown[]> extends Omit<CompareOptions, 'explainShape'> {
  fn: string;
  argNames: string[];
  /** The reference: computes the expected result in the grader's process; a throw means "must throw". */
  reference: (...args: A) => unknown;
  /** Says how the expected output shape follows from these inputs. */
  explainShape?: (...args: A) => string;
  /** Name of the returned value in messages ('out' by default). */
  outputName?: string;
}

/** Calls the student's function once and compares with the reference's result. */
export async function runCase<A extends unknown[]>(ctx: SpecContext, options: CaseOptions<A>, args: A): Promise<Verdict> {
  let expected: unknown;
  let expectError: string | undefined;
  try {
    expected = options.reference(...args);
  } catch (error) {
    expectError = error instanceof Error ? error.message : String(error);
  }
  const result = await ctx.call(options.fn, args.map(toWire), options.argNames);
  const explain = options.explainShape;
  const compare: CompareOptions = { tolerance: options.tolerance ?? ctx.tolerance, explainShape: explain ? () => explain(...args) : undefined };
  return judge(result, options.fn, (value) => compareResult(expected, value, options.outputName ?? 'out', compare), expectError);
}

/** One fixed case: `name` carries its shapes. */
export function caseTest<A extends unknown[]>(name: string, options: CaseOptions<A>, args: () => A, weight = 1): TestSpec {
  return { name, weight, run: (ctx) => runCase(ctx, options, args()) };
}

export interface RandomOptions<P, A extends unknown[]> extends CaseOptions<A> {
  arbitrary: fc.Arbitrary<P>;
  /** Builds the inputs of one generated case. */
  build: (params: P) => A;
  /** Describes a case by its shapes, for the message about the smallest failing one. */
  label: (params: P) => string;
  seed: number;
  numRuns?: number;
}

/**
 * Seeded random cases with fast-check. On a failure fast-check shrinks the case (smaller shapes,
 * smaller seeds) while it keeps failing, and the message shows the smallest one it found. A timeout
 * or crash stops the search at once: shrinking it would only cost more time limits.
 */
export function randomTest<P, A extends unknown[]>(name: string, options: RandomOptions<P, A>, weight = 2): TestSpec {
  return {
    name,
    weight,
    async run(ctx) {
      let stop: Verdict | null = null;
      let last: { verdict: Verdict; label: string } | null = null;
      let runs = 0;
      const property = fc.asyncProperty(options.arbitrary, async (params) => {
        fc.pre(stop === null);
        runs++;
        const verdict = await runCase(ctx, options, options.build(params));
        if (verdict.status === 'passed') return true;
        if (verdict.status !== 'failed') stop = verdict;
        else last = { verdict, label: options.label(params) };
        return false;
      });
      const details = await fc.check(property, {
        seed: options.seed,
        numRuns: options.numRuns ?? 25,
        interruptAfterTimeLimit: 30_000,
        markInterruptAsFailure: false,
      });
      if (stop) return stop;
      if (!details.failed || last === null) return passed;
      const found: { verdict: Verdict; label: string } = last;
      return {
        status: 'failed',
        message: `random case failed; smallest failing input found by shrinking (${runs} runs, seed ${options.seed}): ${found.label}\n${found.verdict.message}`,
      };
    },
  };
}

/**
 * Central-difference gradient of `sum(f(x) · dout)` with respect to `x` (CS231n's eval_numerical_gradient_array,
 * h = 1e-5), computed with the reference forward pass. `x` is restored after each probe.
 */
export function numericalGradient(f: (x: Tensor) => Tensor | number, x: Tensor, dout?: Tensor, h = 1e-5): Tensor {
  const grad = Tensor.zerosLike(x);
  const project = (out: Tensor | number): number => {
    if (typeof out === 'number') return out;
    let s = 0;
    for (let i = 0; i < out.size; i++) s += out.data[i] * (dout ? dout.data[i] : 1);
    return s;
  };
  for (let i = 0; i < x.size; i++) {
    const old = x.data[i];
    x.data[i] = old + h;
    const plus = project(f(x));
    x.data[i] = old - h;
    const minus = project(f(x));
    x.data[i] = old;
    grad.data[i] = (plus - minus) / (2 * h);
  }
  return grad;
}

/** `linspace(a, b, n)` reshaped: the inputs of the CS231n notebook. */
export function linspace(a: number, b: number, shape: number[]): Tensor {
  const n = shape.reduce((p, d) => p * d, 1);
  return new Tensor(shape, Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1)), 'float64');
}

/** Size formula as a sentence for shape messages: `(5 − 3 + 2·1)/2 + 1 = 3`. */
export function sizeFormula(label: string, n: number, f: number, stride: number, pad: number): string {
  const value = (n - f + 2 * pad) / stride + 1;
  return `${label} = (${n} − ${f} + 2·${pad})/${stride} + 1 = ${fmt(value)}`;
}
