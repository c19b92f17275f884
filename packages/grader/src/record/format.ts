/**
 * The recorded checks of an exercise (`packages/grader/expected/<id>.json` in the student kit): plain
 * JSON data, no code. `pnpm course build` records them with the reference ({@link recordExercise});
 * the kit's grader replays them ({@link replaySpec}) with the same judge and messages as the live spec.
 */

/** The version of the recorded format; a file of another version is refused. */
export const EXPECTED_FORMAT = 'convkit-expected/1';

/** JSON data. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * One call of a student function with its expected outcome. Values are encoded by `codec.ts`:
 * tensors as `{ __tensor: true, shape, dtype, data: number[] }` (NaN, ±Infinity and -0 in data as the
 * strings "NaN", "Infinity", "-Infinity", "-0"), other non-finite numbers as `{ __number: "NaN" }`.
 */
export interface RecordedCase {
  fn: string;
  argNames: string[];
  /** The arguments as they go on the wire. */
  args: Json[];
  /** The reference's result (absent when the reference threw: see expectError). */
  expected?: Json;
  /** The reference threw this message: the student's function must throw an Error too. */
  expectError?: string;
  /** The case's own tolerance; the course's tolerance for the exercise applies otherwise. */
  tolerance?: number;
  /** The sentence explaining the expected shape, shown when the shape differs. */
  explainShape?: string;
  /** Name of the returned value in messages ('out' when absent). */
  outputName?: string;
  /** What common mistakes return on these inputs, and the sentence naming each (`looks like: …`). */
  mistakes?: { says: string; expected: Json }[];
}

/** A precomputed random case: its label (shapes) and a size used to try the smallest cases first. */
export interface RecordedRandomCase extends RecordedCase {
  label: string;
  size: number;
}

/** Several calls in a row, each fed the student's own threaded values from the call before. */
export interface RecordedThreaded {
  fn: string;
  argNames: string[];
  /** Values of the threaded arguments before the first call, by argument name. */
  state: Record<string, Json>;
  /** Per call: the other arguments by name, and the expected value of the checked result field. */
  steps: { inputs: Record<string, Json>; expected: Json }[];
  /** The result field compared with each step's expected value ("params after step 2"). */
  checked: string;
  tolerance?: number;
}

/** The capstone: the student trains on MNIST (loaded by the grader as the live spec does) and predicts its test split. */
export interface RecordedCapstone {
  trainSize: number;
  testSize: number;
  seed: number;
  /** Accuracy needed on the test split (0: only the form of the predictions is checked). */
  threshold: number;
}

/** What a test's `record()` hook returns: its kind and data (the name and weight are added by the recorder). */
export type RecordedBody =
  | { kind: 'case'; case: RecordedCase }
  | { kind: 'random'; seed: number; numRuns: number; cases: RecordedRandomCase[] }
  | { kind: 'threaded'; threaded: RecordedThreaded }
  | { kind: 'capstone'; capstone: RecordedCapstone };

export type RecordedTest = { name: string; weight: number } & RecordedBody;

export interface RecordedExercise {
  format: typeof EXPECTED_FORMAT;
  /** The exercise id, e.g. `02-conv-forward`: also the file name (`<id>.json`). */
  id: string;
  /** The spec's tripwires, when it sets them (the exercise's own functions otherwise). */
  tripwires?: string[];
  /** Every test of the spec, in order. */
  tests: RecordedTest[];
}

/** How a test is recorded. */
export interface RecordOptions {
  /** The exercise's time limit, given to `spec.tests()`. */
  timeLimitMs: number;
  /** At most this many precomputed cases per random test (its numRuns otherwise). */
  maxRandomCases?: number;
}
