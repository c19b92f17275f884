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
    <polygon key={`${key}t`} points={`${x},${y} ${x + dx},${y + dy} ${x + w + dx},${y + dy} ${x + w},${y}`} fill={fill} fillOpacity={0.55} stroke="#333" strokeWidth={0.8} />,
    <polygon key={`${key}s`} points={`${x + w},${y} ${x + w + dx},${y + dy} ${x + w + dx},${y + h + dy} ${x + w},${y + h}`} fill={fill} fillOpacity={0.75} stroke="#333" strokeWidth={0.8} />,
  ];
  for (let i = 1; i < slices; i++) {
    const f = i / slices;
    parts.push(<line key={`${key}l${i}`} x1={x + w + dx * f} y1={y + dy * f} x2={x + w + dx * f} y2={y + h + dy * f} stroke="#333" strokeWidth={0.4} />);
  }
  parts.push(<rect key={`${key}f`} x={x} y={y} width={w} height={h} fill={fill} stroke="#333" strokeWidth={0.8} />);
  return parts;
}

export function Volumes({ items, id, scale = SCALE, caption }: { items: VolumeItem[]; id?: string; scale?: number; caption?: ReactNode }): ReactNode {
  const gap = 70;
  const size = (v: number) => Math.max(6, Math.sqrt(v) * scale * 2.2);
  const dims = items.map((it) =>
    it.vector ? { w: 10, h: Math.min(170, 20 + Math.sqrt(it.d) * 4), d: 0 } : { w: size(it.w), h: size(it.h), d: Math.min(60, 4 + it.d * 3) },
  );
  const height = Math.max(...dims.map((d) => d.h + d.d * DEPTH * 0.55)) + 70;
  let x = 12;
  const parts: ReactNode[] = [];
  items.forEach((it, i) => {
    const dm = dims[i];
    const top = (height - 40 - dm.h) / 2 + (dm.d * DEPTH * 0.55) / 2 + 6;
    if (i > 0) {
      parts.push(<line key={`a${i}`} x1={x - gap + 8} y1={height / 2 - 14} x2={x - 8} y2={height / 2 - 14} stroke="#555" strokeWidth={1.5} markerEnd="url(#ck-arrow)" />);
      if (it.op) parts.push(<text key={`o${i}`} x={x - gap / 2} y={height / 2 - 22} textAnchor="middle" fontSize={11} fill="#444">{it.op}</text>);
    }
    const fill = it.color ?? (it.vector ? '#b9d4a8' : '#9cc0e6');
    if (it.vector) {
      const n = 9;
      for (let k = 0; k < n; k++) {
        const cy = top + (k + 0.5) * (dm.h / n);
        parts.push(<circle key={`c${i}-${k}`} cx={x + 5} cy={cy} r={Math.min(5, dm.h / n / 2.2)} fill={k === 4 ? 'none' : fill} stroke={k === 4 ? 'none' : '#333'} strokeWidth={0.7} />);
      }
      parts.push(<text key={`dots${i}`} x={x + 5} y={top + dm.h / 2 + 4} textAnchor="middle" fontSize={12}>⋮</text>);
    } else {
      parts.push(...box(x, top, dm.w, dm.h, dm.d, fill, `b${i}`, Math.min(it.d, 12)));
      if (it.window) {
        const ww = (it.window.w / it.w) * dm.w;
        const wh = (it.window.h / it.h) * dm.h;
        parts.push(...box(x + dm.w * 0.15, top + dm.h * 0.15, ww, wh, dm.d * (it.window.d / it.d), '#f2a33a', `w${i}`, 1));
      }
    }
    const label = it.label ?? (it.vector ? `${it.d}` : `${it.w}×${it.h}×${it.d}`);
    parts.push(<text key={`t${i}`} x={x + (dm.w + dm.d * DEPTH * 0.8) / 2} y={height - 16} textAnchor="middle" fontSize={12}>{label}</text>);
    x += dm.w + dm.d * DEPTH * 0.8 + gap;
  });
  const width = x - gap + 12;
  return (
    <figure className="ck-figure" data-figure={id}>
      <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} style={{ maxWidth: '100%', height: 'auto' }} role="img">
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
