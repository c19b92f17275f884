/** `--reporter junit`: JUnit XML, one testsuite per exercise, for CI systems that display it. */
import type { GradeReport } from '../report.ts';

const escapeXml = (text: string): string =>
  text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

export function junitReport(report: GradeReport): string {
  const count = (pred: (s: string) => boolean): number => report.exercises.reduce((n, e) => n + e.tests.filter((t) => pred(t.status)).length, 0);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="convkit grade" tests="${count(() => true)}" failures="${count((s) => s === 'failed')}" errors="${count((s) => s === 'error' || s === 'timeout')}" skipped="${count((s) => s === 'not-started')}">`,
  ];
  for (const e of report.exercises) {
    const n = (s: string): number => e.tests.filter((t) => t.status === s).length;
    lines.push(
      `  <testsuite name="${escapeXml(`${e.id} ${e.title}`)}" tests="${e.tests.length}" failures="${n('failed')}" errors="${n('error') + n('timeout')}" skipped="${n('not-started')}">`,
      `    <properties><property name="score" value="${e.score}"/><property name="maxScore" value="${e.maxScore}"/><property name="status" value="${e.status}"/></properties>`,
    );
    for (const t of e.tests) {
      const open = `    <testcase classname="${escapeXml(e.id)}" name="${escapeXml(t.name)}">`;
      if (t.status === 'passed') lines.push(`${open}</testcase>`);
      else if (t.status === 'not-started') lines.push(`${open}<skipped message="${escapeXml(t.message)}"/></testcase>`);
      else if (t.status === 'failed')
        lines.push(`${open}<failure message="${escapeXml(t.message.split('\n')[0])}">${escapeXml(t.message)}</failure></testcase>`);
      else lines.push(`${open}<error type="${t.status}" message="${escapeXml(t.message.split('\n')[0])}">${escapeXml(t.message)}</error></testcase>`);
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}
