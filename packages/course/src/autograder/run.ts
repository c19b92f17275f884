/**
 * Gradescope's `run_autograder`, in TypeScript: grades `/autograder/submission` with the course's
 * exercises and writes `/autograder/results/results.json` in Gradescope's format
 * (https://gradescope-autograders.readthedocs.io/en/latest/specs/). Runs as root there; the student's
 * code runs as the unprivileged user named by CONVKIT_STUDENT_USER (the grader's sandbox switches to
 * it). `AUTOGRADER_ROOT` replaces `/autograder`, to test the whole thing in a temporary folder.
 * Whatever happens, a results.json is written: a failure of the autograder itself scores 0 and says why.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { grade } from '../../../grader/src/run.ts';
import { gradescopeReport } from '../../../grader/src/reporters/gradescope.ts';
import { loadCourse } from '../load.ts';
import { prepareSubmission } from '../class/submissions.ts';
import { detectIsolation, kitReadableBy } from '../class/isolation.ts';

const autograder = resolve(process.env.AUTOGRADER_ROOT ?? '/autograder');
const kitRoot = resolve(import.meta.dirname, '..', '..', '..', '..');
const resultsFile = join(autograder, 'results', 'results.json');
mkdirSync(join(autograder, 'results'), { recursive: true });

/** The uid of the user that runs student code, or null (not root, no such user, or the kit out of its reach). */
function studentUid(): number | null {
  if (process.getuid?.() !== 0) return null;
  const r = spawnSync('id', ['-u', process.env.CONVKIT_STUDENT_USER ?? 'student'], { encoding: 'utf8' });
  if (r.status !== 0) return null;
  const uid = Number(r.stdout.trim());
  // A kit this user cannot read would fail every test: grade as root then rather than grade nothing.
  return kitReadableBy(uid) ? uid : null;
}

try {
  const course = await loadCourse(kitRoot);
  const workDir = join(autograder, 'work');
  const prepared = prepareSubmission(
    { student: 'submission', path: join(autograder, 'submission'), kind: 'folder' },
    workDir,
    join(kitRoot, 'exercises'),
    course.exercises,
  );
  const uid = studentUid();
  if (uid !== null) {
    detectIsolation().handOver(workDir, uid);
    process.env.CONVKIT_SANDBOX_UID = String(uid);
    process.env.CONVKIT_SANDBOX_GID = String(uid);
  }
  const report = await grade(course.exercises.map((exercise) => ({ exercise, file: join(prepared.exercisesDir, exercise.file) })), { concurrency: 1 });
  const hidden = new Set(course.exercises.filter((e) => !e.visibleTests).map((e) => e.id));
  writeFileSync(resultsFile, gradescopeReport(report, { visibility: (id) => (hidden.has(id) ? 'after_published' : 'visible') }));
  process.stdout.write(`convkit autograder: ${report.score}/${report.maxScore}\n`);
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  writeFileSync(resultsFile, `${JSON.stringify({ score: 0, output: `The autograder could not grade this submission: ${message}`, tests: [] }, null, 2)}\n`);
  process.stderr.write(`convkit autograder: ${message}\n`);
}
