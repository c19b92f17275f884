/**
 * A lookup-table cheat for exercise 01, as a student would write it from the kit's
 * `packages/grader/expected/01-output-size.json`: every recorded call's arguments mapped to the
 * recorded answer (or to a throw), with no formula at all. It passes whatever the kit grades.
 */
import type { RecordedExercise } from '../record/format.ts';

export function lookupCheatSource(recorded: RecordedExercise): string {
  const table: Record<string, number | 'throw'> = {};
  for (const t of recorded.tests) {
    const cases = t.kind === 'case' ? [t.case] : t.kind === 'random' ? t.cases : [];
    for (const c of cases) table[JSON.stringify(c.args)] = c.expectError !== undefined ? 'throw' : (c.expected as number);
  }
  return `const table: Record<string, number | 'throw'> = ${JSON.stringify(table)};
export function outputSize(n: number, f: number, stride: number, pad = 0): number {
  const answer = table[JSON.stringify([n, f, stride, pad])];
  if (answer === undefined || answer === 'throw') throw new Error('outputSize: not in my table');
  return answer;
}
`;
}
