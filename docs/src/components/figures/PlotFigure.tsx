/**
 * Hosts one Observable Plot figure. Plot builds real DOM, so it runs only in the browser, inside useEffect
 * (calling it while rendering breaks the static build), and replaces the previous figure on each change.
 *
 * For screen readers the figure is one image with a text alternative (`alt`, else the caption): Plot's own
 * `aria-label`s on its mark groups (`<g aria-label="cell">`, not allowed on an element without a role) are
 * removed, and each <svg> gets role="img" with the alternative; `description` (for data figures, the
 * numbers) is a visually hidden paragraph after it, which a screen reader reads in order.
 */
import React, { useEffect, useRef, type ReactNode } from 'react';

export interface PlotFigureProps {
  /** Builds the figure: usually `() => Plot.plot({...})`. */
  plot: () => Element;
  /** Stable name for tests: rendered as data-figure. */
  id?: string;
  caption?: ReactNode;
  /** What the figure shows, in a sentence (defaults to the caption when it is a string). */
  alt?: string;
  /** The data behind the figure in words (for example its values), for screen readers. */
  description?: string;
  /** Rebuild when one of these changes (default: on every render). */
  deps?: readonly unknown[];
}

/** Makes a Plot figure one labelled image: role="img" on its svgs, no aria-label on elements without a role. */
export function labelPlot(el: Element, alt: string): void {
  for (const g of el.querySelectorAll('[aria-label]:not(svg)')) if (!g.hasAttribute('role')) g.removeAttribute('aria-label');
  for (const g of el.querySelectorAll('[aria-description]:not(svg)')) if (!g.hasAttribute('role')) g.removeAttribute('aria-description');
  const svgs = el.tagName.toLowerCase() === 'svg' ? [el] : [...el.querySelectorAll('svg')];
  for (const svg of svgs) {
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', alt);
  }
}

export function PlotFigure({ plot, id, caption, alt, description, deps }: PlotFigureProps): ReactNode {
  const ref = useRef<HTMLDivElement>(null);
  const label = alt ?? (typeof caption === 'string' ? caption : id ? `figure ${id}` : 'figure');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller lists the figure's inputs in deps (plot is a new closure every render)
  useEffect(() => {
    const el = plot();
    labelPlot(el, label);
    ref.current?.replaceChildren(el);
    return () => el.remove();
  }, [...(deps ?? [plot]), label]);
  return (
    <figure className="ck-figure" data-figure={id}>
      <div ref={ref} className="ck-plot" />
      {description && <p className="sr-only">{description}</p>}
      {caption !== undefined && <figcaption>{caption}</figcaption>}
    </figure>
  );
}
