/**
 * `pnpm grade --submissions DIR`: grades a whole class. Every student's folder or zip is laid out in
 * its own work folder and graded by its own runner process (runner.ts), as many at once as there are
 * cores; each runner has a wall-clock budget, after which it and everything it started are killed and
 * the student gets an error report. One broken, hanging or hostile submission therefore costs at most
 * its own budget and never changes another student's result. Writes `reports/<student>.json`, then
 * the gradebook, the class report and the students' pages from them (outputs.ts). With `student`, only
 * that submission is graded, into the existing reports of the others.
 */
import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExerciseResult, GradeReport } from '@convkit/grader';
import type { CourseExerciseResolved } from '@convkit/course-config/node';
import { failureReport, type StudentReport } from './gradebook.ts';
import type { LatePolicy } from '@convkit/course-config';
import { writeClassOutputs, type ClassOutputs } from './outputs.ts';
import { detectIsolation } from './isolation.ts';
import { assertCanary, writeCanary } from './canary.ts';
import { assertProtected, keyPaths } from './protection.ts';
import { runtimeFiles } from './runtime.ts';
import type { RunnerInput, RunnerMessage } from './runner.ts';
import { findSubmissions, prepareSubmission, safeFileName, type Submission } from './submissions.ts';

export interface ClassOptions {
  submissionsDir: string;
  outDir: string;
  /** The kit's `exercises/` (trusted files, stubs, node_modules). */
  repoExercisesDir: string;
  exercises: readonly CourseExerciseResolved[];
  /** Students graded at once; the number of cores by default. */
  concurrency?: number;
  /**
   * Wall-clock budget of one student's grading, a safety net behind the grader's own limits per call;
   * by default 2 minutes plus every exercise's time limit three times. Exercises finished in time keep
   * their scores when it runs out.
   */
  studentTimeoutMs?: number;
  /** Separate user ids, process and file-size limits, no network (when root); true by default. */
  isolate?: boolean;
  /**
   * The student runtime (a built, installed student kit, see runtime.ts): student code then runs on
   * its answer-free engine, and its `exercises/` replaces `repoExercisesDir` for the trusted files.
   */
  runtimeDir?: string;
  /** The course repository holding the answer key: with separate users, a probe checks they cannot read it. */
  keyRoot?: string;
  /**
   * The `exercises/` holding the reference solutions (`<id>/.meta/solution.ts`): when given, they are
   * graded first like a student's work (canary.ts), and nothing is graded unless they get full marks.
   */
  canaryFrom?: string;
  /** Seed of the random tests' fresh cases (random per run by default; see SpecContext.freshSeed). */
  freshSeed?: number;
  /** Called when the canary starts and when it passed. */
  onCanary?: (phase: 'start' | 'passed', seconds: number) => void;
  onProgress?: (done: number, total: number, report: StudentReport) => void;
  /** Regrade only this submission (its folder or zip name) into the existing reports in `outDir`. */
  student?: string;
  /** The course's title (the report's heading, the Canvas and Moodle column); `'convkit course'` by default. */
  title?: string;
  /** The deadline and late penalty (course.config.ts `late`). */
  late?: LatePolicy;
  /** Similar pairs listed from this similarity on (course.config.ts `similarity.threshold`). */
  similarityThreshold?: number;
  /** `--roster`: name, student id, email per student. */
  rosterPath?: string;
  /** `--overrides`: student, exercise, points, reason. */
  overridesPath?: string;
  /** `--timestamps`: a CSV of submission times (Gradescope's export). */
  timestampsPath?: string;
}

export interface ClassResult {
  /** Every student's report in the gradebook (with `student`, the others' from their existing files). */
  reports: StudentReport[];
  seconds: number;
  gradebook: string;
  outputs: ClassOutputs;
  /** With `student`: submissions with no report from an earlier run, so not in the gradebook (grade the class again to add them). */
  ungraded: string[];
}

/** No such submission to regrade, or no gradebook to regrade it into. */
export class StudentNotFoundError extends Error {
  override name = 'StudentNotFoundError';
}

const runnerScript = join(import.meta.dirname, 'runner.ts');
const tsxLoader = import.meta.resolve('tsx');

/** What one runner produced: its report, or why there is none and the exercises it finished before that. */
type Outcome = GradeReport | { failure: string; finished: ExerciseResult[] };

function runStudent(
  input: RunnerInput,
  uid: number | null,
  timeoutMs: number,
  wrap: (c: string, a: string[]) => [string, string[]],
  runtimeDir?: string,
): Promise<Outcome> {
  return new Promise((settle) => {
    const [cmd, args] = wrap(process.execPath, ['--import', tsxLoader, '--no-warnings', runnerScript, JSON.stringify(input)]);
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    if (uid !== null) Object.assign(env, { CONVKIT_SANDBOX_UID: String(uid), CONVKIT_SANDBOX_GID: String(uid) });
    if (runtimeDir) env.CONVKIT_SANDBOX_RUNTIME = runtimeDir;
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], detached: true, env });
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => {
      if (stderr.length < 4000) stderr += c.toString('utf8');
    });
    let result: GradeReport | string | null = null;
    const finished: ExerciseResult[] = [];
    const killGroup = (): void => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* gone already */
      }
    };
    const timer = setTimeout(() => {
      result = `grading did not finish within ${Math.round(timeoutMs / 1000)} s and was stopped`;
      killGroup();
    }, timeoutMs);
    child.on('message', (m: RunnerMessage) => {
      if (result !== null) return; // nothing counts after the report (or the timeout)
      if (m.type === 'exercise') finished.push(m.result);
      else result = m.type === 'report' ? m.report : `the grader failed: ${m.message}`;
    });
    child.on('error', (e) => {
      result ??= `could not start the grader: ${e.message}`;
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      killGroup(); // sandboxes left behind
      const failure = result ?? `the grader process ended (${signal ?? `exit code ${code}`}) without a report${stderr ? `: ${stderr.trim().slice(-500)}` : ''}`;
      settle(typeof failure === 'string' ? { failure, finished } : failure);
    });
  });
}

export async function gradeClass(options: ClassOptions): Promise<ClassResult> {
  const started = performance.now();
  const submissions = findSubmissions(options.submissionsDir);
  const exercises = [...options.exercises];
  const concurrency = Math.max(1, options.concurrency ?? availableParallelism());
  const timeoutMs = options.studentTimeoutMs ?? 120_000 + 3 * exercises.reduce((s, e) => s + e.timeLimitMs, 0);
  const isolation = detectIsolation(options.isolate ?? true, options.runtimeDir ? runtimeFiles(options.runtimeDir) : undefined);
  const reportsDir = join(options.outDir, 'reports');
  // Created private (0700): student code must not read the class's gradebook and reports (the probe checks).
  mkdirSync(reportsDir, { recursive: true, mode: 0o700 });
  const workRoot = mkdtempSync(join(tmpdir(), 'convkit-class-'));
  chmodSync(workRoot, 0o711); // each student's folder inside is private to its slot's user
  // One seed per class run for the random tests' fresh cases: every student meets the same ones.
  const freshSeed = options.freshSeed ?? randomInt(1, 2 ** 31);
  const trustedDir = options.runtimeDir ? join(options.runtimeDir, 'exercises') : options.repoExercisesDir;
  const firstUid = isolation.uidFor(0);
  if (firstUid !== null && options.runtimeDir) {
    // Before any student code runs: the key, the class's work and results out of reach; the runtime within it.
    try {
      assertProtected(firstUid, firstUid, {
        secret: [...(options.keyRoot ? keyPaths(options.keyRoot) : []), options.submissionsDir, options.outDir],
        needed: [...runtimeFiles(options.runtimeDir), workRoot],
      });
    } catch (error) {
      rmSync(workRoot, { recursive: true, force: true });
      throw error;
    }
  }

  const reports: StudentReport[] = new Array(submissions.length);
  const usedNames = new Set<string>();
  const fileNames = submissions.map((s) => {
    let name = safeFileName(s.student);
    while (usedNames.has(name)) name = `${name}_`;
    usedNames.add(name);
    return name;
  });
  // Which submissions to grade: all, or the one `student` names (the others keep their reports).
  let todo = submissions.map((_, i) => i);
  if (options.student !== undefined) {
    const i = submissions.findIndex((s) => s.student === options.student);
    if (i < 0) {
      rmSync(workRoot, { recursive: true, force: true });
      throw new StudentNotFoundError(
        `--student: expected one of the submissions in ${options.submissionsDir} (${submissions.map((s) => s.student).join(', ') || 'none'}), got ${JSON.stringify(options.student)}`,
      );
    }
    const existing = submissions.map((_, k) => join(reportsDir, `${fileNames[k]}.json`));
    if (!existing.some((f, k) => k !== i && existsSync(f)) && submissions.length > 1) {
      rmSync(workRoot, { recursive: true, force: true });
      throw new StudentNotFoundError(
        `--student: expected an existing gradebook in ${options.outDir} (reports/*.json) to regrade ${options.student} into; grade the class first`,
      );
    }
    existing.forEach((f, k) => {
      if (k !== i && existsSync(f)) reports[k] = JSON.parse(readFileSync(f, 'utf8')) as StudentReport;
    });
    todo = [i];
  }
  let next = 0;
  let done = 0;

  const gradeOne = async (sub: Submission, workName: string, slot: number): Promise<StudentReport> => {
    const uid = isolation.uidFor(slot);
    const workDir = join(workRoot, workName);
    let prepared;
    try {
      prepared = prepareSubmission(sub, workDir, trustedDir, exercises);
    } catch (error) {
      return failureReport(sub.student, exercises, `could not read the submission: ${error instanceof Error ? error.message : String(error)}`, []);
    }
    isolation.handOver(workDir, uid);
    const t0 = performance.now();
    const outcome = await runStudent({ exercisesDir: prepared.exercisesDir, exercises, freshSeed }, uid, timeoutMs, isolation.wrap, options.runtimeDir);
    isolation.clear(uid);
    rmSync(workDir, { recursive: true, force: true });
    const seconds = (performance.now() - t0) / 1000;
    const protection = { protected: uid !== null && options.runtimeDir !== undefined };
    if ('failure' in outcome)
      return { ...failureReport(sub.student, exercises, outcome.failure, prepared.submitted, outcome.finished), seconds, ...protection };
    return { student: sub.student, submitted: prepared.submitted, seconds, error: null, note: prepared.note, ...protection, ...outcome };
  };

  if (options.canaryFrom) {
    // The reference, graded first exactly like a student's work: a broken environment stops here.
    options.onCanary?.('start', 0);
    const c0 = performance.now();
    const canaryDir = mkdtempSync(join(tmpdir(), 'convkit-canary-'));
    try {
      const canary = writeCanary(options.canaryFrom, exercises, canaryDir);
      assertCanary(await gradeOne(canary, '.canary', 0));
    } catch (error) {
      rmSync(workRoot, { recursive: true, force: true });
      throw error;
    } finally {
      rmSync(canaryDir, { recursive: true, force: true });
    }
    options.onCanary?.('passed', (performance.now() - c0) / 1000);
  }

  const slotWorker = async (slot: number): Promise<void> => {
    while (next < todo.length) {
      const i = todo[next++];
      const report = await gradeOne(submissions[i], fileNames[i], slot);
      reports[i] = report;
      writeFileSync(join(reportsDir, `${fileNames[i]}.json`), `${JSON.stringify(report, null, 2)}\n`);
      options.onProgress?.(++done, todo.length, report);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, todo.length) }, (_, slot) => slotWorker(slot)));
  rmSync(workRoot, { recursive: true, force: true });

  const graded = submissions.map((s, i) => ({ s, i })).filter(({ i }) => reports[i] !== undefined);
  const outputs = writeClassOutputs({
    outDir: options.outDir,
    title: options.title ?? 'convkit course',
    exercises,
    reports: graded.map(({ i }) => reports[i]),
    fileNames: new Map(graded.map(({ s, i }) => [s.student, fileNames[i]])),
    submissions,
    stubsDir: trustedDir,
    late: options.late,
    similarityThreshold: options.similarityThreshold,
    rosterPath: options.rosterPath,
    overridesPath: options.overridesPath,
    timestampsPath: options.timestampsPath,
    referenceDir: options.canaryFrom,
  });
  const ungraded = submissions.filter((_, i) => reports[i] === undefined).map((s) => s.student);
  return { reports: graded.map(({ i }) => reports[i]), seconds: (performance.now() - started) / 1000, gradebook: outputs.gradebook, outputs, ungraded };
}
