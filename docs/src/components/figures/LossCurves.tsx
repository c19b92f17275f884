/** Loss and accuracy against training step, as two line charts (Plot.line). */
import React, { type ReactNode } from 'react';
import * as Plot from '@observablehq/plot';
import { PlotFigure } from './PlotFigure.tsx';

export interface CurvePoint {
  step: number;
  /** Which run the point belongs to, e.g. 'batch 1' or 'train'. */
  series: string;
  value: number;
}

export function Curve({
  points,
  id,
  y,
  x = 'step',
  width = 290,
  yDomain,
}: {
  points: CurvePoint[];
  id?: string;
  y: string;
  x?: string;
  width?: number;
  yDomain?: [number, number];
}): ReactNode {
  // for screen readers: each series' first and last value, the numbers a reader of the curve looks at
  const series = [...new Set(points.map((p) => p.series))];
  const r3 = (v: number) => String(Math.round(v * 1000) / 1000);
  const summary = series
    .map((s) => {
      const ps = points.filter((p) => p.series === s);
      return `${s}: ${r3(ps[0].value)} at ${x} ${ps[0].step}, ${r3(ps[ps.length - 1].value)} at ${x} ${ps[ps.length - 1].step}`;
    })
    .join('; ');
  return (
    <PlotFigure
      id={id}
      alt={`${y} against ${x}, ${series.length === 1 ? 'one line' : `${series.length} lines: ${series.join(', ')}`}`}
      description={`${y} against ${x}. ${summary}.`}
      deps={[points, width, x]}
      plot={() =>
        Plot.plot({
          width,
          height: 220,
          marginLeft: 44,
          x: { label: x, grid: true },
          y: { label: y, grid: true, domain: yDomain, zero: yDomain === undefined && y !== 'loss' },
          color: { legend: new Set(points.map((p) => p.series)).size > 1 },
          marks: [Plot.line(points, { x: 'step', y: 'value', stroke: 'series', z: 'series' }), Plot.ruleY([0])],
        })
      }
    />
  );
}

export function LossCurves({
  loss,
  accuracy,
  idPrefix = 'curves',
  x = 'step',
}: {
  loss: CurvePoint[];
  accuracy?: CurvePoint[];
  idPrefix?: string;
  x?: string;
}): ReactNode {
  return (
    <div className="ck-row">
      <Curve points={loss} id={`${idPrefix}-loss`} y="loss" x={x} />
      {accuracy && <Curve points={accuracy} id={`${idPrefix}-accuracy`} y="accuracy" x={x} yDomain={[0, 1]} />}
    </div>
  );
}
