/**
 * A real MNIST digit, four 3×3 filters and the four activation maps the engine computes from them
 * (conv2dForward then reluForward): T filters give T maps.
 */
import React, { useState, type ReactNode } from 'react';
import { Tensor, conv2dForward, reluForward } from '@convkit/engine';
import { useDigit } from '../../lib/samples.ts';
import { Heatmap } from './Heatmap.tsx';

/** Hand-made filters, each looking for one kind of stroke edge. */
export const EDGE_FILTERS: { name: string; w: number[] }[] = [
  { name: 'left edge', w: [1, 0, -1, 2, 0, -2, 1, 0, -1] },
  { name: 'right edge', w: [-1, 0, 1, -2, 0, 2, -1, 0, 1] },
  { name: 'top edge', w: [1, 2, 1, 0, 0, 0, -1, -2, -1] },
  { name: 'diagonal', w: [0, 1, 2, -1, 0, 1, -2, -1, 0] },
];

export function edgeFilterBank(): Tensor {
  return new Tensor(
    [EDGE_FILTERS.length, 1, 3, 3],
    EDGE_FILTERS.flatMap((f) => f.w),
  );
}

export function DigitFilters({ initial = 7 }: { initial?: number }): ReactNode {
  const [label, setLabel] = useState(initial);
  const x = useDigit(label);
  if (!x) return <p className="ck-note">loading digit…</p>;
  const w = edgeFilterBank();
  const maps = reluForward(conv2dForward(x, w, new Tensor([w.shape[0]]), { stride: 1, pad: 1 }));
  return (
    <div className="ck-widget" data-figure="digit-filters">
      <div className="ck-controls">
        <label className="ck-field">
          <span>digit</span>
          <select value={label} onChange={(e) => setLabel(Number(e.target.value))} name="digit">
            {[...Array(10).keys()].map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="ck-row">
        <Heatmap id="digit-input" data={x} cell={5} title={`input 28×28×1`} />
        <div className="ck-grid">
          {EDGE_FILTERS.map((f, i) => (
            <div key={f.name} className="ck-stack">
              <Heatmap id={`filter-${i}`} data={w} n={i} scheme="diverging" cell={20} values title={f.name} />
              <Heatmap id={`map-${i}`} data={maps} c={i} cell={3} title={`map ${i + 1}`} />
            </div>
          ))}
        </div>
      </div>
      <p className="ck-note">
        Output volume: {maps.shape[3]}×{maps.shape[2]}×{maps.shape[1]} (width × height × depth): pad 1 keeps 28×28, and the depth is the number of filters.
        Bright = strong response after ReLU.
      </p>
    </div>
  );
}
