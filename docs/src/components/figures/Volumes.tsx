/**
 * Volumes of neurons drawn as boxes (width × height × depth, oblique projection), left to right, with the
 * operation between them written on the arrow. Used for the 3D-neuron, filter, flattening and
 * architecture figures. Plain SVG rendered by React: it needs no browser API, so it is in the static HTML.
 */
import React, { type ReactNode } from 'react';

export interface VolumeItem {
  /** width, height, depth in neurons; a vector is drawn with width = height = 1 as a tall bar (use `vector`). */
  w: number;
  h: number;
  d: number;
  label?: string;
  /** Text on the arrow leading into this item. */
  op?: string;
  /** Draw as a column of neurons (a 1D layer) instead of a box. */
  vector?: boolean;
  color?: string;
  /** A smaller box drawn inside this one, at its top-left front corner (a filter's receptive field). */
  window?: { w: number; h: number; d: number };
}

const SCALE = 3.2;
const DEPTH = 0.7;

function box(x: number, y: number, w: number, h: number, d: number, fill: string, key: string, slices: number): ReactNode[] {
  const dx = d * DEPTH * 0.8;
  const dy = -d * DEPTH * 0.55;
  const parts: ReactNode[] = [
    <polygon
      key={`${key}t`}
      points={`${x},${y} ${x + dx},${y + dy} ${x + w + dx},${y + dy} ${x + w},${y}`}
      fill={fill}
      fillOpacity={0.55}
      stroke="#333"
      strokeWidth={0.8}
    />,
    <polygon
      key={`${key}s`}
      points={`${x + w},${y} ${x + w + dx},${y + dy} ${x + w + dx},${y + h + dy} ${x + w},${y + h}`}
      fill={fill}
      fillOpacity={0.75}
      stroke="#333"
      strokeWidth={0.8}
    />,
  ];
  for (let i = 1; i < slices; i++) {
    const f = i / slices;
    parts.push(<line key={`${key}l${i}`} x1={x + w + dx * f} y1={y + dy * f} x2={x + w + dx * f} y2={y + h + dy * f} stroke="#333" strokeWidth={0.4} />);
  }
  parts.push(<rect key={`${key}f`} x={x} y={y} width={w} height={h} fill={fill} stroke="#333" strokeWidth={0.8} />);
  return parts;
}

export function Volumes({ items, id, scale = SCALE, caption }: { items: VolumeItem[]; id?: string; scale?: number; caption?: ReactNode }): ReactNode {
  const margin = 16;
  const size = (v: number) => Math.max(6, Math.sqrt(v) * scale * 2.8);
  const dims = items.map((it) =>
    it.vector ? { w: 10, h: Math.min(170, 70 + Math.sqrt(it.d) * 3), d: 0 } : { w: size(it.w), h: size(it.h), d: Math.min(60, 4 + it.d * 3) },
  );
  const labels = items.map((it) => it.label ?? (it.vector ? `${it.d}` : `${it.w}×${it.h}×${it.d}`));
  // Each item gets a slot wide enough for its drawing and for its label; each arrow is as long as its text.
  const drawn = dims.map((dm) => dm.w + dm.d * DEPTH * 0.8);
  const slots = drawn.map((w, i) => Math.max(w, labels[i].length * 7.2));
  const gaps = items.map((it) => Math.max(48, (it.op ?? '').length * 6.4 + 16));
  const height = Math.max(...dims.map((d) => d.h + d.d * DEPTH * 0.55)) + 70;
  let slotX = margin;
  const parts: ReactNode[] = [];
  items.forEach((it, i) => {
    const dm = dims[i];
    if (i > 0) {
      const x0 = slotX - gaps[i];
      parts.push(
        <line key={`a${i}`} x1={x0 + 6} y1={height / 2 - 14} x2={slotX - 6} y2={height / 2 - 14} stroke="#555" strokeWidth={1.5} markerEnd="url(#ck-arrow)" />,
      );
      if (it.op)
        parts.push(
          <text key={`o${i}`} x={slotX - gaps[i] / 2} y={height / 2 - 22} textAnchor="middle" fontSize={11} fill="#444">
            {it.op}
          </text>,
        );
    }
    const x = slotX + (slots[i] - drawn[i]) / 2;
    const top = (height - 40 - dm.h) / 2 + (dm.d * DEPTH * 0.55) / 2 + 6;
    const fill = it.color ?? (it.vector ? '#b9d4a8' : '#9cc0e6');
    if (it.vector) {
      const n = 9;
      for (let k = 0; k < n; k++) {
        const cy = top + (k + 0.5) * (dm.h / n);
        parts.push(
          <circle
            key={`c${i}-${k}`}
            cx={x + 5}
            cy={cy}
            r={Math.min(5, dm.h / n / 2.2)}
            fill={k === 4 ? 'none' : fill}
            stroke={k === 4 ? 'none' : '#333'}
            strokeWidth={0.7}
          />,
        );
      }
      parts.push(
        <text key={`dots${i}`} x={x + 5} y={top + dm.h / 2 + 4} textAnchor="middle" fontSize={12}>
          ⋮
        </text>,
      );
    } else {
      parts.push(...box(x, top, dm.w, dm.h, dm.d, fill, `b${i}`, Math.min(it.d, 12)));
      if (it.window) {
        const ww = (it.window.w / it.w) * dm.w;
        const wh = (it.window.h / it.h) * dm.h;
        parts.push(...box(x + dm.w * 0.15, top + dm.h * 0.15, ww, wh, dm.d * (it.window.d / it.d), '#f2a33a', `w${i}`, 1));
      }
    }
    parts.push(
      <text key={`t${i}`} x={slotX + slots[i] / 2} y={height - 16} textAnchor="middle" fontSize={12}>
        {labels[i]}
      </text>,
    );
    slotX += slots[i] + (gaps[i + 1] ?? 0);
  });
  const width = slotX + margin;
  // the text alternative: the volumes in order with the operation between them, as the picture reads
  const titleId = `ck-volumes-${id ?? labels.join('-').replace(/[^\w-]/g, '')}`;
  const desc = items
    .map(
      (it, i) =>
        `${i > 0 && it.op ? `${it.op} to ` : i > 0 ? 'then ' : ''}${it.vector ? `a vector of ${it.d}` : `a volume ${it.w}×${it.h}×${it.d}`}${it.label ? ` (${it.label})` : ''}${it.window ? ` with a ${it.window.w}×${it.window.h}×${it.window.d} window inside` : ''}`,
    )
    .join(', ');
  return (
    <figure className="ck-figure" data-figure={id}>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        style={{ maxWidth: '100%', height: 'auto' }}
        role="img"
        aria-labelledby={`${titleId}-t ${titleId}-d`}
      >
        <title id={`${titleId}-t`}>{typeof caption === 'string' ? caption : `Volumes: ${labels.join(' → ')}`}</title>
        <desc id={`${titleId}-d`}>{`Left to right: ${desc}.`}</desc>
        <defs>
          <marker id="ck-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" fill="#555" />
          </marker>
        </defs>
        {parts}
      </svg>
      {caption !== undefined && <figcaption>{caption}</figcaption>}
    </figure>
  );
}
