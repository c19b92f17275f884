/** A class's results: one report per student, and the CSV gradebook built from them. */
import { totals, type ExerciseResult, type GradeReport } from '../../../grader/src/report.ts';
import type { CourseExerciseResolved } from '../load.ts';

/** One student's grade report: the grader's report plus who, what they submitted, and how grading went. */
export interface StudentReport extends GradeReport {
  student: string;
  /** Exercise ids the submission had a folder for. */
  submitted: string[];
  /** Why the submission could not be graded (a timeout, an unreadable zip, …), or null. */
  error: string | null;
  seconds: number;
  /** Whether student code ran as a separate user on the answer-free runtime, out of the answer key's reach. */
  protected?: boolean;
  /** When the submission held no exercise file: what was expected and what came. */
  note?: string | null;
}

/**
 * The report of a student whose grading stopped before the end: the exercises finished before that
 * keep their results, every other one scores 0 with the reason.
 */
export function failureReport(student: string, exercises: readonly CourseExerciseResolved[], reason: string, submitted: string[], finished: readonly ExerciseResult[] = []): StudentReport {
  const status = /did not finish within/.test(reason) ? 'timeout' : 'error';
  const results = exercises.map(
    (e): ExerciseResult => finished.find((r) => r.id === e.id) ?? {
      id: e.id,
      title: e.title,
      score: 0,
      maxScore: e.points,
      status,
      tests: [{ name: 'grading', status, score: 0, maxScore: e.points, message: reason }],
    },
  );
  return { student, submitted, error: reason, seconds: 0, ...totals(results) };
}

/**
 * A CSV cell (RFC 4180 quoting). A student-chosen name that starts like a formula (`=`, `+`, `-`, `@`)
 * gets a leading `'` so a spreadsheet shows it instead of running it.
 */
export function csvCell(value: string | number): string {
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** `student,<exercise ids…>,total,max,error`: one row per student, scores as numbers. */
export function gradebookCsv(reports: readonly StudentReport[], exercises: readonly CourseExerciseResolved[]): string {
  const header = ['student', ...exercises.map((e) => e.id), 'total', 'max', 'error'];
  const rows = reports.map((r) => {
    const byId = new Map(r.exercises.map((e) => [e.id, e.score]));
    return [r.student, ...exercises.map((e) => byId.get(e.id) ?? 0), r.score, r.maxScore, r.error ?? ''];
  });
  return `${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
