/**
 * `pnpm grade [exercise…]`: arguments → plan → run → report. `@convkit/grader/cli` exports it, so a
 * course repository can put class grading (`--submissions`, in @convkit/course) in front of it.
 *
 *   pnpm grade                      every exercise, pretty output, exit 1 unless everything passes
 *   pnpm grade 02 conv-backward     some exercises (id, number or slug)
 *   pnpm grade --skip capstone      everything but the capstone
 *   pnpm grade --reporter json|junit|gradescope [--output-file PATH]
 *   pnpm grade --watch              re-grade the exercise you save, point to the next one
 *   pnpm grade --self-check         grade the reference solutions (must score full marks)
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { planGrade, UsageError } from './plan.ts';
import { grade, gradeExercise, type GradeTarget } from './run.ts';
import { PrettyReporter, jsonReport, junitReport, gradescopeReport } from './reporters/index.ts';
import type { ExerciseResult, GradeReport } from './report.ts';
import { watch } from './watch.ts';
import { endWithParent } from './shutdown.ts';

const HELP = `Usage: pnpm grade [exercise…] [options]

  exercise…              ids, numbers or slugs (02-conv-forward, 2, conv-forward); all when omitted
  --skip ID              leave an exercise out (repeatable; --skip capstone)
  --reporter NAME        pretty (default), json, junit or gradescope
  --output-file PATH     write the report there (the terminal still shows the pretty output)
  --watch                re-grade an exercise each time you save it
  --case TEST[@CASE]     replay one test of one exercise, or exactly one case of a random test, and show it
                         in full: inputs, expected, yours (a failing random case prints this command)
  --seed N               every random test draws its cases from seed N (0 to 2147483647): the same N gives the
                         same cases, so a whole run is reproduced; without it each test uses its own fixed seed
  --self-check           grade the reference solutions through the same path (must score full marks)
  --concurrency N        exercises graded at once (default: number of cores, at most 4)
  --verbose              list every test, also of exercises that pass
  -h, --help             this text

Exit code: 0 when every graded test passes, 1 otherwise, 2 for a usage error.`;

/** `pnpm grade --help`'s text (a course repository appends its class-grading options). */
export const GRADE_HELP = HELP;

type ReporterName = 'pretty' | 'json' | 'junit' | 'gradescope';
const FORMATS: Record<Exclude<ReporterName, 'pretty'>, (r: GradeReport) => string> = {
  json: jsonReport,
  junit: junitReport,
  gradescope: gradescopeReport,
};

/** `pnpm grade` with these arguments; resolves to the exit code. */
export async function gradeCli(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      skip: { type: 'string', multiple: true, default: [] },
      reporter: { type: 'string', default: 'pretty' },
      'output-file': { type: 'string' },
      watch: { type: 'boolean', default: false },
      'self-check': { type: 'boolean', default: false },
      concurrency: { type: 'string' },
      verbose: { type: 'boolean', default: false },
      case: { type: 'string' },
      seed: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const reporter = values.reporter as ReporterName;
  if (!['pretty', 'json', 'junit', 'gradescope'].includes(reporter)) {
    throw new UsageError(`--reporter: expected pretty, json, junit or gradescope, got ${reporter}`);
  }
  const concurrency = parseConcurrency(values.concurrency);
  const skip = splitList(values.skip);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !(/^\d+$/.test(values.seed ?? '') && seed <= 0x7fffffff)) {
    throw new UsageError(`--seed: expected an integer from 0 to 2147483647, got ${values.seed}`);
  }
  // Ctrl+C, SIGTERM (also to pnpm, which does not pass it on) end every sandbox process too.
  endWithParent();
  const selfCheck = values['self-check'];
  const targets = planGrade({ only: positionals, skip, selfCheck });

  if (values.case !== undefined) return replayCase(targets, values.case, selfCheck, seed);

  if (values.watch) {
    const watcher = await watch({ targets, selfCheck, verbose: values.verbose, seed });
    endWithParent(() => {
      watcher.close();
      process.stdout.write('\nstopped watching.\n');
    });
    return new Promise<number>(() => {}); // until Ctrl+C or SIGTERM (the folder watchers keep it alive)
  }

  const outputFile = values['output-file'];
  // A machine-readable report on stdout must be the only thing there; otherwise show progress.
  const pretty = reporter === 'pretty' || outputFile !== undefined ? new PrettyReporter({ verbose: values.verbose }) : null;
  const what = selfCheck ? 'reference solutions (self-check)' : 'your exercises';
  const seeded = seed === undefined ? '' : `, random cases from seed ${seed}`;
  pretty?.start(
    targets.length,
    `convkit grade: ${targets.length} exercise${targets.length === 1 ? '' : 's'}, ${what}${seeded}`,
    targets.map((t) => t.exercise.id),
  );
  const report = await grade(targets, { concurrency, onEvent: pretty?.onEvent, replayFlags: selfCheck ? '--self-check' : undefined, seed });
  pretty?.summary(report);

  if (reporter !== 'pretty') {
    const text = FORMATS[reporter](report);
    if (outputFile) {
      const path = resolve(process.env.INIT_CWD ?? process.cwd(), outputFile);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
      process.stdout.write(`${reporter} report written to ${path}\n`);
    } else process.stdout.write(text);
  } else if (outputFile) {
    throw new UsageError('--output-file needs --reporter json, junit or gradescope');
  }
  const allPassed = report.exercises.every((e) => e.status === 'passed');
  return allPassed ? 0 : 1;
}

/** `pnpm grade NN --case T[@REF]`: one test (one case of a random test), shown in full; no score. */
async function replayCase(targets: GradeTarget[], id: string, selfCheck: boolean, seed?: number): Promise<number> {
  const m = /^(\d+)(?:@(.+))?$/.exec(id);
  if (!m) throw new UsageError(`--case: expected TEST or TEST@CASE as a failure message prints it (e.g. 13@506:3:1:0 or 13@p4), got ${id}`);
  if (targets.length !== 1) throw new UsageError(`--case: name exactly one exercise (e.g. pnpm grade 05 --case ${id}), got ${targets.length}`);
  const pretty = new PrettyReporter({ verbose: true });
  let result: ExerciseResult;
  try {
    result = await gradeExercise(targets[0], { onlyCase: { test: Number(m[1]), ref: m[2] }, replayFlags: selfCheck ? '--self-check' : undefined, seed });
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(error.message);
    throw error;
  }
  // The test alone, without the exercise's score: one case is not a grade.
  process.stdout.write(`convkit grade ${targets[0].exercise.id} --case ${id}: test ${m[1]}, replayed exactly\n\n`);
  for (const t of result.tests) process.stdout.write(pretty.testLine(t));
  process.stdout.write(`\n(one case replayed, not scored: pnpm grade ${targets[0].exercise.id.slice(0, 2)} grades the whole exercise)\n`);
  return result.status === 'passed' ? 0 : 1;
}

/** `--concurrency N`: an integer ≥ 1, or undefined when not given. */
export function parseConcurrency(value: string | undefined): number | undefined {
  const concurrency = value === undefined ? undefined : Number(value);
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 1)) {
    throw new UsageError(`--concurrency: expected an integer ≥ 1, got ${value}`);
  }
  return concurrency;
}

/** Repeatable, comma-separated list options (`--skip 09 --skip a,b`) as one list. */
export const splitList = (values: readonly string[]): string[] => values.flatMap((s) => s.split(',')).filter((s) => s !== '');

export { UsageError };
