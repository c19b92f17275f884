/**
 * What class grading leaves in its output folder besides `reports/<student>.json`: `gradebook.csv`
 * (and, with a roster, `canvas.csv` and `moodle.csv`), `report.html` and `reports/<student>.html`.
 * Everything here is computed from the JSON reports and the submissions, so `--student NAME` can
 * regrade one student and rebuild it all for the class.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Exercise } from '@convkit/course-config/node';
import type { LatePolicy } from '@convkit/course-config';
import { canvasCsv, gradebookCsv, moodleCsv, type StudentReport } from './gradebook.ts';
import { gradeRows, type GradeRow } from './grades.ts';
import { readTimestampsFile, submissionTime, type SubmissionTime } from './late.ts';
import { readOverrides } from './overrides.ts';
import { classReportHtml, failedTests, MAX_LISTED, MAX_SIDE_BY_SIDE, median, outcomeCounts, studentReportHtml, type ClassReportData } from './report.ts';
import { matchRoster, readRoster, type RosterMatch } from './roster.ts';
import { comparePairs, type SimilarPair } from './similarity.ts';
import { exerciseSources, type Submission } from './submissions.ts';

export const DEFAULT_SIMILARITY_THRESHOLD = 0.6;

export interface ClassOutputOptions {
  outDir: string;
  title: string;
  exercises: ReadonlyArray<Exercise & { points: number }>;
  reports: readonly StudentReport[];
  /** Student → the file name of their reports (`reports/<file>.json`). */
  fileNames: ReadonlyMap<string, string>;
  /** The class's submissions (for submission times and similarity). */
  submissions: readonly Submission[];
  /** The kit's `exercises/` with the untouched stubs (the starter code similarity leaves out). */
  stubsDir: string;
  late?: LatePolicy;
  similarityThreshold?: number;
  rosterPath?: string;
  overridesPath?: string;
  timestampsPath?: string;
  /**
   * The course's `exercises/` holding the reference solutions (`<id>/.meta/solution.ts`): each joins
   * the similarity check as `(reference solution)`, since the public reference is what a student is
   * most likely to copy. The report (private to the instructor) then shows it next to the copy.
   */
  referenceDir?: string;
}

/** The name the reference solution has in the similarity check (no submission folder is named so). */
export const REFERENCE_NAME = '(reference solution)';

export interface ClassOutputs {
  rows: GradeRow[];
  roster: RosterMatch | null;
  flagged: SimilarPair[];
  gradebook: string;
}

const norm = (s: string): string =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9@.]/g, '');

type InputFiles = Pick<ClassOutputOptions, 'rosterPath' | 'overridesPath' | 'timestampsPath' | 'exercises'>;

/** Reads the roster, overrides and timestamps for `students`; throws naming the file and line of any problem. */
export function readClassInputs(o: InputFiles, students: readonly string[]) {
  const timestamps = o.timestampsPath ? readTimestampsFile(o.timestampsPath) : null;
  const roster = o.rosterPath ? matchRoster(students, readRoster(o.rosterPath)) : null;
  const resolveStudent = (cell: string): string | null => {
    if (students.includes(cell)) return cell;
    const k = norm(cell);
    const folder =
      students.find((s) => norm(s) === k) ??
      [...(roster?.byStudent ?? [])].find(([, e]) => [e.studentId, e.email, e.name].some((x) => x && norm(x) === k))?.[0];
    return folder ?? null;
  };
  const maxByExercise = o.exercises.map((e) => ({ id: e.id, maxScore: e.points }));
  const overrides = o.overridesPath ? readOverrides(o.overridesPath, maxByExercise, resolveStudent) : [];
  return { timestamps, roster, overrides };
}

export function writeClassOutputs(o: ClassOutputOptions): ClassOutputs {
  const { timestamps, roster, overrides } = readClassInputs(
    o,
    o.reports.map((r) => r.student),
  );
  const times = new Map<string, SubmissionTime>(o.submissions.map((s) => [s.student, submissionTime(s, timestamps)]));
  const rows = gradeRows(o.reports, o.exercises, { policy: o.late, times, overrides, roster: roster?.byStudent, missing: roster?.missing });

  const gradebook = gradebookCsv(rows, o.exercises, roster !== null);
  writeFileSync(join(o.outDir, 'gradebook.csv'), gradebook);
  if (roster) {
    writeFileSync(join(o.outDir, 'canvas.csv'), canvasCsv(rows, o.title));
    writeFileSync(join(o.outDir, 'moodle.csv'), moodleCsv(rows, o.title));
  }

  // Similarity: per exercise, the students' own versions of its file, the untouched ones left out.
  const threshold = o.similarityThreshold ?? DEFAULT_SIMILARITY_THRESHOLD;
  const sources = new Map<string, Map<string, string>>();
  for (const s of o.submissions) {
    try {
      sources.set(s.student, exerciseSources(s, o.exercises));
    } catch {
      /* an unreadable zip: its report already says so */
    }
  }
  if (o.referenceDir) {
    const reference = new Map<string, string>();
    for (const e of o.exercises) {
      try {
        reference.set(e.id, readFileSync(join(o.referenceDir, e.id, '.meta', 'solution.ts'), 'utf8'));
      } catch {
        /* no reference for this exercise */
      }
    }
    if (!sources.has(REFERENCE_NAME)) sources.set(REFERENCE_NAME, reference);
  }
  const all: ClassReportData['similarity']['all'] = [];
  const flagged: SimilarPair[] = [];
  o.exercises.forEach((e, ei) => {
    let starter: string | null = null;
    try {
      starter = readFileSync(join(o.stubsDir, e.file), 'utf8');
    } catch {
      /* no stub: nothing to leave out */
    }
    const files = [...sources]
      .filter(([, m]) => m.has(e.id) && m.get(e.id) !== starter)
      .map(([student, m]) => ({ student, path: e.file, source: m.get(e.id)! }));
    for (const p of comparePairs(e.id, files, starter, threshold, MAX_SIDE_BY_SIDE)) {
      all.push([ei, p.similarity]);
      if (p.similarity >= threshold) flagged.push(p);
    }
  });
  flagged.sort((a, b) => b.similarity - a.similarity || a.exercise.localeCompare(b.exercise));
  const listed = flagged.slice(0, MAX_LISTED).map((p, i) => (i < MAX_SIDE_BY_SIDE ? p : { ...p, regions: [] }));
  const shown: Record<string, string> = {};
  for (const p of listed.slice(0, MAX_SIDE_BY_SIDE)) {
    for (const who of [p.left, p.right]) shown[`${p.exercise}/${who}`] = sources.get(who)!.get(p.exercise)!;
  }

  const seconds = o.reports.map((r) => r.seconds).filter((s) => s > 0);
  const data: ClassReportData = {
    title: o.title,
    generatedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    exercises: o.exercises.map((e) => ({ id: e.id, title: e.title, points: e.points })),
    students: rows.map((r) => ({
      student: r.student,
      file: r.report ? (o.fileNames.get(r.student) ?? null) : null,
      name: r.roster?.name ?? '',
      studentId: r.roster?.studentId ?? '',
      scores: r.exercises.map((g) => ({
        id: g.id,
        score: g.score,
        max: g.maxScore,
        status: g.status,
        override: g.override?.points ?? null,
        reason: g.override?.reason ?? '',
      })),
      total: r.total,
      override: r.override,
      penalty: r.penalty,
      penaltyReason: r.penaltyReason,
      daysLate: r.late.days,
      final: r.final,
      max: r.maxScore,
      submittedAt: r.time.at === null ? null : new Date(r.time.at).toISOString().replace(/\.\d+Z$/, 'Z'),
      timeSource: r.time.source,
      seconds: r.report ? r.report.seconds : null,
      error: r.report?.error ?? null,
    })),
    failedTests: failedTests(o.reports),
    outcomes: outcomeCounts(o.reports),
    medianSeconds: median(seconds),
    totalSeconds: seconds.length ? seconds.reduce((a, b) => a + b, 0) : null,
    late: o.late ?? null,
    roster: {
      given: roster !== null,
      unmatchedFolders: roster?.unmatchedFolders ?? [],
      missing: (roster?.missing ?? []).map((e) => e.name || e.email || e.studentId),
    },
    similarity: { threshold, all, flagged: listed, more: flagged.length - listed.length, sources: shown },
  };
  writeFileSync(join(o.outDir, 'report.html'), classReportHtml(data));
  for (const r of rows) {
    const file = o.fileNames.get(r.student);
    if (r.report && file) writeFileSync(join(o.outDir, 'reports', `${file}.html`), studentReportHtml(r, o.title));
  }
  return { rows, roster, flagged, gradebook };
}
