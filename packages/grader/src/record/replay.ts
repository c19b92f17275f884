/**
 * Grading from recorded checks, without the reference (the student kit): each recorded test calls the
 * student's function through `ctx.call` exactly like the live one and judges the answer with the same
 * code (judgeCase / runThreaded / accuracyTest), so a given case gets the same verdict and message.
 */
import type { ExerciseSpec } from '../spec/index.ts';
import { runCaseTest, runPrecomputed, runThreaded, type PreparedCase, type TestSpec } from '../spec/kit.ts';
import { accuracyTest, trainOnce, type TrainOnce } from '../spec/capstone.ts';
import { decodeExpected, decodeWire } from './codec.ts';
import { EXPECTED_FORMAT, type Json, type RecordedCase, type RecordedExercise, type RecordedTest } from './format.ts';

/** A recorded case, ready to judge. */
function prepared(c: RecordedCase): PreparedCase {
  const explain = c.explainShape;
  return {
    fn: c.fn,
    argNames: c.argNames,
    args: c.args.map((a, i) => decodeWire(a, c.argNames[i])),
    expected: c.expectError === undefined ? decodeExpected(c.expected ?? null) : undefined,
    expectError: c.expectError,
    tolerance: c.tolerance,
    explainShape: explain === undefined ? undefined : () => explain,
    outputName: c.outputName,
    mistakes: c.mistakes?.map((m) => ({ says: m.says, expected: decodeExpected(m.expected) })),
  };
}

const decodeAll = (values: Record<string, Json>, decode: (v: Json, where: string) => unknown): Record<string, unknown> =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, decode(v, k)]));

function replayTest(test: RecordedTest, capstoneRun: (key: string, make: () => TrainOnce) => TrainOnce, timeLimitMs: number): TestSpec {
  const { name, weight } = test;
  switch (test.kind) {
    case 'case':
      return { name, weight, run: (ctx) => runCaseTest(ctx, prepared(test.case), name) };
    case 'random':
      return {
        name,
        weight,
        run: (ctx) =>
          runPrecomputed(
            ctx,
            test.seed,
            test.cases.map((c) => ({ size: c.size, label: c.label, prepared: () => prepared(c) })),
          ),
      };
    case 'threaded': {
      const t = test.threaded;
      return {
        name,
        weight,
        run: (ctx) =>
          runThreaded(ctx, {
            fn: t.fn,
            argNames: t.argNames,
            state: decodeAll(t.state, decodeWire),
            steps: t.steps.map((step) => ({ inputs: decodeAll(step.inputs, decodeWire), expected: decodeExpected(step.expected) })),
            checked: t.checked,
            tolerance: t.tolerance,
          }),
      };
    }
    case 'capstone': {
      const { threshold, ...data } = test.capstone;
      const run = capstoneRun(`${data.trainSize}/${data.testSize}/${data.seed}`, () => trainOnce(timeLimitMs, data));
      return accuracyTest(name, weight, threshold, data, run);
    }
    default:
      throw new Error(`replaySpec: unknown kind of recorded test ${JSON.stringify((test as { kind?: unknown }).kind)}`);
  }
}

/**
 * The checks of a recorded exercise, as an {@link ExerciseSpec} the grader runs like a live one.
 * Capstone tests recorded from one spec share one training run per grading run, as live.
 */
export function replaySpec(recorded: RecordedExercise): ExerciseSpec {
  if (recorded?.format !== EXPECTED_FORMAT || !Array.isArray(recorded.tests)) {
    throw new Error(`replaySpec: expected recorded checks of format ${EXPECTED_FORMAT}, got ${JSON.stringify(recorded?.format)}`);
  }
  const spec: ExerciseSpec = {
    tests(timeLimitMs: number): TestSpec[] {
      const runs = new Map<string, TrainOnce>();
      const capstoneRun = (key: string, make: () => TrainOnce): TrainOnce => {
        let run = runs.get(key);
        if (!run) runs.set(key, (run = make()));
        return run;
      };
      return recorded.tests.map((test) => replayTest(test, capstoneRun, timeLimitMs));
    },
  };
  if (recorded.tripwires) spec.tripwires = recorded.tripwires;
  return spec;
}
