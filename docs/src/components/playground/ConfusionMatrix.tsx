/** counts[true][predicted] as a 10×10 grid: the diagonal is right, anything else names a confusion. */
import React, { type ReactNode } from 'react';
import * as Plot from '@observablehq/plot';
import { PlotFigure } from '../figures/PlotFigure.tsx';

export function ConfusionMatrix({ counts }: { counts: number[][] }): ReactNode {
  const cells = counts.flatMap((row, t) => row.map((n, p) => ({ t, p, n })));
  const max = Math.max(1, ...cells.map((c) => c.n));
  return (
    <PlotFigure
      id="confusion"
      deps={[counts]}
      caption="Rows: true digit; columns: predicted digit; test examples."
      plot={() =>
        Plot.plot({
          width: 330, height: 330, marginLeft: 40, marginTop: 36, padding: 0.05,
          x: { label: 'predicted', axis: 'top', domain: [...Array(10).keys()] },
          y: { label: 'true', domain: [...Array(10).keys()] },
          color: { type: 'sqrt', scheme: 'Blues', domain: [0, max] },
          marks: [
            Plot.cell(cells, { x: 'p', y: 't', fill: 'n', stroke: (d: { t: number; p: number }) => (d.t === d.p ? '#333' : null) }),
            Plot.text(cells.filter((c) => c.n > 0), { x: 'p', y: 't', text: 'n', fill: (d: { n: number }) => (d.n > max * 0.5 ? '#fff' : '#000'), fontSize: 10 }),
          ],
        })
      }
    />
  );
}
