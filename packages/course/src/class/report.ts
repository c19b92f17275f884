/**
 * The class report, `report.html`: one self-contained file (Observable Plot and d3 inlined, the data
 * as JSON, no request leaves the page) that opens from disk. It shows the score distributions, the
 * tests failed most with their most common messages, timeouts, crashes and violations, grading times,
 * the students with links to their own reports (`reports/<name>.html`), overrides, late work, roster
 * problems and similar pairs side by side. Everything students wrote (names, code, messages) reaches
 * the page as JSON data and is put in as text, never as HTML, so it shows and never runs.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LatePolicy } from '@convkit/course-config';
import type { StudentReport } from './gradebook.ts';
import type { GradeRow } from './grades.ts';
import type { SimilarPair } from './similarity.ts';

export interface FailedTest {
  exercise: string;
  test: string;
  /** Students who did not pass it. */
  students: number;
  /** Its most common messages (first line, numbers kept), with how many students got each. */
  messages: Array<{ message: string; count: number }>;
}

export interface ClassReportData {
  title: string;
  generatedAt: string;
  exercises: Array<{ id: string; title: string; points: number }>;
  students: Array<{
    student: string;
    file: string | null;
    name: string;
    studentId: string;
    scores: Array<{ id: string; score: number; max: number; status: string; override: number | null; reason: string }>;
    total: number;
    override: number;
    penalty: number;
    penaltyReason: string | null;
    daysLate: number;
    final: number;
    max: number;
    submittedAt: string | null;
    timeSource: string;
    seconds: number | null;
    error: string | null;
  }>;
  failedTests: FailedTest[];
  outcomes: { timeouts: number; crashes: number; violations: number; notStarted: number };
  medianSeconds: number | null;
  totalSeconds: number | null;
  late: LatePolicy | null;
  roster: { given: boolean; unmatchedFolders: string[]; missing: string[] };
  similarity: {
    threshold: number;
    /** Every pair's similarity as [exercise index, similarity] (for the strip chart; names would weigh megabytes in a large class). */
    all: Array<[number, number]>;
    /** The most similar pairs at or above the threshold (at most MAX_LISTED); regions only for the first MAX_SIDE_BY_SIDE. */
    flagged: SimilarPair[];
    /** Pairs at or above the threshold left out of `flagged`. */
    more: number;
    /** `<exercise>/<student>` → the file, for the pairs shown side by side. */
    sources: Record<string, string>;
  };
}

/** Pairs listed in the report, and pairs of them shown side by side (the rest are counted). */
export const MAX_LISTED = 300;
export const MAX_SIDE_BY_SIDE = 60;

/**
 * The key messages are grouped by: the first line (and the next when the first ends with a colon,
 * as esbuild's "Transform failed with 1 error:" does), without file paths, at most 200 characters.
 */
export const messageKey = (m: string): string => {
  const lines = m
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  let key = lines[0] ?? '';
  if (key.endsWith(':') && lines[1]) key = `${key} ${lines[1]}`;
  key = key.replace(/(?:file:\/\/)?\/[^\s:]*\/([^/\s:]+)/g, '$1'); // /tmp/convkit-class-x/ann/exercises/02-…/conv-forward.ts → conv-forward.ts
  return key.length > 200 ? `${key.slice(0, 199)}…` : key;
};

const isViolation = (m: string): boolean => /^violation:|modified its input|returned its input/.test(m);

/** The tests that failed most (students whose module loaded and did not pass them), each with its top 3 messages. */
export function failedTests(reports: readonly StudentReport[], top = 12): FailedTest[] {
  const byTest = new Map<string, { exercise: string; test: string; students: number; messages: Map<string, number> }>();
  for (const r of reports) {
    for (const e of r.exercises) {
      for (const t of e.tests) {
        // Not started and failed to load are counted apart (outcomeCounts): they would fill the list with every test of an exercise.
        if (t.status === 'passed' || t.status === 'not-started' || /^your module failed to load/.test(t.message)) continue;
        const key = `${e.id}\u0000${t.name}`;
        let entry = byTest.get(key);
        if (!entry) byTest.set(key, (entry = { exercise: e.id, test: t.name, students: 0, messages: new Map() }));
        entry.students++;
        const m = messageKey(t.message || t.status);
        entry.messages.set(m, (entry.messages.get(m) ?? 0) + 1);
      }
    }
  }
  return [...byTest.values()]
    .sort((a, b) => b.students - a.students || a.exercise.localeCompare(b.exercise) || a.test.localeCompare(b.test))
    .slice(0, top)
    .map((t) => ({
      exercise: t.exercise,
      test: t.test,
      students: t.students,
      messages: [...t.messages]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, 3)
        .map(([message, count]) => ({ message, count })),
    }));
}

/** (student, exercise) pairs that timed out, crashed (error), broke a rule, or were not started. */
export function outcomeCounts(reports: readonly StudentReport[]): ClassReportData['outcomes'] {
  const o = { timeouts: 0, crashes: 0, violations: 0, notStarted: 0 };
  for (const r of reports) {
    for (const e of r.exercises) {
      if (e.status === 'timeout' || e.tests.some((t) => t.status === 'timeout')) o.timeouts++;
      if (e.status === 'error' || e.tests.some((t) => t.status === 'error')) o.crashes++;
      if (e.tests.some((t) => isViolation(t.message))) o.violations++;
      if (e.status === 'not-started') o.notStarted++;
    }
  }
  return o;
}

export const median = (xs: readonly number[]): number | null => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

function pluginPaths(): { plot: string; d3: string } {
  const plotEntry = fileURLToPath(import.meta.resolve('@observablehq/plot'));
  const plot = join(dirname(plotEntry), '..', 'dist', 'plot.umd.min.js');
  const d3Entry = createRequire(plotEntry).resolve('d3');
  const d3Root = d3Entry.slice(0, d3Entry.lastIndexOf(`${join('node_modules', 'd3')}`) + join('node_modules', 'd3').length);
  return { plot, d3: join(d3Root, 'dist', 'd3.min.js') };
}

/** JSON safe inside a <script> element: `<` (and the line separators old parsers choke on) escaped. */
export const scriptJson = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/** Text safe as HTML text or a quoted attribute value. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A vendored script inlined: a `</script` inside it (none in Plot 0.6.17 and d3 7.9) could not end the element. */
const inlineScript = (code: string): string => `<script>${code.replace(/<\/script/gi, '<\\/script')}</script>`;

export function classReportHtml(data: ClassReportData): string {
  const { plot, d3 } = pluginPaths();
  const client = readFileSync(join(import.meta.dirname, 'report-client.js'), 'utf8');
  const css = readFileSync(join(import.meta.dirname, 'report.css'), 'utf8');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; connect-src 'none'">
<title>${escapeHtml(data.title)}: class report</title>
<style>${css}</style>
</head>
<body>
<main id="report"><noscript>The class report draws its tables and figures with JavaScript; the same numbers are in gradebook.csv.</noscript></main>
<script type="application/json" id="class-data">${scriptJson(data)}</script>
${inlineScript(readFileSync(d3, 'utf8'))}
${inlineScript(readFileSync(plot, 'utf8'))}
${inlineScript(client)}
</body>
</html>
`;
}

/** One student's report as a page: every exercise and test with its status and message, all escaped. */
export function studentReportHtml(row: GradeRow, title: string): string {
  const r = row.report;
  const esc = escapeHtml;
  const tests = (r?.exercises ?? []).map((e) => {
    const g = row.exercises.find((x) => x.id === e.id);
    const override = g?.override ? ` · override: ${g.override.points} (${esc(g.override.reason)})` : '';
    return `<section><h2>${esc(e.id)}: ${esc(e.title)} — ${e.score}/${e.maxScore} <span class="st st-${esc(e.status)}">${esc(e.status)}</span>${override}</h2>
<table><thead><tr><th>test</th><th>status</th><th>points</th><th>message</th></tr></thead><tbody>
${e.tests.map((t) => `<tr><td>${esc(t.name)}</td><td class="st-${esc(t.status)}">${esc(t.status)}</td><td>${t.score}/${t.maxScore}</td><td><pre>${esc(t.message)}</pre></td></tr>`).join('\n')}
</tbody></table></section>`;
  });
  const late =
    row.penalty > 0 || row.penaltyReason
      ? `<p>Late: ${row.late.days} day(s), −${row.penalty} points${row.penaltyReason ? ` (${esc(row.penaltyReason)})` : ''}.</p>`
      : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${esc(row.student)}: ${esc(title)}</title>
<style>body{font:14px/1.4 system-ui,sans-serif;margin:2rem;max-width:70rem}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3rem;text-align:left;vertical-align:top}pre{margin:0;white-space:pre-wrap;max-height:12rem;overflow:auto}.st-passed{color:#176f2c}.st-failed,.st-error,.st-timeout{color:#b00020}</style>
</head><body>
<p><a href="../report.html">← class report</a></p>
<h1>${esc(row.student)}${row.roster ? ` (${esc(row.roster.name)}, ${esc(row.roster.studentId)})` : ''}</h1>
<p>Final ${row.final}/${row.maxScore} (graded ${row.total}${row.override ? `, override ${row.override > 0 ? '+' : ''}${row.override}` : ''}${row.penalty ? `, late −${row.penalty}` : ''}).
Submitted ${row.time.at === null ? 'at an unknown time' : esc(new Date(row.time.at).toISOString())} (${esc(row.time.source)}).${r ? ` Graded in ${r.seconds.toFixed(1)} s${r.protected ? ', protected' : ''}.` : ''}</p>
${late}
${r?.error ? `<p><strong>Grading stopped:</strong> <pre>${esc(r.error)}</pre></p>` : ''}
${r?.note ? `<p>${esc(r.note)}</p>` : ''}
${tests.join('\n')}
</body></html>
`;
}
