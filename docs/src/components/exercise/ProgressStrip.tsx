/**
 * The course's exercises as a strip of links, each marked not started / failing / passed from the work kept
 * in this browser (storage.ts); the current exercise is outlined. Updates when a run finishes or another tab
 * changes the work.
 */
import React, { useEffect, useState, type ReactNode } from 'react';
import Link from '@docusaurus/Link';
import useBaseUrl from '@docusaurus/useBaseUrl';
import { kitIndex, type KitIndex } from './kit.ts';
import { WORK_CHANGED, progressOf, readWork, type Progress } from './storage.ts';
import './workbench.css';

const WORDS: Record<Progress, string> = { 'not-started': 'not started', failing: 'failing', passed: 'passed' };

export function ProgressStrip({ current }: { current: string }): ReactNode {
  const base = useBaseUrl('/');
  const [index, setIndex] = useState<KitIndex | null>(null);
  const [, setTick] = useState(0);
  useEffect(() => {
    kitIndex(base).then(setIndex, () => setIndex(null));
    const bump = (): void => setTick((t) => t + 1);
    window.addEventListener(WORK_CHANGED, bump);
    window.addEventListener('storage', bump);
    return () => {
      window.removeEventListener(WORK_CHANGED, bump);
      window.removeEventListener('storage', bump);
    };
  }, [base]);
  if (!index) return null;
  return (
    <nav className="convkit-progress" aria-label="your progress on the exercises (kept in this browser)">
      {index.exercises.map((e) => {
        const progress = progressOf(readWork(base, e.id), e.stub);
        return (
          <Link
            key={e.id}
            to={`/exercises/${e.id}`}
            className={`convkit-progress-item convkit-${progress}${e.id === current ? ' convkit-current' : ''}`}
            data-exercise={e.id}
            data-progress={progress}
            title={`${e.id} ${e.title}: ${WORDS[progress]}`}
          >
            {e.id.slice(0, 2)}
            <span className="convkit-visually-hidden"> {WORDS[progress]}</span>
          </Link>
        );
      })}
    </nav>
  );
}
