/**
 * Everything a live code block (```jsx live) can use without importing: React and its hooks, the engine's
 * whole public API (the same named exports as `import … from '@convkit/engine'`), Observable Plot as `Plot`,
 * and the course's figure and output components.
 */
import React from 'react';
import * as Plot from '@observablehq/plot';
import * as engine from '@convkit/engine';
import { Out, TensorView, fmt, formatTensor } from '@site/src/components/figures/Out.tsx';
import { Heatmap } from '@site/src/components/figures/Heatmap.tsx';
import { PlotFigure } from '@site/src/components/figures/PlotFigure.tsx';
import { LossCurves, Curve } from '@site/src/components/figures/LossCurves.tsx';
import { useDigit } from '@site/src/lib/samples.ts';

const ReactLiveScope: Record<string, unknown> = {
  React,
  ...React,
  ...engine,
  engine,
  Plot,
  Out,
  TensorView,
  fmt,
  formatTensor,
  Heatmap,
  PlotFigure,
  LossCurves,
  Curve,
  useDigit,
};

export default ReactLiveScope;
