/**
 * The building blocks of every exercise's checks: a test calls the student's function in the sandbox
 * with inputs built here, computes the expected value HERE with the reference engine (the student's
 * code never runs in this process), and turns the sandbox's answer into a verdict.
 */
import fc from 'fast-check';
import { Tensor, outputSize } from '@convkit/engine';
import type { CallResult } from '../sandbox/sandbox.ts';
import type { WireValue } from '../sandbox/protocol.ts';
import type { Status } from '../report.ts';
import { compareResult, describeValue, fmt, type CompareOptions } from '../compare.ts';
import { encodeValue, sizeOfInputs } from '../record/codec.ts';
import { showCase } from '../show.ts';
import type { RecordedBody, RecordedCase, RecordedRandomCase, RecordedThreaded, RecordOptions } from '../record/format.ts';

export interface Verdict {
  status: Status;
  message: string;
  /** Passed by throwing where the reference throws: it counts only next to a correctly computed case. */
  threwAsExpected?: boolean;
}

/** What a test may do: call a student function in the sandbox. */
export interface SpecContext {
  call(fn: string, args: unknown[], argNames: string[]): Promise<CallResult>;
  /** Relative tolerance set by the course config for this exercise; a case's own tolerance wins. */
  tolerance?: number;
  /**
   * The command that replays one case of this test, given the case's reference (`506:3:1:0` for
   * fast-check's seed and path, `p4` for the 5th precomputed case): `pnpm grade 05 --case 13@506:3:1:0`.
   */
  replayCommand?: (ref: string) => string;
  /** Replay only this case of a random test (the part after `@` of `--case`), and show it in full. */
  replay?: string;
  /**
   * Official grading only: random tests then also run as many FRESH cases, generated from this seed,
   * which no student kit has recorded, so a table of the kit's expected outputs does not pass them.
   */
  freshSeed?: number;
  /**
   * `pnpm grade --seed N`: every random test draws its cases from seed N instead of its own (the same
   * N gives the same cases, so a whole run can be reproduced; another N gives other cases).
   */
  seed?: number;
}

/** The seed a random test draws its cases from: `--seed N` when given, else the test's own. */
export const seedOf = (ctx: SpecContext, own: number): number => ctx.seed ?? own;

export interface TestSpec {
  /** Carries the shapes, e.g. `x=[2,3,4,4] w=[3,3,4,4] s=2 p=1`. */
  name: string;
  /** Share of the exercise's points, relative to the other tests (1 by default). */
  weight?: number;
  run(ctx: SpecContext): Promise<Verdict>;
  /**
   * The test as plain data, for grading without the reference (the student kit): its cases' inputs
   * and the reference's expected results. caseTest, randomTest and threadedTest implement it; a custom
   * test without it cannot be recorded.
   */
  record?(options: RecordOptions): RecordedBody | Promise<RecordedBody>;
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
    if (expectError !== undefined && e.isError) return { ...passed, threwAsExpected: true };
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
  /**
   * Common mistakes this function is prone to, each as what it computes on the same inputs (the
   * reference on changed inputs, e.g. the kernel rotated 180°): a wrong answer that matches one is
   * named in plain words (`looks like: …`).
   */
  mistakes?: readonly Mistake<A>[];
}

/** A common mistake: what it computes from the case's inputs, and the sentence that names it. */
export interface Mistake<A extends unknown[]> {
  says: string;
  computes: (...args: A) => unknown;
}

/** What a mistake gives on one case's inputs (precomputed, so the kit can recognise it without the reference). */
export interface MistakeOutcome {
  says: string;
  expected: unknown;
}

/** One call ready to be judged: the inputs on the wire and the reference's outcome. */
export interface PreparedCase {
  fn: string;
  argNames: string[];
  /** The arguments, already on the wire (see {@link toWire}). */
  args: unknown[];
  /** The reference's result (unused when `expectError` is set). */
  expected?: unknown;
  /** The reference threw this message: the student must throw an Error too. */
  expectError?: string;
  /** The case's own tolerance (the course's applies otherwise). */
  tolerance?: number;
  explainShape?: () => string;
  outputName?: string;
  /** Wrong answers of common mistakes on these inputs, with the sentence naming each. */
  mistakes?: MistakeOutcome[];
}

/** The outcomes of `mistakes` on `args`, leaving out any that gives the expected result itself (e.g. a symmetric kernel). */
function mistakeOutcomes<A extends unknown[]>(mistakes: readonly Mistake<A>[], args: A, expected: unknown): MistakeOutcome[] | undefined {
  const found = mistakes
    .map((m) => ({ says: m.says, expected: m.computes(...args) }))
    .filter((m) => compareResult(expected, toWire(m.expected) as WireValue, 'out') !== null);
  return found.length > 0 ? found : undefined;
}

/** Runs the reference on `args` (in the grader's process) and puts the inputs on the wire. */
export function prepareCase<A extends unknown[]>(options: CaseOptions<A>, args: A): PreparedCase {
  let expected: unknown;
  let expectError: string | undefined;
  try {
    expected = options.reference(...args);
  } catch (error) {
    expectError = error instanceof Error ? error.message : String(error);
  }
  const explain = options.explainShape;
  return {
    fn: options.fn,
    argNames: options.argNames,
    args: args.map(toWire),
    expected,
    expectError,
    tolerance: options.tolerance,
    explainShape: explain ? () => explain(...args) : undefined,
    outputName: options.outputName,
    mistakes: options.mistakes && expectError === undefined ? mistakeOutcomes(options.mistakes, args, expected) : undefined,
  };
}

/** Calls the student's function once with a prepared case and judges the answer: the live and the recorded checks both end here. */
export async function judgeCase(ctx: SpecContext, c: PreparedCase): Promise<Verdict> {
  return (await judgeCaseDetailed(ctx, c)).verdict;
}

/** A judged call: the verdict and what the student's function returned (absent when it did not return). */
export interface JudgedCase {
  verdict: Verdict;
  value?: WireValue;
}

/** {@link judgeCase}, also giving back what the student's function returned. */
export async function judgeCaseDetailed(ctx: SpecContext, c: PreparedCase): Promise<JudgedCase> {
  const result = await ctx.call(c.fn, c.args, c.argNames);
  const compare: CompareOptions = { tolerance: c.tolerance ?? ctx.tolerance, explainShape: c.explainShape };
  const check = (value: WireValue): string | null => {
    const problem = compareResult(c.expected, value, c.outputName ?? 'out', compare);
    if (problem === null) return null;
    // A known mistake's answer names it, in place of what the values alone suggest.
    const named = c.mistakes?.find((m) => compareResult(m.expected, value, 'out', compare) === null);
    return named ? `${problem.replace(/\nlooks like: [^\n]*/, '')}\nlooks like: ${named.says}` : problem;
  };
  const verdict = judge(result, c.fn, check, c.expectError);
  return { verdict, value: result.kind === 'returned' ? result.value : undefined };
}

/** The command that replays a failing case and, when it is small, the case in full (inputs, expected, yours). */
function caseDetails(ctx: SpecContext, c: PreparedCase, judged: JudgedCase, ref: string | null): string {
  // A fresh case of official grading (ref null) exists in no kit: there is no command to replay it, only its inputs.
  const command =
    ref === null
      ? '\n(a fresh case of official grading: no starter kit can replay it; its inputs are shown when small)'
      : ctx.replayCommand
        ? `\nreplay exactly this case: ${ctx.replayCommand(ref)}`
        : '';
  const shown = showCase(c, judged.value, { tolerance: c.tolerance ?? ctx.tolerance });
  return `${command}${shown ? `\n${shown}` : ''}`;
}

/** Calls the student's function once and compares with the reference's result. */
export async function runCase<A extends unknown[]>(ctx: SpecContext, options: CaseOptions<A>, args: A): Promise<Verdict> {
  return judgeCase(ctx, prepareCase(options, args));
}

/** A prepared case as plain data (the explanation of the shape computed now, as a sentence). */
export function recordCase(c: PreparedCase): RecordedCase {
  const recorded: RecordedCase = { fn: c.fn, argNames: [...c.argNames], args: c.args.map((a, i) => encodeValue(a, c.argNames[i] ?? `argument ${i + 1}`)) };
  if (c.expectError !== undefined) recorded.expectError = c.expectError;
  else recorded.expected = encodeValue(c.expected, `the expected ${c.outputName ?? 'out'}`);
  if (c.tolerance !== undefined) recorded.tolerance = c.tolerance;
  // Only an expected shape is explained (a "must throw" case has none, and its sizes do not fit the formula).
  if (c.explainShape && c.expectError === undefined) recorded.explainShape = c.explainShape();
  if (c.outputName !== undefined) recorded.outputName = c.outputName;
  if (c.mistakes) recorded.mistakes = c.mistakes.map((m) => ({ says: m.says, expected: encodeValue(m.expected, 'what a common mistake computes') }));
  return recorded;
}

/** One fixed case: `name` carries its shapes. */
export function caseTest<A extends unknown[]>(name: string, options: CaseOptions<A>, args: () => A, weight = 1): TestSpec {
  return {
    name,
    weight,
    run: (ctx) => runCaseTest(ctx, prepareCase(options, args()), name),
    record: () => ({ kind: 'case', case: recordCase(prepareCase(options, args())) }),
  };
}

export interface RandomOptions<P, A extends unknown[]> extends CaseOptions<A> {
  arbitrary: fc.Arbitrary<P>;
  /** Builds the inputs of one generated case. */
  build: (params: P) => A;
  /** Describes a case by its shapes, for the message about the smallest failing one. */
  label: (params: P) => string;
  /**
   * How big a case is, to try the smallest precomputed cases first where there is no shrinking (the
   * student kit); by default the number of tensor elements plus the magnitude of the plain numbers.
   */
  size?: (params: P) => number;
  seed: number;
  numRuns?: number;
}

/**
 * Seeded random cases with fast-check. On a failure fast-check shrinks the case (smaller shapes,
 * smaller seeds) while it keeps failing, and the message shows the smallest one it found. A timeout
 * or crash stops the search at once: shrinking it would only cost more time limits.
 *
 * Recorded (for the student kit), it is the first `numRuns` cases fast-check generates from the same
 * seed (`fc.sample`), the very cases the live check starts with, each with the reference's result.
 */
export function randomTest<P, A extends unknown[]>(name: string, options: RandomOptions<P, A>, weight = 2): TestSpec {
  return {
    name,
    weight,
    async run(ctx) {
      if (ctx.replay) return replayRandom(ctx, options, ctx.replay);
      const seed = seedOf(ctx, options.seed);
      let stop: Verdict | null = null;
      let last: { judged: JudgedCase; prepared: PreparedCase; label: string } | null = null;
      let runs = 0;
      const property = fc.asyncProperty(options.arbitrary, async (params) => {
        fc.pre(stop === null);
        runs++;
        const prepared = prepareCase(options, options.build(params));
        const judged = await judgeCaseDetailed(ctx, prepared);
        if (judged.verdict.status === 'passed') return true;
        if (judged.verdict.status !== 'failed') stop = judged.verdict;
        else last = { judged, prepared, label: options.label(params) };
        return false;
      });
      const details = await fc.check(property, {
        seed,
        numRuns: options.numRuns ?? 25,
        interruptAfterTimeLimit: 30_000,
        markInterruptAsFailure: false,
      });
      if (stop) return stop;
      if (details.failed && last !== null) {
        const found: { judged: JudgedCase; prepared: PreparedCase; label: string } = last;
        return {
          status: 'failed',
          message:
            `random case failed; smallest failing input found by shrinking (${runs} runs, seed ${seed}): ${found.label}\n${found.judged.verdict.message}` +
            caseDetails(ctx, found.prepared, found.judged, `${seed}:${details.counterexamplePath ?? ''}`),
        };
      }
      if (ctx.freshSeed === undefined) return passed;
      // Official grading: as many cases again from a seed of this run, never recorded in a kit.
      const freshSeed = (ctx.freshSeed ^ options.seed) >>> 0;
      runs = 0;
      last = null;
      const fresh = await fc.check(property, {
        seed: freshSeed,
        numRuns: options.numRuns ?? 25,
        interruptAfterTimeLimit: 30_000,
        markInterruptAsFailure: false,
      });
      if (stop) return stop;
      if (!fresh.failed || last === null) return passed;
      const freshFound: { judged: JudgedCase; prepared: PreparedCase; label: string } = last;
      return {
        status: 'failed',
        message:
          `random case failed on fresh cases of this grading run (official grading only; ${runs} runs, seed ${freshSeed}); the kit's recorded cases passed: ${freshFound.label}\n${freshFound.judged.verdict.message}` +
          caseDetails(ctx, freshFound.prepared, freshFound.judged, null),
      };
    },
    record(recordOptions) {
      const numRuns = Math.min(options.numRuns ?? 25, recordOptions.maxRandomCases ?? Infinity);
      const cases = fc.sample(options.arbitrary, { seed: options.seed, numRuns }).map((params): RecordedRandomCase => {
        const recorded = recordCase(prepareCase(options, options.build(params)));
        return { ...recorded, label: options.label(params), size: options.size?.(params) ?? sizeOfInputs(recorded.args) };
      });
      return { kind: 'random', seed: options.seed, numRuns, cases };
    },
  };
}

/**
 * Precomputed random cases, judged from the smallest to the largest: the first failing one is the
 * smallest among them (there is no reference to shrink with). A timeout or crash stops at once, as in
 * {@link randomTest}.
 */
export async function runPrecomputed(
  ctx: SpecContext,
  seed: number,
  cases: readonly { size: number; label: string; prepared: () => PreparedCase }[],
): Promise<Verdict> {
  if (ctx.seed !== undefined && ctx.seed !== seed) {
    // No reference here to compute the expected results of other cases.
    return {
      status: 'error',
      message: `--seed ${ctx.seed}: this kit has the cases of seed ${seed} only (recorded with their expected results); other seeds need the course's repository. Run without --seed (or with --seed ${seed}).`,
    };
  }
  if (ctx.replay) {
    const k = /^p(\d+)$/.exec(ctx.replay);
    if (!k || Number(k[1]) >= cases.length) {
      return {
        status: 'error',
        message: `--case: this test's cases are precomputed: expected p0 to p${cases.length - 1} after the test number, got "${ctx.replay}"`,
      };
    }
    const c = cases[Number(k[1])];
    return replayOne(ctx, c.prepared(), c.label, ctx.replay);
  }
  const order = cases.map((c, i) => ({ c, i })).sort((a, b) => a.c.size - b.c.size || a.i - b.i);
  for (const { c, i } of order) {
    const prepared = c.prepared();
    const judged = await judgeCaseDetailed(ctx, prepared);
    const verdict = judged.verdict;
    if (verdict.status === 'passed') continue;
    if (verdict.status !== 'failed') return verdict;
    return {
      status: 'failed',
      message: `random case failed; smallest failing input among ${cases.length} precomputed cases (seed ${seed}): ${c.label}\n${verdict.message}${caseDetails(ctx, prepared, judged, `p${i}`)}`,
    };
  }
  return passed;
}

/** A fixed case's test: judged, or with `--case` (ctx.replay set) judged and shown in full. */
export function runCaseTest(ctx: SpecContext, prepared: PreparedCase, name: string): Promise<Verdict> {
  return ctx.replay === undefined ? judgeCase(ctx, prepared) : replayOne(ctx, prepared, name, 'this');
}

/** Judges one case in full (`--case`): its verdict, and the case shown whether it passes or not. */
async function replayOne(ctx: SpecContext, prepared: PreparedCase, label: string, ref: string): Promise<Verdict> {
  const judged = await judgeCaseDetailed(ctx, prepared);
  const shown = showCase(prepared, judged.value, { tolerance: prepared.tolerance ?? ctx.tolerance, limit: 2000 });
  const which = ref === 'this' ? label : `${ref} (${label})`;
  const head = judged.verdict.status === 'passed' ? `case ${which} passes now` : `case ${which} fails:\n${judged.verdict.message}`;
  return { ...judged.verdict, message: `${head}\n${shown ?? '(too big to print in full)'}` };
}

/**
 * Replays one case of a random test: `SEED:PATH` (fast-check's seed and the path of its shrunk case)
 * or `pK` (the K-th case of the seed, as the kit precomputes them).
 */
async function replayRandom<P, A extends unknown[]>(ctx: SpecContext, options: RandomOptions<P, A>, ref: string): Promise<Verdict> {
  const numRuns = options.numRuns ?? 25;
  let params: P | undefined;
  const pre = /^p(\d+)$/.exec(ref);
  const shrunk = /^(\d+):([\d:]*)$/.exec(ref);
  if (pre) {
    const k = Number(pre[1]);
    if (k >= numRuns) return { status: 'error', message: `--case ${ref}: this test has ${numRuns} cases per seed, p0 to p${numRuns - 1}` };
    params = fc.sample(options.arbitrary, { seed: seedOf(ctx, options.seed), numRuns })[k];
  } else if (shrunk) {
    // A property that fails on every value walks the shrink path down to the case it names.
    const walk = fc.check(
      fc.property(options.arbitrary, () => false),
      { seed: Number(shrunk[1]), endOnFailure: true, ...(shrunk[2] ? { path: shrunk[2] } : {}) },
    );
    params = walk.counterexample?.[0] as P | undefined;
  } else {
    return { status: 'error', message: `--case: expected SEED:PATH (e.g. 506:3:1:0) or pK (e.g. p4) after the test number, got "${ref}"` };
  }
  if (params === undefined) return { status: 'error', message: `--case ${ref}: no such case` };
  return replayOne(ctx, prepareCase(options, options.build(params)), options.label(params), ref);
}

/** Several calls in a row: some arguments are threaded (each call gets what the student's call before returned). */
export interface ThreadedCase {
  fn: string;
  argNames: string[];
  /** The threaded arguments' values before the first call, on the wire, by argument name. */
  state: Record<string, unknown>;
  /** Per call: the other arguments (on the wire) by name, and the correct value of the checked field. */
  steps: { inputs: Record<string, unknown>; expected: unknown }[];
  /** The result field compared with the expected value, named in messages (`params after step 2`). */
  checked: string;
  tolerance?: number;
}

/**
 * Runs a threaded case: each call is fed the student's own threaded values from the call before, and
 * its `checked` field is compared with the reference trajectory; the first difference is the verdict.
 */
export async function runThreaded(ctx: SpecContext, t: ThreadedCase): Promise<Verdict> {
  let state: Record<string, unknown> = { ...t.state };
  for (const [s, step] of t.steps.entries()) {
    const args = t.argNames.map((name) => (name in state ? state[name] : step.inputs[name]));
    const result = await ctx.call(t.fn, args, t.argNames);
    const verdict = judge(result, t.fn, (value) => {
      const got = value as Record<string, WireValue> | null;
      return compareResult(step.expected, got?.[t.checked] ?? null, `${t.checked} after step ${s + 1}`, { tolerance: t.tolerance });
    });
    if (verdict.status !== 'passed') return verdict;
    if (result.kind !== 'returned') return verdict;
    const value = result.value as Record<string, unknown>;
    state = Object.fromEntries(Object.keys(state).map((name) => [name, value[name]]));
  }
  return passed;
}

/** A threaded case as plain data. */
export function recordThreaded(t: ThreadedCase): RecordedThreaded {
  const recorded: RecordedThreaded = {
    fn: t.fn,
    argNames: [...t.argNames],
    state: Object.fromEntries(Object.entries(t.state).map(([k, v]) => [k, encodeValue(v, k)])),
    steps: t.steps.map((step, s) => ({
      inputs: Object.fromEntries(Object.entries(step.inputs).map(([k, v]) => [k, encodeValue(v, `${k} of step ${s + 1}`)])),
      expected: encodeValue(step.expected, `${t.checked} after step ${s + 1}`),
    })),
    checked: t.checked,
  };
  if (t.tolerance !== undefined) recorded.tolerance = t.tolerance;
  return recorded;
}

/** A test of several threaded calls (see {@link runThreaded}); `build` computes the reference trajectory. */
export function threadedTest(name: string, build: () => ThreadedCase, weight = 1): TestSpec {
  return {
    name,
    weight,
    run: (ctx) => runThreaded(ctx, build()),
    record: () => ({ kind: 'threaded', threaded: recordThreaded(build()) }),
  };
}

/** `linspace(a, b, n)` reshaped: the inputs of the CS231n notebook. */
export function linspace(a: number, b: number, shape: number[]): Tensor {
  const n = shape.reduce((p, d) => p * d, 1);
  return new Tensor(
    shape,
    Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1)),
    'float64',
  );
}

/**
 * Size formula as a sentence for shape messages: `(5 − 3 + 2·1)/2 + 1 = 3`. The value is the engine's
 * `outputSize`; it explains an expected shape, which the reference computed, so the size is valid.
 */
export function sizeFormula(label: string, n: number, f: number, stride: number, pad: number): string {
  return `${label} = (${n} − ${f} + 2·${pad})/${stride} + 1 = ${fmt(outputSize(n, f, stride, pad))}`;
}
