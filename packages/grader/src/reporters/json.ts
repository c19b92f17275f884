/** `--reporter json`: the report exactly as {@link GradeReport} describes it. */
import type { GradeReport } from '../report.ts';

export function jsonReport(report: GradeReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
