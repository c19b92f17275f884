/**
 * `--reporter gradescope`: Gradescope's autograder `results.json`
 * (https://gradescope-autograders.readthedocs.io/en/latest/specs/): a top-level score and one entry
 * per test with its score, max_score, output, visibility and status.
 */
import type { GradeReport } from '../report.ts';

export type Visibility = 'visible' | 'hidden' | 'after_due_date' | 'after_published';

export interface GradescopeTest {
  name: string;
  number: string;
  score: number;
  max_score: number;
  output: string;
  visibility: Visibility;
  status: 'passed' | 'failed';
}

export interface GradescopeResults {
  /** Left out when a test is not visible: Gradescope then adds up the tests itself, under its own visibility rules. */
  score?: number;
  output: string;
  visibility: Visibility;
  stdout_visibility: Visibility;
  tests: GradescopeTest[];
}

export interface GradescopeOptions {
  /** Visibility of each test, by exercise id and test name ('visible' by default). */
  visibility?: (exerciseId: string, testName: string) => Visibility;
  /** Text put before the summary in the top-level output (a warning, what the submission lacked). */
  note?: string;
}

export function gradescopeResults(report: GradeReport, options: GradescopeOptions = {}): GradescopeResults {
  const tests: GradescopeTest[] = [];
  report.exercises.forEach((e, i) => {
    e.tests.forEach((t, j) => {
      tests.push({
        name: `${e.id}: ${t.name}`,
        number: `${i + 1}.${j + 1}`,
        score: t.score,
        max_score: t.maxScore,
        output: t.status === 'passed' ? t.message : `[${t.status}] ${t.message}`,
        visibility: options.visibility?.(e.id, t.name) ?? 'visible',
        status: t.status === 'passed' ? 'passed' : 'failed',
      });
    });
  });
  // The top-level output is shown at once: it lists only exercises whose tests are all visible, so a
  // hidden exercise's score is not given away before the instructor publishes it.
  const shown = report.exercises.filter((e) => e.tests.every((t) => (options.visibility?.(e.id, t.name) ?? 'visible') === 'visible'));
  const summary = `${options.note ?? ''}${shown.map((e) => `${e.id}: ${e.score}/${e.maxScore} (${e.status})`).join('\n')}`;
  const allVisible = tests.every((t) => t.visibility === 'visible');
  return { ...(allVisible ? { score: report.score } : {}), output: summary, visibility: 'visible', stdout_visibility: 'hidden', tests };
}

export function gradescopeReport(report: GradeReport, options: GradescopeOptions = {}): string {
  return `${JSON.stringify(gradescopeResults(report, options), null, 2)}\n`;
}
