/**
 * A grade as the terminal shows it (`pnpm grade`): the headline (status, id, title, score, tests passed),
 * one line per test with its status, and under each test that did not pass the grader's message (the
 * input, expected and actual values at the first difference, the replay seed of random cases).
 */
import React, { type ReactNode } from 'react';
import type { ExerciseResult, Status, TestResult } from '@convkit/grader/browser';

export const SYMBOL: Record<Status, string> = { passed: '✓', failed: '✗', 'not-started': '·', error: '!', timeout: '⏱' };
export const LABEL: Record<Status, string> = { passed: 'passed', failed: 'failed', 'not-started': 'not started', error: 'error', timeout: 'timed out' };

function TestLine({ t }: { t: TestResult }): ReactNode {
  return (
    <li className={`convkit-test convkit-${t.status}`} data-status={t.status}>
      <span className="convkit-symbol" role="img" aria-label={LABEL[t.status]}>
        {SYMBOL[t.status]}
      </span>{' '}
      {t.name}
      {t.status === 'passed' ? t.message && <span className="convkit-quiet"> — {t.message}</span> : <pre className="convkit-message">{t.message}</pre>}
    </li>
  );
}

export function Report({ result, notRun, running }: { result: ExerciseResult; notRun: string[]; running?: { done: number; total: number } }): ReactNode {
  const passedCount = result.tests.filter((t) => t.status === 'passed').length;
  return (
    <div className="convkit-report" data-status={running ? 'running' : result.status} aria-live="polite">
      <div className={`convkit-headline convkit-${result.status}`}>
        {running ? (
          <>
            running {running.done}/{running.total} tests…
          </>
        ) : (
          <>
            <span className="convkit-symbol">{SYMBOL[result.status]}</span> <b>{result.id}</b> {result.title}{' '}
            <span className="convkit-score">
              {result.score}/{result.maxScore}
            </span>{' '}
            · {passedCount}/{result.tests.length} tests {LABEL[result.status]}
          </>
        )}
      </div>
      {!running && result.status === 'not-started' && (
        <p className="convkit-quiet">
          Start with the instructions above: replace the <code>throw new NotImplemented(…)</code> line with your code. Stuck? Press Hint.
        </p>
      )}
      <ul className="convkit-tests">
        {result.tests.map((t, i) => (
          <TestLine key={i} t={t} />
        ))}
      </ul>
      {notRun.length > 0 && (
        <p className="convkit-quiet">
          Not run in the browser (graded by <code>pnpm grade</code> only): {notRun.join('; ')}
        </p>
      )}
    </div>
  );
}
