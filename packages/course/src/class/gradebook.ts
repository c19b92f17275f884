/** A class's results: one report per student, and the CSV gradebook built from them. */
import { totals, type ExerciseResult, type GradeReport } from '@convkit/grader/report';
import type { CourseExerciseResolved } from '@convkit/course-config/node';
import type { GradeRow } from './grades.ts';

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
export function failureReport(
  student: string,
  exercises: readonly CourseExerciseResolved[],
  reason: string,
  submitted: string[],
  finished: readonly ExerciseResult[] = [],
): StudentReport {
  const status = /did not finish within/.test(reason) ? 'timeout' : 'error';
  const results = exercises.map(
    (e): ExerciseResult =>
      finished.find((r) => r.id === e.id) ?? {
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

const csv = (rows: ReadonlyArray<ReadonlyArray<string | number>>): string => `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;

const iso = (ms: number | null): string => (ms === null ? '' : new Date(ms).toISOString().replace(/\.000Z$/, 'Z'));

/**
 * The full gradebook, one row per student: with a roster their name, student id and email; per
 * exercise its score (the grader's) and status (passed, failed, not-started, timeout, error, missing);
 * then total, late penalty (points), override (points the overrides add), final, max; when and how
 * the submission time was known, the days late, and why grading failed.
 */
export function gradebookCsv(rows: readonly GradeRow[], exercises: readonly { id: string }[], withRoster = rows.some((r) => r.roster !== null)): string {
  const header = [
    'student',
    ...(withRoster ? ['name', 'student id', 'email'] : []),
    ...exercises.flatMap((e) => [e.id, `${e.id} status`]),
    'total',
    'late penalty',
    'override',
    'final',
    'max',
    'submitted at',
    'time source',
    'days late',
    'error',
  ];
  const body = rows.map((r) => [
    r.student,
    ...(withRoster ? [r.roster?.name ?? '', r.roster?.studentId ?? '', r.roster?.email ?? ''] : []),
    ...r.exercises.flatMap((e) => [e.score, e.status]),
    r.total,
    r.penalty,
    r.override,
    r.final,
    r.maxScore,
    iso(r.time.at),
    r.time.source,
    r.late.days,
    r.report?.error ?? (r.report ? '' : 'no submission'),
  ]);
  return csv([header, ...body]);
}

/**
 * Canvas's gradebook import (Grades → Import): `Student, ID, SIS User ID, SIS Login ID, Section`, then
 * one column per assignment, named as the assignment (a new name makes a new assignment). Students
 * are matched on SIS User ID (the roster's student id); ID (Canvas's internal one) stays empty.
 */
export function canvasCsv(rows: readonly GradeRow[], assignment: string): string {
  const header = ['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section', assignment];
  const body = rows.filter((r) => r.roster).map((r) => [r.roster!.name, '', r.roster!.studentId, r.roster!.email, r.roster!.section, r.final]);
  return csv([header, ...body]);
}

/**
 * Moodle's grade import (Grades → Import → CSV file): the column names of Moodle's own export; map
 * from "Email address" to the user's email address (or "ID number" to the ID number), and the grade
 * column to the grade item.
 */
export function moodleCsv(rows: readonly GradeRow[], assignment: string): string {
  const split = (name: string): [string, string] => {
    const at = name.trim().lastIndexOf(' ');
    return at < 0 ? [name.trim(), ''] : [name.slice(0, at).trim(), name.slice(at + 1)];
  };
  const header = ['First name', 'Last name', 'ID number', 'Email address', assignment];
  const body = rows.filter((r) => r.roster).map((r) => [...split(r.roster!.name), r.roster!.studentId, r.roster!.email, r.final]);
  return csv([header, ...body]);
}
