/**
 * The command line of class grading, behind `pnpm grade --submissions DIR [--out DIR]` (and
 * `pnpm course grade-class`). Shows one progress line per student as they finish, then the totals.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { canRedraw } from '@convkit/engine/node';
import { findExercise } from '@convkit/course-config/node';
import { UsageError } from '@convkit/engine/node';
import { loadCourse } from '@convkit/course-config/node';
import { gradeClass, StudentNotFoundError } from './grade-class.ts';
import { CanaryError } from './canary.ts';
import { ProtectionError } from './protection.ts';
import { prepareRuntime } from './runtime.ts';

export interface ClassCliOptions {
  submissions: string;
  /** Where gradebook.csv and reports/ go (`<submissions>-grades` by default). */
  out?: string;
  concurrency?: number;
  /** Exercise ids, numbers or slugs to leave out (`capstone`). */
  skip?: readonly string[];
  /** Only these exercises (ids, numbers or slugs). */
  only?: readonly string[];
  studentTimeoutMs?: number;
  root: string;
  cwd?: string;
  /** `--roster`: name, student id, email per student. */
  roster?: string;
  /** `--overrides`: student, exercise, points, reason. */
  overrides?: string;
  /** `--timestamps`: submission times (Gradescope's export). */
  timestamps?: string;
  /** `--student`: regrade only this submission into the existing gradebook. */
  student?: string;
}

const matches = (id: string, query: string): boolean => findExercise(query)?.id === id;

/** Grades the class and prints progress; returns the exit code (0 when every student was graded). */
export async function gradeSubmissionsCli(options: ClassCliOptions): Promise<number> {
  const cwd = options.cwd ?? process.env.INIT_CWD ?? process.cwd();
  const submissionsDir = resolve(cwd, options.submissions);
  const outDir = resolve(cwd, options.out ?? `${options.submissions.replace(/\/+$/, '')}-grades`);
  if (!existsSync(submissionsDir)) throw new UsageError(`--submissions: expected a folder of students' folders or zips, got no such folder ${submissionsDir}`);
  const file = (flag: string, path: string | undefined): string | undefined => {
    if (path === undefined) return undefined;
    const full = resolve(cwd, path);
    if (!existsSync(full)) throw new UsageError(`${flag}: expected a CSV file, got no such file ${full}`);
    return full;
  };
  const rosterPath = file('--roster', options.roster);
  const overridesPath = file('--overrides', options.overrides);
  const timestampsPath = file('--timestamps', options.timestamps);
  const course = await loadCourse(options.root);
  const exercises = course.exercises.filter(
    (e) => (!options.only?.length || options.only.some((q) => matches(e.id, q))) && !options.skip?.some((q) => matches(e.id, q)),
  );
  const concurrency = options.concurrency ?? availableParallelism();
  const live = canRedraw(process.stderr); // the kit's terminal rules: a TTY, and not TERM=dumb
  process.stderr.write(`convkit class grading: ${submissionsDir}, ${exercises.length} exercises, ${concurrency} at a time\n`);
  // Student code runs on the course's answer-free student kit, built and installed for this run.
  process.stderr.write('building the student runtime (the answer-free student kit)…\n');
  const runtimeDir = mkdtempSync(join(tmpdir(), 'convkit-runtime-'));
  await prepareRuntime(course, runtimeDir);
  let t0 = performance.now();
  let result;
  try {
    result = await gradeClass({
      submissionsDir,
      outDir,
      repoExercisesDir: join(options.root, 'exercises'),
      runtimeDir,
      keyRoot: options.root,
      canaryFrom: join(options.root, 'exercises'),
      onCanary(phase, seconds) {
        t0 = performance.now();
        process.stderr.write(
          phase === 'start'
            ? "grading the reference solutions first, like a student's work (the canary)…\n"
            : `canary: full marks in ${seconds.toFixed(1)} s; grading the class\n`,
        );
      },
      exercises,
      concurrency,
      studentTimeoutMs: options.studentTimeoutMs,
      student: options.student,
      title: course.config.title,
      late: course.config.late,
      similarityThreshold: course.config.similarity?.threshold,
      rosterPath,
      overridesPath,
      timestampsPath,
      onProgress(done, total, r) {
        const elapsed = (performance.now() - t0) / 1000;
        const eta = (elapsed / done) * (total - done);
        const note = r.error ? `  ${r.error.split('\n')[0].slice(0, 80)}` : '';
        const line = `[${String(done).padStart(String(total).length)}/${total}] ${r.student}: ${r.score}/${r.maxScore} (${r.seconds.toFixed(1)} s)${note}  · ${elapsed.toFixed(0)} s elapsed, ~${eta.toFixed(0)} s left`;
        process.stderr.write(live ? `\r\x1b[K${line}\n` : `${line}\n`);
      },
    });
  } catch (error) {
    if (error instanceof StudentNotFoundError) throw new UsageError(error.message);
    if (error instanceof ProtectionError || error instanceof CanaryError) {
      process.stderr.write(`pnpm grade --submissions: ${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    rmSync(runtimeDir, { recursive: true, force: true });
  }
  if (result.reports.some((r) => !r.protected)) {
    process.stderr.write(
      '\nUNPROTECTED: student code ran as this user (not root, or no separate users here), so it could read the answer key\n' +
        'and the other submissions. Every report says "protected": false. Grade as root on Linux for marks you can trust.\n\n',
    );
  }
  const n = result.reports.length;
  const failed = result.reports.filter((r) => r.error !== null).length;
  const { roster, flagged, rows } = result.outputs;
  const lines = [
    options.student !== undefined
      ? `regraded ${options.student} in ${result.seconds.toFixed(1)} s; the gradebook and report now hold ${n} submissions`
      : `graded ${n} submission${n === 1 ? '' : 's'} in ${result.seconds.toFixed(1)} s (${(n / result.seconds).toFixed(2)} per second, ${((60 * n) / result.seconds).toFixed(0)} per minute)` +
        `${failed ? `; ${failed} could not be graded fully (see their reports)` : ''}`,
  ];
  if (result.ungraded.length > 0)
    lines.push(`not in the gradebook (no report from an earlier run; grade the class again to add them): ${result.ungraded.join(', ')}`);
  const late = rows.filter((r) => r.penalty > 0).length;
  const overridden = rows.filter((r) => r.override !== 0 || r.penaltyReason !== null).length;
  if (course.config.late)
    lines.push(
      `late: ${late} penalised (deadline ${course.config.late.deadline}; times from ${[...new Set(rows.filter((r) => r.report).map((r) => r.time.source))].join(', ') || 'none'})`,
    );
  if (overridesPath) lines.push(`overrides: applied to ${overridden} student${overridden === 1 ? '' : 's'}`);
  if (roster) {
    lines.push(
      `roster: ${roster.byStudent.size} matched` +
        `${roster.unmatchedFolders.length ? `; NOT on the roster: ${roster.unmatchedFolders.join(', ')}` : ''}` +
        `${roster.missing.length ? `; on the roster without a submission: ${roster.missing.map((e) => e.name || e.email || e.studentId).join(', ')}` : ''}`,
    );
  }
  const top = [...flagged].sort((a, b) => b.similarity - a.similarity).slice(0, 5);
  lines.push(
    `similar pairs: ${top.length ? `${top.map((p) => `${p.left} ↔ ${p.right} (${p.exercise}, ${Math.round(p.similarity * 100)}%)`).join('; ')}${flagged.length > 5 ? `; ${flagged.length - 5} more in report.html` : ''}` : 'none above the threshold'}`,
  );
  lines.push(
    `gradebook: ${join(outDir, 'gradebook.csv')}${roster ? ` (+ canvas.csv, moodle.csv)` : ''}`,
    `report:    ${join(outDir, 'report.html')}`,
    `reports:   ${join(outDir, 'reports')}/`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
  const notGraded = result.reports.filter((r) => r.error !== null && !/did not finish within/.test(r.error)).length;
  // Every student failing for a reason other than their own code is an environment problem: say so with the exit code.
  return n > 0 && notGraded === n ? 1 : 0;
}
