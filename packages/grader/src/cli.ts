/**
 * `pnpm grade [exercise…]`: arguments → plan → run → report.
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
import { planGrade, repoRoot, UsageError } from './plan.ts';
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
  --self-check           grade the reference solutions through the same path (must score full marks)
  --concurrency N        exercises graded at once (default: number of cores, at most 4)
  --verbose              list every test, also of exercises that pass
  --submissions DIR      grade a whole class: every student's folder or zip in DIR, in parallel,
                         into DIR-grades/gradebook.csv and one JSON report per student
  --out DIR              where --submissions writes (DIR-grades by default)
  --roster FILE          with --submissions: name, student id, email per student (adds canvas.csv, moodle.csv)
  --overrides FILE       with --submissions: student, exercise, points, reason (applied and shown)
  --timestamps FILE      with --submissions: submission times (Gradescope's export) for the late penalty
  --student NAME         with --submissions: regrade only NAME into the existing gradebook
  -h, --help             this text

Exit code: 0 when every graded test passes, 1 otherwise, 2 for a usage error.`;

type ReporterName = 'pretty' | 'json' | 'junit' | 'gradescope';
const FORMATS: Record<Exclude<ReporterName, 'pretty'>, (r: GradeReport) => string> = {
  json: jsonReport,
  junit: junitReport,
  gradescope: gradescopeReport,
};

async function main(argv: string[]): Promise<number> {
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
      submissions: { type: 'string' },
      out: { type: 'string' },
      roster: { type: 'string' },
      overrides: { type: 'string' },
      timestamps: { type: 'string' },
      student: { type: 'string' },
      case: { type: 'string' },
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
  const concurrency = values.concurrency === undefined ? undefined : Number(values.concurrency);
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 1)) {
    throw new UsageError(`--concurrency: expected an integer ≥ 1, got ${values.concurrency}`);
  }
  const skip = values.skip.flatMap((s) => s.split(',')).filter((s) => s !== '');
  if (values.submissions !== undefined) {
    // A whole class: @convkit/course grades each student in its own runner and writes the gradebook.
    const { gradeSubmissionsCli } = await import('../../course/src/class/cli.ts');
    const { roster, overrides, timestamps, student } = values;
    return gradeSubmissionsCli({ submissions: values.submissions, out: values.out, only: positionals, skip, concurrency, root: repoRoot, roster, overrides, timestamps, student });
  }
  // Ctrl+C, SIGTERM (also to pnpm, which does not pass it on) end every sandbox process too.
  endWithParent();
  const selfCheck = values['self-check'];
  const targets = planGrade({ only: positionals, skip, selfCheck });

  if (values.case !== undefined) return replayCase(targets, values.case, selfCheck);

  if (values.watch) {
    const watcher = await watch({ targets, selfCheck, verbose: values.verbose });
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
  pretty?.start(targets.length, `convkit grade: ${targets.length} exercise${targets.length === 1 ? '' : 's'}, ${what}`, targets.map((t) => t.exercise.id));
  const report = await grade(targets, { concurrency, onEvent: pretty?.onEvent, replayFlags: selfCheck ? '--self-check' : undefined });
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
async function replayCase(targets: GradeTarget[], id: string, selfCheck: boolean): Promise<number> {
  const m = /^(\d+)(?:@(.+))?$/.exec(id);
  if (!m) throw new UsageError(`--case: expected TEST or TEST@CASE as a failure message prints it (e.g. 13@506:3:1:0 or 13@p4), got ${id}`);
  if (targets.length !== 1) throw new UsageError(`--case: name exactly one exercise (e.g. pnpm grade 05 --case ${id}), got ${targets.length}`);
  const pretty = new PrettyReporter({ verbose: true });
  let result: ExerciseResult;
  try {
    result = await gradeExercise(targets[0], { onlyCase: { test: Number(m[1]), ref: m[2] }, replayFlags: selfCheck ? '--self-check' : undefined });
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

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError || (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`pnpm grade: ${error.message}\nRun pnpm grade --help for the options.\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`pnpm grade: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 3;
    }
  },
);
