/**
 * `overrides.csv`: an instructor's corrections, applied after grading and shown in the gradebook and
 * the report. Columns `student`, `exercise`, `points`, `reason`: the exercise's score becomes `points`.
 * `exercise` is an id (`02-conv-forward`), its number (`02`) or its slug (`conv-forward`); `late`
 * sets the late penalty in points instead (0 waives it, for an extension). `student` is the
 * submission's folder name, or the roster's student id, email or name.
 */
import { readFileSync } from 'node:fs';
import { readTable } from './csv.ts';

export interface Override {
  student: string;
  /** An exercise id, or `late`. */
  exercise: string;
  points: number;
  reason: string;
  line: number;
}

interface ExerciseRef {
  id: string;
  maxScore: number;
}

/** Resolves an exercise column value to an id, or null. */
function exerciseId(value: string, exercises: readonly ExerciseRef[]): string | null {
  const v = value.trim().toLowerCase();
  if (v === 'late') return 'late';
  const e = exercises.find((x) => x.id === v || x.id.slice(0, 2) === v.padStart(2, '0') || x.id.slice(3) === v);
  return e?.id ?? null;
}

/**
 * Reads overrides; every problem (unknown student or exercise, points that are not a number in
 * 0..max) is an error naming the file, line and value. `resolveStudent` maps the CSV's student column
 * to a submission folder name (null when none matches).
 */
export function parseOverrides(text: string, file: string, exercises: readonly ExerciseRef[], resolveStudent: (s: string) => string | null): Override[] {
  const table = readTable(text, file);
  for (const col of ['student', 'exercise', 'points']) {
    if (!table.column(col)) throw new Error(`${file}: expected the columns student, exercise, points, reason; got ${table.headers.join(', ')} (no "${col}")`);
  }
  const problems: string[] = [];
  const overrides: Override[] = [];
  for (const row of table.rows) {
    const at = `${file}: line ${row.line}`;
    const studentCell = row.get('student');
    const student = resolveStudent(studentCell);
    const exercise = exerciseId(row.get('exercise'), exercises);
    const pointsCell = row.get('points');
    const points = Number(pointsCell);
    if (student === null) problems.push(`${at}: student: expected a submission folder or a roster id, email or name, got ${JSON.stringify(studentCell)}`);
    if (exercise === null)
      problems.push(`${at}: exercise: expected one of ${exercises.map((e) => e.id).join(', ')} or late, got ${JSON.stringify(row.get('exercise'))}`);
    const max = exercise === 'late' ? Infinity : (exercises.find((e) => e.id === exercise)?.maxScore ?? Infinity);
    if (pointsCell === '' || !Number.isFinite(points) || points < 0 || points > max) {
      problems.push(`${at}: points: expected a number from 0 to ${max === Infinity ? 'the total' : max}, got ${JSON.stringify(pointsCell)}`);
    }
    if (student !== null && exercise !== null) overrides.push({ student, exercise, points, reason: row.get('reason'), line: row.line });
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return overrides;
}

export function readOverrides(path: string, exercises: readonly ExerciseRef[], resolveStudent: (s: string) => string | null): Override[] {
  return parseOverrides(readFileSync(path, 'utf8'), path, exercises, resolveStudent);
}
