/**
 * Gradescope's `run_autograder`, in TypeScript: grades `/autograder/submission` with the course's
 * exercises and writes `/autograder/results/results.json` in Gradescope's format
 * (https://gradescope-autograders.readthedocs.io/en/latest/specs/). Runs as root from the grading
 * workspace (the answer key). Student code runs as the unprivileged user CONVKIT_STUDENT_USER on the
 * runtime in CONVKIT_SANDBOX_RUNTIME (the answer-free student kit); before grading, a probe run as
 * that user must fail to read the key and succeed in reading the runtime, or nothing is graded.
 * `AUTOGRADER_ROOT` replaces `/autograder`, to test the whole thing in a temporary folder.
 * With `--canary` (setup.sh, once per image) it grades the reference solutions the same way and fails
 * unless they get full marks, so a broken image fails to build instead of marking correct work wrong.
 * Whatever happens, a results.json is written: a failure of the autograder itself scores 0, says why,
 * and exits non-zero.
 */
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { grade } from '@convkit/grader';
import { gradescopeReport } from '@convkit/grader';
import { loadCourse, type Course } from '@convkit/course-config/node';
import { assertCanary, writeCanary } from '../class/canary.ts';
import { prepareSubmission } from '../class/submissions.ts';
import { detectIsolation } from '../class/isolation.ts';
import { assertProtected, keyPaths } from '../class/protection.ts';
import { runtimeFiles } from '../class/runtime.ts';

const autograder = resolve(process.env.AUTOGRADER_ROOT ?? '/autograder');
const graderRoot = resolve(import.meta.dirname, '..', '..', '..', '..');
const resultsFile = join(autograder, 'results', 'results.json');
mkdirSync(join(autograder, 'results'), { recursive: true });

/** The uid of the user that runs student code, or null (not root, or no such user). */
function studentUid(): number | null {
  if (process.getuid?.() !== 0) return null;
  const r = spawnSync('id', ['-u', process.env.CONVKIT_STUDENT_USER ?? 'student'], { encoding: 'utf8' });
  return r.status === 0 ? Number(r.stdout.trim()) : null;
}

/** Grades one submission folder like Gradescope's: on the runtime, as the student user after the probe. */
async function gradeSubmission(course: Course, runtime: string, submissionDir: string, workDir: string) {
  const prepared = prepareSubmission({ student: 'submission', path: submissionDir, kind: 'folder' }, workDir, join(runtime, 'exercises'), course.exercises);
  const uid = studentUid();
  let warning = '';
  if (uid !== null) {
    detectIsolation(true, runtimeFiles(runtime)).handOver(workDir, uid);
    // Loud, before any student code runs: the key out of reach, the runtime and work folder within it.
    assertProtected(uid, uid, { secret: keyPaths(graderRoot), needed: [...runtimeFiles(runtime), join(prepared.exercisesDir, course.exercises[0].file)] });
    process.env.CONVKIT_SANDBOX_UID = String(uid);
    process.env.CONVKIT_SANDBOX_GID = String(uid);
  } else {
    warning =
      'UNPROTECTED: this autograder is not running as root with a "student" user, so the submission ran as the grader\'s own user and could read the answer key.\n';
    process.stderr.write(`convkit autograder: ${warning}`);
  }
  // Random tests also run fresh cases of this run, which the kit's recorded expected outputs do not hold.
  const report = await grade(
    course.exercises.map((exercise) => ({ exercise, file: join(prepared.exercisesDir, exercise.file) })),
    { concurrency: 1, freshSeed: randomInt(1, 2 ** 31) },
  );
  return { report, warning, prepared };
}

// Strict: a mistyped option in setup.sh or run_autograder fails loudly (with a results.json) instead of grading the wrong thing.
let canary = false;
try {
  canary = parseArgs({ options: { canary: { type: 'boolean', default: false } }, strict: true }).values.canary;
  const course = await loadCourse(graderRoot);
  const runtime = process.env.CONVKIT_SANDBOX_RUNTIME;
  if (!runtime) throw new Error('run: expected CONVKIT_SANDBOX_RUNTIME (the student runtime, set by run_autograder), got nothing');
  if (canary) {
    // setup.sh: the reference, graded like a submission; anything short of full marks fails the image build.
    const dir = join(autograder, 'canary');
    rmSync(dir, { recursive: true, force: true });
    const exercisesDir = join(graderRoot, 'exercises');
    writeCanary(exercisesDir, course.exercises, join(dir, 'submission'));
    const { report } = await gradeSubmission(course, runtime, join(dir, 'submission'), join(dir, 'work'));
    rmSync(dir, { recursive: true, force: true });
    assertCanary(report);
    process.stdout.write(`convkit autograder: canary passed, the reference got ${report.score}/${report.maxScore} graded like a submission\n`);
  } else {
    const { report, warning, prepared } = await gradeSubmission(course, runtime, join(autograder, 'submission'), join(autograder, 'work'));
    const hidden = new Set(course.exercises.filter((e) => !e.visibleTests).map((e) => e.id));
    const text = gradescopeReport(report, {
      visibility: (id) => (hidden.has(id) ? 'after_published' : 'visible'),
      note: `${warning}${prepared.note ? `${prepared.note}\n` : ''}`,
    });
    writeFileSync(resultsFile, text);
    process.stdout.write(`convkit autograder: graded ${course.exercises.length} exercises${warning ? ' (UNPROTECTED)' : ''}\n`);
  }
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  if (!canary)
    writeFileSync(
      resultsFile,
      `${JSON.stringify({ score: 0, output: `The autograder could not grade this submission (please tell your instructor): ${message}`, tests: [] }, null, 2)}\n`,
    );
  process.stderr.write(`convkit autograder: ${message}\n`);
  process.exitCode = 1;
}
