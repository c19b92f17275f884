/**
 * Hosts one Observable Plot figure. Plot builds real DOM, so it runs only in the browser, inside useEffect
 * (calling it while rendering breaks the static build), and replaces the previous figure on each change.
 */
import React, { useEffect, useRef, type ReactNode } from 'react';

export interface PlotFigureProps {
  /** Builds the figure: usually `() => Plot.plot({...})`. */
  plot: () => Element;
  /** Stable name for tests: rendered as data-figure. */
  id?: string;
  caption?: ReactNode;
  /** Rebuild when one of these changes (default: on every render). */
  deps?: readonly unknown[];
}

export function PlotFigure({ plot, id, caption, deps }: PlotFigureProps): ReactNode {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = plot();
    ref.current?.replaceChildren(el);
    return () => el.remove();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps ?? [plot]);
  return (
    <figure className="ck-figure" data-figure={id}>
      <div ref={ref} className="ck-plot" />
      {caption !== undefined && <figcaption>{caption}</figcaption>}
    </figure>
  );
}
