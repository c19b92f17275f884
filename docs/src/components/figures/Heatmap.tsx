/** A 2D array of numbers as a grid of coloured cells (Plot.cell), optionally with the values written in. */
import React, { type ReactNode } from 'react';
import * as Plot from '@observablehq/plot';
import type { Tensor } from '@convkit/engine';
import { PlotFigure } from './PlotFigure.tsx';
import { inkFor } from './ink.ts';

/** Rows of a Tensor's 2D slice: [H, W] as is, [C, H, W] at channel c, [N, C, H, W] at (n, c). */
export function slice2d(t: Tensor | number[][], n = 0, c = 0): number[][] {
  if (Array.isArray(t)) return t;
  const s = t.shape;
  const [h, w] = s.slice(-2);
  const offset = s.length === 4 ? (n * s[1] + c) * h * w : s.length === 3 ? c * h * w : 0;
  if (s.length < 2 || s.length > 4) throw new Error(`Heatmap: expected a tensor of rank 2, 3 or 4, got [${s.join(', ')}]`);
  return Array.from({ length: h }, (_, i) => Array.from(t.data.subarray(offset + i * w, offset + (i + 1) * w)));
}

export interface HeatmapProps {
  data: Tensor | number[][];
  n?: number;
  c?: number;
  title?: string;
  /** Pixel size of one cell. */
  cell?: number;
  /** Write each value in its cell (for small grids). */
  values?: boolean;
  /** 'gray' for images (black = 0), 'diverging' for weights and signed maps, or a Plot scheme name. */
  scheme?: 'gray' | 'diverging' | string;
  domain?: [number, number];
  /** Cells to outline, as [row, col] pairs. */
  highlight?: [number, number][];
  id?: string;
  caption?: ReactNode;
}

const round = (v: number): string => String(Math.round(v * 100) / 100);

export function Heatmap(props: HeatmapProps): ReactNode {
  const { data, n = 0, c = 0, title, cell = 12, values = false, scheme = 'gray', domain, highlight = [], id, caption } = props;
  const rows = slice2d(data, n, c);
  const cells = rows.flatMap((row, r) => row.map((v, col) => ({ r, col, v })));
  const w = rows[0]?.length ?? 0;
  const max = Math.max(...cells.map((d) => Math.abs(d.v)), 1e-9);
  const min = Math.min(...cells.map((d) => d.v));
  const top = Math.max(...cells.map((d) => d.v));
  const color: Plot.ScaleOptions =
    scheme === 'gray'
      ? { type: 'linear' as const, range: ['#000', '#fff'], domain: domain ?? [0, Math.max(max, 1e-9)] }
      : scheme === 'diverging'
        ? { type: 'linear' as const, scheme: 'BuRd', domain: domain ?? [-max, max] }
        : { scheme: scheme as Plot.ColorScheme, domain: domain ?? [min, top] };
  const marks: Plot.Markish[] = [Plot.cell(cells, { x: 'col', y: 'r', fill: 'v', inset: values ? 0.5 : 0 })];
  if (values) {
    // each number in black or white, whichever reads better on its cell's colour
    const ink = inkFor(color);
    marks.push(
      Plot.text(cells, { x: 'col', y: 'r', text: (d: { v: number }) => round(d.v), fill: (d: { v: number }) => ink(d.v), fontSize: Math.min(12, cell * 0.38) }),
    );
  }
  if (highlight.length) {
    marks.push(
      Plot.cell(
        highlight.map(([r, col]) => ({ r, col })),
        { x: 'col', y: 'r', fill: 'none', stroke: '#f2a33a', strokeWidth: 3 },
      ),
    );
  }
  // Without numbers or outlines, one raster image is far cheaper to draw than a <rect> per cell
  // (the playground redraws dozens of 24×24 maps while it trains).
  const cellsNeeded = values || highlight.length > 0;
  const h = rows.length;
  const frame = cellsNeeded
    ? { x: { axis: null, domain: Array.from({ length: w }, (_, i) => i) }, y: { axis: null, domain: rows.map((_, i) => i) } }
    : { x: { axis: null, domain: [0, w] }, y: { axis: null, domain: [0, h], reverse: true } };
  const drawn = cellsNeeded
    ? marks
    : [
        Plot.raster(
          cells.map((d) => d.v),
          { width: w, height: h, x1: 0, y1: 0, x2: w, y2: h, imageRendering: 'pixelated' },
        ),
      ];
  // for screen readers: what the grid is, and its numbers (all of them for a small grid, the range otherwise)
  const name = title ?? (typeof caption === 'string' ? caption : scheme === 'gray' ? 'image' : 'values');
  const alt = `${name}: ${h}×${w} grid${scheme === 'gray' ? ', dark = 0, light = high' : scheme === 'diverging' ? ', blue = negative, red = positive' : ''}`;
  const description =
    cells.length <= 64
      ? `${alt}. Rows, top to bottom: ${rows.map((row) => row.map(round).join(', ')).join('; ')}.`
      : `${alt}. Values from ${round(min)} to ${round(top)}.`;
  return (
    <PlotFigure
      id={id}
      alt={alt}
      description={description}
      caption={title ?? caption}
      deps={[data, n, c, cell, values, scheme, JSON.stringify(domain), JSON.stringify(highlight), title]}
      plot={() =>
        Plot.plot({
          width: w * cell + 2,
          height: h * cell + 2,
          marginTop: 1,
          marginLeft: 1,
          marginRight: 1,
          marginBottom: 1,
          padding: 0,
          ...frame,
          color,
          style: { fontSize: '12px', background: 'transparent' },
          marks: drawn,
        })
      }
    />
  );
}
