/** counts[true][predicted] as a 10×10 grid: the diagonal is right, anything else names a confusion. */
import React, { type ReactNode } from 'react';
import * as Plot from '@observablehq/plot';
import { PlotFigure } from '../figures/PlotFigure.tsx';
import { inkFor } from '../figures/ink.ts';

/** In words: how many are right, per digit, and the most frequent confusions. */
function describe(counts: number[][]): string {
  const total = counts.flat().reduce((a, b) => a + b, 0);
  const right = counts.reduce((a, row, t) => a + (row[t] ?? 0), 0);
  const perDigit = counts.map((row, t) => `${t}: ${row[t] ?? 0} of ${row.reduce((a, b) => a + b, 0)}`).join(', ');
  const confusions = counts
    .flatMap((row, t) => row.map((n, p) => ({ t, p, n })))
    .filter((c) => c.t !== c.p && c.n > 0)
    .sort((a, b) => b.n - a.n)
    .slice(0, 3)
    .map((c) => `${c.n} × ${c.t} taken for ${c.p}`);
  return `${right} of ${total} test examples right. Right per true digit: ${perDigit}.${confusions.length ? ` Most frequent confusions: ${confusions.join(', ')}.` : ''}`;
}

export function ConfusionMatrix({ counts }: { counts: number[][] }): ReactNode {
  const cells = counts.flatMap((row, t) => row.map((n, p) => ({ t, p, n })));
  const max = Math.max(1, ...cells.map((c) => c.n));
  const color: Plot.ScaleOptions = { type: 'sqrt', scheme: 'Blues', domain: [0, max] };
  const ink = inkFor(color);
  return (
    <PlotFigure
      id="confusion"
      deps={[counts]}
      caption="Rows: true digit; columns: predicted digit; test examples."
      alt="Confusion matrix: true digit against predicted digit on the test examples"
      description={describe(counts)}
      plot={() =>
        Plot.plot({
          width: 330,
          height: 330,
          marginLeft: 40,
          marginTop: 36,
          padding: 0.05,
          x: { label: 'predicted', axis: 'top', domain: [...Array(10).keys()] },
          y: { label: 'true', domain: [...Array(10).keys()] },
          color,
          marks: [
            // every cell coloured by its count (a null stroke channel would make Plot drop the off-diagonal cells)
            Plot.cell(cells, { x: 'p', y: 't', fill: 'n' }),
            Plot.cell(
              cells.filter((c) => c.t === c.p),
              { x: 'p', y: 't', fill: 'none', stroke: '#333' },
            ),
            Plot.text(
              cells.filter((c) => c.n > 0),
              { x: 'p', y: 't', text: 'n', fill: (d: { n: number }) => ink(d.n), fontSize: 10 },
            ),
          ],
        })
      }
    />
  );
}
