/** Max pooling before and after: a small map with its pooling windows tinted, and the pooled map (engine maxPool2dForward). */
import React, { useState, type ReactNode } from 'react';
import * as Plot from '@observablehq/plot';
import { Tensor, maxPool2dForward } from '@convkit/engine';
import { PlotFigure } from './PlotFigure.tsx';
import { fmt } from './Out.tsx';

const CELL = 38;
const PALETTE = ['#fde2c4', '#cfe3f7', '#d9f0d3', '#eadcf3', '#fbe3e8', '#e5e5c8', '#d4eeee', '#f3e0cf', '#dde3f5'];

/** The 4×4 map the chapter works through by hand. */
export const POOL_EXAMPLE = [
  [1, 1, 2, 4],
  [5, 6, 7, 8],
  [3, 2, 1, 0],
  [1, 2, 3, 4],
];

interface Cell {
  r: number;
  c: number;
  v: number;
  group: number;
  max: boolean;
}

export function MaxPoolFigure({ map = POOL_EXAMPLE }: { map?: number[][] }): ReactNode {
  const [size, setSize] = useState(2);
  const stride = size;
  const h = map.length;
  const w = map[0].length;
  const x = new Tensor([1, 1, h, w], map.flat());
  let y: Tensor | undefined;
  let error: string | undefined;
  try {
    y = maxPool2dForward(x, { size, stride });
  } catch (err) {
    error = (err as Error).message;
  }
  const oh = y?.shape[2] ?? 0;
  const ow = y?.shape[3] ?? 0;
  const before: Cell[] = map.flatMap((row, r) =>
    row.map((v, c) => {
      const gi = Math.floor(r / stride);
      const gj = Math.floor(c / stride);
      const group = gi < oh && gj < ow ? gi * ow + gj : -1;
      return { r, c, v, group, max: group >= 0 && y !== undefined && y.data[group] === v };
    }),
  );
  const after: Cell[] = y ? Array.from(y.data, (v, i) => ({ r: Math.floor(i / ow), c: i % ow, v, group: i, max: true })) : [];
  const draw = (cells: Cell[], cols: number, rows: number) => () =>
    Plot.plot({
      width: cols * CELL + 2,
      height: rows * CELL + 2,
      margin: 1,
      x: { axis: null, domain: [0, cols] },
      y: { axis: null, domain: [0, rows], reverse: true },
      marks: [
        Plot.rect(cells, {
          x1: 'c',
          x2: (d: Cell) => d.c + 1,
          y1: 'r',
          y2: (d: Cell) => d.r + 1,
          fill: (d: Cell) => (d.group < 0 ? '#fff' : PALETTE[d.group % PALETTE.length]),
          stroke: '#888',
          inset: 0.5,
        }),
        // fontWeight is a constant option, not a channel: one text mark for the maxima, one for the rest
        Plot.text(
          cells.filter((d) => d.max),
          { x: (d: Cell) => d.c + 0.5, y: (d: Cell) => d.r + 0.5, text: (d: Cell) => fmt(d.v), fontWeight: 'bold', fill: '#000', fontSize: 15 },
        ),
        Plot.text(
          cells.filter((d) => !d.max),
          { x: (d: Cell) => d.c + 0.5, y: (d: Cell) => d.r + 0.5, text: (d: Cell) => fmt(d.v), fill: '#555', fontSize: 15 },
        ),
      ],
    });
  return (
    <div className="ck-widget" data-figure="max-pool">
      <div className="ck-controls">
        <label className="ck-field">
          <span>window = stride = {size}</span>
          <input type="range" name="pool-size" min={1} max={3} value={size} onChange={(e) => setSize(Number(e.target.value))} />
        </label>
      </div>
      {error ? (
        <p className="ck-error">
          <code>{error}</code>
        </p>
      ) : (
        <div className="ck-row">
          <PlotFigure
            id="pool-before"
            plot={draw(before, w, h)}
            deps={[size, map]}
            caption={`before: ${h}×${w}`}
            description={`Before pooling, rows top to bottom: ${map.map((row) => row.map(fmt).join(', ')).join('; ')}. Windows of ${size}×${size}, the largest value of each in bold.`}
          />
          <span className="ck-arrow">→ max →</span>
          <PlotFigure
            id="pool-after"
            plot={draw(after, ow, oh)}
            deps={[size, map]}
            caption={`after: ${oh}×${ow}`}
            description={`After pooling, rows top to bottom: ${Array.from({ length: oh }, (_, r) => Array.from(y?.data.subarray(r * ow, (r + 1) * ow) ?? [], fmt).join(', ')).join('; ')}.`}
          />
        </div>
      )}
    </div>
  );
}
