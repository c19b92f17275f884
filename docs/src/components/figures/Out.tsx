/**
 * What live code blocks show. Each output carries a stable `data-live-out` name, so the browser tests can
 * find it and compare its text with values worked out by hand.
 */
import React, { useEffect, useRef, type ReactNode } from 'react';
import type { Tensor } from '@convkit/engine';

/** A number with at most `digits` decimals and no trailing zeros (0.5, 3, -1.25). */
export function fmt(v: number, digits = 3): string {
  const r = Number(v.toFixed(digits));
  return Object.is(r, -0) ? '0' : String(r);
}

/**
 * A tensor as text: a header with its shape, then each 2D slice as aligned rows, e.g.
 * `Tensor [1, 1, 2, 2]` / `[0, 0]:` / `4 3` / `2 5`.
 */
export function formatTensor(t: Tensor, digits = 3): string {
  const s = t.shape;
  const lines = [`Tensor [${s.join(', ')}] ${t.dtype}`];
  if (s.length <= 1) {
    lines.push(Array.from(t.data, (v) => fmt(v, digits)).join(' '));
    return lines.join('\n');
  }
  const [h, w] = s.slice(-2);
  const outer = s.slice(0, -2);
  const slices = outer.reduce((a, b) => a * b, 1);
  for (let k = 0; k < slices; k++) {
    if (outer.length) {
      const idx: number[] = [];
      let rest = k;
      for (let d = outer.length - 1; d >= 0; d--) {
        idx.unshift(rest % outer[d]);
        rest = Math.floor(rest / outer[d]);
      }
      lines.push(`[${idx.join(', ')}]:`);
    }
    const cells = Array.from({ length: h }, (_, i) => Array.from({ length: w }, (_, j) => fmt(t.data[k * h * w + i * w + j], digits)));
    const width = Math.max(...cells.flat().map((c) => c.length));
    for (const row of cells) lines.push(row.map((c) => c.padStart(width)).join(' '));
  }
  return lines.join('\n');
}

export function Out({ id, children }: { id: string; children: ReactNode }): ReactNode {
  // an output wider than the page scrolls sideways: keyboard users must be able to focus it to scroll it
  const ref = useRef<HTMLPreElement>(null);
  useEffect(() => {
    const pre = ref.current;
    if (!pre) return;
    if (pre.scrollWidth > pre.clientWidth || pre.scrollHeight > pre.clientHeight) pre.tabIndex = 0;
    else pre.removeAttribute('tabindex');
  });
  return (
    <pre className="ck-out" data-live-out={id} ref={ref}>
      {children}
    </pre>
  );
}

/** A tensor, printed (see formatTensor). */
export function TensorView({ t, id, digits = 3 }: { t: Tensor; id: string; digits?: number }): ReactNode {
  return <Out id={id}>{formatTensor(t, digits)}</Out>;
}
