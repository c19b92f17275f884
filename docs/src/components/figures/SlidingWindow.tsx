/**
 * A filter sliding over a small input: choose the input size, filter size, stride and padding, then step
 * the window through its positions. Padding cells are drawn dashed; the output is computed by the engine's
 * conv2dForward, so an impossible combination shows the engine's own error.
 */
import React, { useState, type ReactNode } from 'react';
import * as Plot from '@observablehq/plot';
import { Tensor, conv2dForward } from '@convkit/engine';
import { PlotFigure } from './PlotFigure.tsx';
import { fmt } from './Out.tsx';
import { inkFor } from './ink.ts';

const CELL = 34;

/** Small integer input so the sums can be checked by hand. */
export function demoInput(n: number): Tensor {
  return new Tensor(
    [1, 1, n, n],
    Array.from({ length: n * n }, (_, i) => (Math.floor(i / n) * 2 + (i % n) * 3) % 4),
  );
}

/** A vertical-edge filter: +1 in the left column, −1 in the right column. */
export function edgeFilter(f: number): Tensor {
  return new Tensor(
    [1, 1, f, f],
    Array.from({ length: f * f }, (_, i) => (i % f === 0 ? 1 : i % f === f - 1 ? -1 : 0)),
  );
}

interface Cell {
  r: number;
  c: number;
  v: number;
  pad: boolean;
}

/** A grid's values as text, one string per row (for screen readers). */
const rowsOf = (cells: Cell[], cols: number): string[] =>
  Array.from({ length: Math.ceil(cells.length / Math.max(cols, 1)) }, (_, r) =>
    cells
      .slice(r * cols, (r + 1) * cols)
      .map((d) => fmt(d.v))
      .join(', '),
  );

function Slider(p: { label: string; name: string; value: number; min: number; max: number; set: (v: number) => void }): ReactNode {
  return (
    <label className="ck-field">
      <span>
        {p.label} = {p.value}
      </span>
      <input type="range" name={p.name} min={p.min} max={p.max} value={p.value} onChange={(e) => p.set(Number(e.target.value))} />
    </label>
  );
}

export function SlidingWindow(): ReactNode {
  const [n, setN] = useState(5);
  const [f, setF] = useState(3);
  const [stride, setStride] = useState(1);
  const [pad, setPad] = useState(0);
  const [step, setStep] = useState(0);
  const x = demoInput(n);
  let out: Tensor | undefined;
  let error: string | undefined;
  try {
    out = conv2dForward(x, edgeFilter(f), new Tensor([1], [0]), { stride, pad });
  } catch (err) {
    error = (err as Error).message;
  }
  const outH = out?.shape[2] ?? 0;
  const outW = out?.shape[3] ?? 0;
  const k = out ? step % (outH * outW) : 0;
  const oi = Math.floor(k / Math.max(outW, 1));
  const oj = k % Math.max(outW, 1);
  const size = n + 2 * pad;
  const cells: Cell[] = [];
  for (let r = 0; r < size; r++)
    for (let c = 0; c < size; c++) {
      const inside = r >= pad && r < pad + n && c >= pad && c < pad + n;
      cells.push({ r, c, v: inside ? x.data[(r - pad) * n + (c - pad)] : 0, pad: !inside });
    }
  const window = out ? [{ r0: oi * stride, c0: oj * stride }] : [];
  const outCells: Cell[] = out ? Array.from(out.data, (v, i) => ({ r: Math.floor(i / outW), c: i % outW, v, pad: false })) : [];
  // Linear scales (not bands) so the window can be one rectangle spanning f cells.
  const grid = (cols: number, rows: number) => ({
    width: cols * CELL + 2,
    height: rows * CELL + 2,
    margin: 1,
    x: { axis: null, domain: [0, cols] },
    y: { axis: null, domain: [0, rows], reverse: true },
  });
  const input = () =>
    Plot.plot({
      ...grid(size, size),
      color: { type: 'linear', range: ['#ffffff', '#7aa6d6'], domain: [0, 3] },
      marks: [
        Plot.rect(
          cells.filter((d) => !d.pad),
          { x1: 'c', x2: (d: Cell) => d.c + 1, y1: 'r', y2: (d: Cell) => d.r + 1, fill: 'v', stroke: '#999', inset: 0.5 },
        ),
        Plot.rect(
          cells.filter((d) => d.pad),
          { x1: 'c', x2: (d: Cell) => d.c + 1, y1: 'r', y2: (d: Cell) => d.r + 1, fill: '#f4f4f4', stroke: '#999', strokeDasharray: '3,3', inset: 0.5 },
        ),
        Plot.text(cells, {
          x: (d: Cell) => d.c + 0.5,
          y: (d: Cell) => d.r + 0.5,
          text: (d: Cell) => String(d.v),
          fill: (d: Cell) => (d.pad ? '#595959' : '#000'),
          fontSize: 13,
        }),
        Plot.rect(window, {
          x1: 'c0',
          x2: (d: { c0: number }) => d.c0 + f,
          y1: 'r0',
          y2: (d: { r0: number }) => d.r0 + f,
          stroke: '#e07b00',
          strokeWidth: 4,
          fill: '#f2a33a',
          fillOpacity: 0.15,
        }),
      ],
    });
  const outColor: Plot.ScaleOptions = { type: 'linear', scheme: 'BuRd', domain: [-3 * f, 3 * f] };
  const output = () => {
    const ink = inkFor(outColor);
    return Plot.plot({
      ...grid(outW, outH),
      color: outColor,
      marks: [
        Plot.rect(outCells, { x1: 'c', x2: (d: Cell) => d.c + 1, y1: 'r', y2: (d: Cell) => d.r + 1, fill: 'v', stroke: '#999', inset: 0.5 }),
        Plot.text(outCells, { x: (d: Cell) => d.c + 0.5, y: (d: Cell) => d.r + 0.5, text: (d: Cell) => fmt(d.v), fill: (d: Cell) => ink(d.v), fontSize: 13 }),
        Plot.rect([{ r: oi, c: oj }], {
          x1: 'c',
          x2: (d: { c: number }) => d.c + 1,
          y1: 'r',
          y2: (d: { r: number }) => d.r + 1,
          fill: 'none',
          stroke: '#e07b00',
          strokeWidth: 4,
        }),
      ],
    });
  };
  return (
    <div className="ck-widget" data-figure="sliding-window">
      <div className="ck-controls">
        <Slider label="input W" name="n" value={n} min={3} max={8} set={setN} />
        <Slider label="filter F" name="f" value={f} min={1} max={4} set={setF} />
        <Slider label="stride S" name="stride" value={stride} min={1} max={3} set={setStride} />
        <Slider label="padding P" name="pad" value={pad} min={0} max={2} set={setPad} />
        <button type="button" className="button button--sm button--primary" onClick={() => setStep((s) => s + 1)} disabled={!out}>
          next position
        </button>
      </div>
      {error ? (
        <p className="ck-error" data-testid="window-error">
          <code>{error}</code>
        </p>
      ) : (
        <div className="ck-row">
          <PlotFigure
            id="window-input"
            plot={input}
            deps={[n, f, stride, pad, k]}
            caption={`input ${n}×${n}, padded to ${size}×${size}`}
            description={`Input, rows top to bottom (padding zeros included): ${rowsOf(cells, size).join('; ')}. The ${f}×${f} window covers rows ${oi * stride + 1} to ${oi * stride + f} and columns ${oj * stride + 1} to ${oj * stride + f}.`}
          />
          <PlotFigure
            id="window-output"
            plot={output}
            deps={[n, f, stride, pad, k]}
            caption={`activation map ${outH}×${outW}; position (${oi}, ${oj}) of ${outH * outW}`}
            description={`Activation map, rows top to bottom: ${rowsOf(outCells, outW).join('; ')}. Current position row ${oi + 1}, column ${oj + 1}: ${fmt(out?.data[k] ?? 0)}.`}
          />
        </div>
      )}
      <p className="ck-note">
        The filter is a vertical-edge detector: +1 in its left column, −1 in its right column, so each output is (sum of the window's left column) − (sum of its
        right column). Output size: ({n} − {f} + 2·{pad}) / {stride} + 1.
      </p>
    </div>
  );
}
