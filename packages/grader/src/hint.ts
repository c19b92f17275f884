/**
 * `pnpm hint <exercise>`: shows the next hint of an exercise, one more each time, starting at the
 * first function (or step) that does not pass yet, and remembers how many you have seen in
 * exercises/.hints-progress.json (git-ignored).
 *
 *   pnpm hint 05            grade 05 quickly, then the next hint about its first failing function
 *   pnpm hint 05 --all      every hint you have seen so far again
 *   pnpm hint 05 --reset    start over
 *   pnpm hint               how many hints you have seen, per exercise
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { exercises, findExercise, repoRoot, type Exercise } from '@convkit/course-config/node';
import { runCommandLine, UsageError } from '@convkit/engine/node';

/** The repository root (plan.ts says the same; not imported here so that `--help` starts at once). */

export type HintProgress = Record<string, number>;

/** Where progress is kept (CONVKIT_HINTS_FILE moves it, for tests). */
export const progressFile = process.env.CONVKIT_HINTS_FILE ?? join(repoRoot, 'exercises', '.hints-progress.json');

export function readProgress(file = progressFile): HintProgress {
  if (!existsSync(file)) return {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return typeof parsed === 'object' && parsed !== null ? (parsed as HintProgress) : {};
  } catch {
    return {}; // a damaged progress file only costs the count
  }
}

/** Where the student is stuck: the first failing test, and the student functions it called. */
export interface FirstFailure {
  test: string;
  functions: readonly string[];
}

/** The leading word of a function name, as hints write it: `reluBackward` → `relu`, `maxPool2dForward` → `max`. */
const stem = (fn: string): string => (fn.match(/^[a-z0-9]+/)?.[0] ?? fn).toLowerCase();

/**
 * The function each hint is about: the exercise's function whose name (or its leading word: "ReLU",
 * "Dense", "Softmax") the hint mentions first; a hint that names none continues the one before it.
 * With one function, every hint is about it.
 */
export function hintFunctions(exercise: Pick<Exercise, 'functions' | 'hints'>): (string | undefined)[] {
  if (exercise.functions.length === 1) return exercise.hints.map(() => exercise.functions[0]);
  let current: string | undefined;
  return exercise.hints.map((hint) => {
    const text = hint.toLowerCase();
    const found = exercise.functions
      .map((fn) => ({ fn, at: Math.min(...[fn.toLowerCase(), stem(fn)].map((w) => text.indexOf(w)).filter((i) => i >= 0), Infinity) }))
      .filter((x) => x.at < Infinity)
      .sort((a, b) => a.at - b.at)[0];
    if (found) current = found.fn;
    return current;
  });
}

/**
 * Steps of an exercise that a failing test's name can point at, and how a hint about that step reads:
 * a failing "(pad 1 keeps 3×3)" starts at the hint about padding, "(all values negative)" at the one
 * about negative values.
 */
const STEPS: readonly [test: RegExp, hint: RegExp][] = [
  [/must throw/i, /\bthrow/i],
  [/\bpad(ding)? \d|\bpadding\b/i, /\bpadding\b/i],
  [/\bties?\b/i, /\bties?\b/i],
  [/\bnegative\b/i, /\bnegative\b/i],
  [/\boverlap/i, /\boverlap/i],
  [/\bbias\b/i, /\bbias\b|\bdb\[/i],
  [/\bchannels?\b|\bdepth\b/i, /\bchannels?\b/i],
];

/**
 * The first hint worth reading for this failure: among the hints about the failing function, the
 * first about the step the failing test names (padding, ties, throwing on bad input…), else the
 * first about that function. 0 without a failure.
 */
export function firstRelevantHint(exercise: Pick<Exercise, 'functions' | 'hints'>, failure: FirstFailure | null): number {
  if (!failure) return 0;
  const about = hintFunctions(exercise);
  const fn = failure.functions.find((f) => about.includes(f));
  const own = exercise.hints.map((_, i) => i).filter((i) => fn === undefined || about[i] === fn);
  if (own.length === 0) return 0;
  for (const [test, hint] of STEPS) {
    if (!test.test(failure.test)) continue;
    const where = own.map((i) => ({ i, at: exercise.hints[i].search(hint) })).filter((h) => h.at >= 0);
    if (where.length === 0) continue;
    // Throwing: the first hint that says so, in order. Other steps: the hint ABOUT it names it early
    // ("A position outside the input is a padding zero"), not in passing ("x, which has no padding").
    if (test.source === STEPS[0][0].source) return where[0].i;
    return where.sort((a, b) => a.at - b.at || a.i - b.i)[0].i;
  }
  return own[0];
}

/**
 * The text to show and the new progress after asking for the next hint of `exercise`. With the
 * first failing test, the hint starts at the first one about that function (hints about functions
 * that already pass are skipped); `'passed'` when every test passes.
 */
export function nextHint(exercise: Exercise, progress: HintProgress, failure: FirstFailure | null | 'passed' = null): { text: string; progress: HintProgress } {
  const seen = Math.min(progress[exercise.id] ?? 0, exercise.hints.length);
  const total = exercise.hints.length;
  if (failure === 'passed') {
    return { text: `${exercise.id} passes every test: no hint needed. pnpm hint ${exercise.id} --all shows the hints you have seen.`, progress };
  }
  const start = firstRelevantHint(exercise, failure);
  const index = Math.max(seen, start);
  if (index >= total) {
    return {
      text: `${exercise.id}: you have seen all ${total} hints. Run pnpm hint ${exercise.id} --all to read them again, or re-read exercises/${exercise.readme}.`,
      progress,
    };
  }
  const about = hintFunctions(exercise)[index];
  const where = failure && about && exercise.functions.length > 1 ? ` (about ${about}, the first function that does not pass yet)` : '';
  const range = index - seen === 1 ? `hint ${index} is` : `hints ${seen + 1}–${index} are`;
  const skipped = index > seen ? `\n  (${range} about what already passes: pnpm hint ${exercise.id} --all shows skipped hints too)\n` : '';
  return {
    text:
      `${exercise.id} — hint ${index + 1} of ${total}${where}:\n\n  ${exercise.hints[index]}\n${skipped}` +
      `${index + 1 < total ? `\nStill stuck? pnpm hint ${exercise.id} shows the next one.` : ''}`,
    progress: { ...progress, [exercise.id]: index + 1 },
  };
}

/**
 * Grades the student's file of `exercise` (quietly) and returns its first failing test, `'passed'`,
 * or null when nothing was graded (no checks, a training run, a file that is not there).
 */
export async function findFirstFailure(exercise: Exercise): Promise<FirstFailure | null | 'passed'> {
  if (exercise.timeLimitMs > 60_000) return null; // the capstone trains a network: too long to check for a hint
  let first: FirstFailure | null = null;
  try {
    // Loaded only now: the grader loads every exercise's checks, which takes a moment.
    const { planGrade } = await import('./plan.ts');
    const { gradeExercise } = await import('./run.ts');
    const [target] = planGrade({ only: [exercise.id] });
    const result = await gradeExercise(target, {
      onEvent: (event) => {
        if (event.type === 'test' && event.test.status !== 'passed' && first === null) first = { test: event.test.name, functions: event.functions };
      },
    });
    if (result.status === 'passed') return 'passed';
    if (result.status === 'not-started') return null; // nothing written yet: from the first hint
    return first;
  } catch {
    return null;
  }
}

const HELP = `Usage: pnpm hint [exercise] [options]

  exercise               id, number or slug (05-backprop, 5, backprop); without it, your progress per exercise
  (no option)            grade the exercise quickly, then show the next hint about its first function or
                         step that does not pass yet (hints about what already passes are skipped)
  --all                  show again every hint you have seen of that exercise
  --reset                forget which hints you have seen of that exercise, start over
  --no-check             do not grade first: simply the next hint in order
  -h, --help             this text

Progress is kept in exercises/.hints-progress.json (not committed).`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      all: { type: 'boolean', default: false },
      reset: { type: 'boolean', default: false },
      'no-check': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const progress = readProgress();
  if (positionals.length === 0) {
    process.stdout.write('Usage: pnpm hint <exercise> [--all | --reset] (pnpm hint --help for more)\n\n');
    for (const e of exercises) process.stdout.write(`  ${e.id.padEnd(24)} ${progress[e.id] ?? 0}/${e.hints.length} hints seen\n`);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`expected one exercise, got ${positionals.length}: ${positionals.join(' ')}`);
  const exercise = findExercise(positionals[0]);
  if (!exercise) throw new UsageError(`unknown exercise "${positionals[0]}"; the exercises are: ${exercises.map((e) => e.id).join(', ')}`);
  if (values.reset) {
    writeFileSync(progressFile, `${JSON.stringify({ ...progress, [exercise.id]: 0 }, null, 2)}\n`);
    process.stdout.write(`${exercise.id}: hints reset.\n`);
    return 0;
  }
  if (values.all) {
    const seen = progress[exercise.id] ?? 0;
    if (seen === 0) process.stdout.write(`${exercise.id}: no hints seen yet. Run pnpm hint ${exercise.id}.\n`);
    exercise.hints.slice(0, seen).forEach((h, i) => process.stdout.write(`${i + 1}. ${h}\n`));
    return 0;
  }
  let failure: FirstFailure | null | 'passed' = null;
  if (!values['no-check']) {
    process.stderr.write(`checking ${exercise.id} to see where you are…\n`);
    failure = await findFirstFailure(exercise);
  }
  const next = nextHint(exercise, progress, failure);
  writeFileSync(progressFile, `${JSON.stringify(next.progress, null, 2)}\n`);
  process.stdout.write(`${next.text}\n`);
  return 0;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) runCommandLine('pnpm hint', main);
