/**
 * Exercise pages (front matter `exercise: <id>`, written by scripts/exercise-pages.mts) get the progress
 * strip above the instructions and the in-browser workbench below them; every other page is unchanged.
 */
import React, { Suspense, lazy, type ReactNode } from 'react';
import Content from '@theme-original/DocItem/Content';
import type ContentType from '@theme/DocItem/Content';
import type { WrapperProps } from '@docusaurus/types';
import BrowserOnly from '@docusaurus/BrowserOnly';
import { useDoc } from '@docusaurus/plugin-content-docs/client';

// loaded on exercise pages only: chapter pages do not carry the workbench's code
const ProgressStrip = lazy(() => import('../../../components/exercise/ProgressStrip.tsx').then((m) => ({ default: m.ProgressStrip })));
const Workbench = lazy(() => import('../../../components/exercise/Workbench.tsx').then((m) => ({ default: m.Workbench })));

type Props = WrapperProps<typeof ContentType>;

export default function ContentWrapper(props: Props): ReactNode {
  const { frontMatter } = useDoc();
  const exercise = (frontMatter as { exercise?: unknown }).exercise;
  if (typeof exercise !== 'string') return <Content {...props} />;
  return (
    <>
      <BrowserOnly>
        {() => (
          <Suspense fallback={null}>
            <ProgressStrip current={exercise} />
          </Suspense>
        )}
      </BrowserOnly>
      <Content {...props} />
      <BrowserOnly
        fallback={
          <p>
            The in-browser editor needs JavaScript; use <code>pnpm grade {exercise}</code>.
          </p>
        }
      >
        {() => (
          <Suspense fallback={<p>loading the editor…</p>}>
            <Workbench id={exercise} />
          </Suspense>
        )}
      </BrowserOnly>
    </>
  );
}
