/**
 * Counts the test cases of a JUnit XML report, as vitest (`--reporter=junit`) and node's test runner
 * (`--test-reporter=junit`) write them. A `<testcase>` is one test: failed if it holds a `<failure>` or
 * `<error>`, skipped if it holds `<skipped>` (skip and todo), passed otherwise. A `<failure>`/`<error>` that
 * belongs to a `<testsuite>` and no test case (a suite whose own hook or body threw) counts as one failed
 * test. Only element tags are read: comments and CDATA are dropped first, so no message text is parsed.
 */
export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

export function countJUnit(xml: string): Counts {
  const counts: Counts = { passed: 0, failed: 0, skipped: 0 };
  const body = xml.replace(/<!--[\s\S]*?-->/g, '').replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  let testcase: { failed: boolean; skipped: boolean } | null = null;
  const tally = (c: { failed: boolean; skipped: boolean }): void => {
    if (c.failed) counts.failed++;
    else if (c.skipped) counts.skipped++;
    else counts.passed++;
  };
  for (const [, close, name, , selfClosing] of body.matchAll(/<(\/?)([A-Za-z][\w:-]*)((?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g)) {
    if (name === 'testcase') {
      if (close) {
        if (testcase) tally(testcase);
        testcase = null;
      } else if (selfClosing) tally({ failed: false, skipped: false });
      else testcase = { failed: false, skipped: false };
    } else if (!close && (name === 'failure' || name === 'error')) {
      if (testcase) testcase.failed = true;
      else counts.failed++;
    } else if (!close && name === 'skipped' && testcase) testcase.skipped = true;
  }
  if (testcase) throw new Error(`countJUnit: expected </testcase> before the end of the report, got the end of the file`);
  return counts;
}
