/**
 * `pnpm grade` in a course repository: the grader's own command line (`@convkit/grader/cli`), with class
 * grading in front of it. `pnpm grade --submissions DIR` grades a whole class (./class/cli.ts); every
 * other use is the student's `pnpm grade`, unchanged. The student kit runs the grader's entry directly.
 */
import { parseArgs } from 'node:util';
import { runCommandLine } from '@convkit/engine/node';
import { GRADE_HELP, gradeCli, parseConcurrency, splitList } from '@convkit/grader/cli';
import { repoRoot } from '@convkit/course-config/node';
import { gradeSubmissionsCli } from './class/cli.ts';

export const CLASS_HELP = `Class grading (instructors): pnpm grade --submissions DIR [exercise…] [options]

  --submissions DIR      grade a whole class: every student's folder or zip in DIR, in parallel,
                         into DIR-grades/gradebook.csv and one JSON report per student
  --out DIR              where --submissions writes (DIR-grades by default)
  --roster FILE          name, student id, email per student (adds canvas.csv, moodle.csv)
  --overrides FILE       student, exercise, points, reason (applied and shown)
  --timestamps FILE      submission times (Gradescope's export) for the late penalty
  --student NAME         regrade only NAME into the existing gradebook
  --skip ID, --concurrency N   as above`;

const isClassGrading = (argv: readonly string[]): boolean => argv.some((a) => a === '--submissions' || a.startsWith('--submissions='));

export async function courseGradeCli(argv: string[]): Promise<number> {
  if (!isClassGrading(argv)) {
    if (argv.includes('--help') || argv.includes('-h')) {
      process.stdout.write(`${GRADE_HELP}\n\n${CLASS_HELP}\n`);
      return 0;
    }
    return gradeCli(argv);
  }
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      submissions: { type: 'string' },
      out: { type: 'string' },
      roster: { type: 'string' },
      overrides: { type: 'string' },
      timestamps: { type: 'string' },
      student: { type: 'string' },
      skip: { type: 'string', multiple: true, default: [] },
      concurrency: { type: 'string' },
    },
  });
  const { submissions, out, roster, overrides, timestamps, student } = values;
  if (submissions === undefined) throw new Error('unreachable: --submissions was given');
  const concurrency = parseConcurrency(values.concurrency);
  return gradeSubmissionsCli({
    submissions,
    out,
    only: positionals,
    skip: splitList(values.skip),
    concurrency,
    root: repoRoot,
    roster,
    overrides,
    timestamps,
    student,
  });
}

if (process.argv[1] === import.meta.filename) runCommandLine('pnpm grade', courseGradeCli);
