/**
 * The activation-map size (W − F + 2P)/S + 1, computed by the engine's own `outputSize`, so the error shown
 * for an invalid combination is exactly the Error the engine throws; the explanation below it (where the
 * windows start and how far the last one hangs over) comes from src/lib/window-fit.ts.
 */
import React, { useState, type ReactNode } from 'react';
import { outputSize } from '@convkit/engine';
import { windowFit } from '@site/src/lib/window-fit.ts';

function NumberField(props: { label: string; name: string; value: number; min: number; onChange: (v: number) => void }): ReactNode {
  return (
    <label className="ck-field">
      <span>{props.label}</span>
      <input
        type="number"
        name={props.name}
        min={props.min}
        value={Number.isNaN(props.value) ? '' : props.value}
        onChange={(e) => props.onChange(e.target.valueAsNumber)}
      />
    </label>
  );
}

function explain(n: number, f: number, s: number, p: number): string {
  if (f > n + 2 * p) return 'The filter is larger than the padded input, so it has nowhere to go: add padding or use a smaller filter.';
  const fit = windowFit(n, f, s, p);
  return (
    `From its first position the filter can move W − F + 2P = ${fit.travel} position(s). With stride ${s} its windows start at ` +
    `${fit.starts.join(', ')}; the next would start at ${fit.nextStart} and hang S − (${fit.travel} mod S) = ${fit.overhang} position(s) over the edge. ` +
    `Strides that fit: ${fit.stridesThatFit.join(', ')}; or change the padding so that W − F + 2P is a multiple of ${s}.`
  );
}

export function OutputSizeCalculator({ n0 = 32, f0 = 5, s0 = 1, p0 = 0 }: { n0?: number; f0?: number; s0?: number; p0?: number }): ReactNode {
  const [n, setN] = useState(n0);
  const [f, setF] = useState(f0);
  const [s, setS] = useState(s0);
  const [p, setP] = useState(p0);
  let result: ReactNode;
  try {
    const size = outputSize(n, f, s, p);
    result = (
      <p data-testid="calc-result" className="ck-ok">
        ({n} − {f} + 2·{p}) / {s} + 1 = <b>{size}</b>: the activation map is {size} × {size}
        {f > 1 || s > 1 ? '' : ' (a 1 × 1 filter with stride 1 keeps the size)'}.
      </p>
    );
  } catch (err) {
    const ints = [n, f, s].every((v) => Number.isInteger(v) && v >= 1) && Number.isInteger(p) && p >= 0;
    result = (
      <div data-testid="calc-error" className="ck-error">
        <code>{(err as Error).message}</code>
        {ints && <p>{explain(n, f, s, p)}</p>}
      </div>
    );
  }
  return (
    <div className="ck-widget" data-figure="output-size-calculator">
      <div className="ck-controls">
        <NumberField label="input width W" name="n" value={n} min={1} onChange={setN} />
        <NumberField label="filter size F" name="f" value={f} min={1} onChange={setF} />
        <NumberField label="stride S" name="s" value={s} min={1} onChange={setS} />
        <NumberField label="padding P" name="p" value={p} min={0} onChange={setP} />
      </div>
      {/* announced (politely) as the numbers change: the size, or the engine's error and why */}
      <div aria-live="polite" aria-atomic="true" data-testid="calc-live">
        {result}
      </div>
    </div>
  );
}
