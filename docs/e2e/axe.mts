/**
 * axe-core (Deque's accessibility engine) run inside a page: the plain `axe.min.js` script injected with
 * addScriptTag, limited to the WCAG 2.0 and 2.1 level A and AA rules. A violation is one rule failing on one
 * element (axe's "node"), reported with its selector, so a failure says where to look.
 */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
/** The WCAG 2.1 A and AA rules (2.1 adds rules to 2.0's, so all four tags). */
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface Violation {
  rule: string;
  impact: string;
  help: string;
  target: string;
  /** axe's one-line reason for this element (for colour contrast: the two colours and the ratio). */
  summary: string;
}

interface AxeResults {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[];
}

export async function axe(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SCRIPT });
  const results = (await page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<unknown> } }).axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      }),
    WCAG_21_AA,
  )) as AxeResults;
  return results.violations.flatMap((v) =>
    v.nodes.map((n) => ({
      rule: v.id,
      impact: v.impact ?? '',
      help: v.help,
      target: n.target.map(String).join(' '),
      summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 240),
    })),
  );
}

/** Violations counted per rule, most frequent first. */
export function countByRule(violations: Violation[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const v of violations) counts.set(v.rule, (counts.get(v.rule) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]);
}
