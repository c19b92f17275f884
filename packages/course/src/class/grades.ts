/**
 * A class's final grades: each student's graded scores, with the instructor's overrides and the late
 * penalty applied, joined to the roster. The gradebook CSVs and the class report are drawn from these.
 *
 *   final = total + override − penalty,   penalty = lateness fraction × (total + override)
 *
 * (an `late` override replaces the penalty's points).
 */
import { round2, type Status } from '@convkit/grader/report';
import type { LatePolicy } from '@convkit/course-config';
import type { StudentReport } from './gradebook.ts';
import { lateness, type Lateness, type SubmissionTime } from './late.ts';
import type { Override } from './overrides.ts';
import type { RosterEntry } from './roster.ts';

export interface ExerciseGrade {
  id: string;
  /** The grader's score. */
  score: number;
  maxScore: number;
  /** The grader's status, or `missing` for a roster student without a submission. */
  status: Status | 'missing';
  /** The instructor's score and why, when overridden. */
  override: { points: number; reason: string } | null;
}

export interface GradeRow {
  /** The submission's folder name (the roster name for a student who submitted nothing). */
  student: string;
  roster: RosterEntry | null;
  report: StudentReport | null;
  exercises: ExerciseGrade[];
  /** The grader's total. */
  total: number;
  maxScore: number;
  /** Points the overrides add (negative when they take off). */
  override: number;
  time: SubmissionTime;
  late: Lateness;
  /** Points taken off for lateness. */
  penalty: number;
  /** Why the penalty is what it is when an override set it. */
  penaltyReason: string | null;
  final: number;
}

export interface GradeInputs {
  policy?: LatePolicy;
  times?: ReadonlyMap<string, SubmissionTime>;
  overrides?: readonly Override[];
  roster?: ReadonlyMap<string, RosterEntry>;
  /** Roster students without a submission: a row each, scoring 0. */
  missing?: readonly RosterEntry[];
}

const UNKNOWN: SubmissionTime = { at: null, source: 'unknown' };

export function gradeRows(reports: readonly StudentReport[], exercises: readonly { id: string; points: number }[], inputs: GradeInputs = {}): GradeRow[] {
  const maxScore = round2(exercises.reduce((s, e) => s + e.points, 0));
  const rows = reports.map((report): GradeRow => {
    const mine = (inputs.overrides ?? []).filter((o) => o.student === report.student);
    const grades = exercises.map((e): ExerciseGrade => {
      const r = report.exercises.find((x) => x.id === e.id);
      const o = mine.filter((x) => x.exercise === e.id).at(-1); // the last line for an exercise wins
      return { id: e.id, score: r?.score ?? 0, maxScore: e.points, status: r?.status ?? 'error', override: o ? { points: o.points, reason: o.reason } : null };
    });
    const total = round2(grades.reduce((s, g) => s + g.score, 0));
    const override = round2(grades.reduce((s, g) => s + (g.override ? g.override.points - g.score : 0), 0));
    const time = inputs.times?.get(report.student) ?? UNKNOWN;
    const late = lateness(inputs.policy, time.at);
    const lateOverride = mine.filter((o) => o.exercise === 'late').at(-1);
    const penalty = lateOverride ? lateOverride.points : round2(late.fraction * (total + override));
    return {
      student: report.student,
      roster: inputs.roster?.get(report.student) ?? null,
      report,
      exercises: grades,
      total,
      maxScore,
      override,
      time,
      late,
      penalty,
      penaltyReason: lateOverride ? lateOverride.reason || 'set by an override' : null,
      final: round2(Math.max(0, total + override - penalty)),
    };
  });
  for (const e of inputs.missing ?? []) {
    rows.push({
      student: e.name || e.email || e.studentId,
      roster: e,
      report: null,
      exercises: exercises.map((x) => ({ id: x.id, score: 0, maxScore: x.points, status: 'missing', override: null })),
      total: 0,
      maxScore,
      override: 0,
      time: UNKNOWN,
      late: { lateMs: 0, days: 0, fraction: 0 },
      penalty: 0,
      penaltyReason: null,
      final: 0,
    });
  }
  return rows;
}
