/**
 * The model summary: each layer's output volume, written W×H×D as the course
 * notes do (width × height × depth), and its number of learnable parameters.
 * Shapes come from each layer's `outputShape`, i.e. from the size formula
 * (N − F + 2P) / S + 1, so the table is exactly what the model computes.
 */
import { sizeOf } from '../tensor.ts';
import type { LayerConfig } from '../layers/layer.ts';
import type { Sequential } from './sequential.ts';

export interface SummaryRow {
  /** The layer and its options, e.g. `Conv2D filters=8 kernelSize=5×5 stride=1 pad=0`. */
  layer: string;
  /** Output volume W×H×D (or D for a vector), e.g. `24×24×8`. */
  output: string;
  /** The same as an NCHW shape without the batch axis, e.g. `[8, 24, 24]`. */
  shape: number[];
  params: number;
}

export interface ModelSummary {
  rows: SummaryRow[];
  totalParams: number;
  /** The table as text, ready to print. */
  toString(): string;
}

/** `[C, H, W]` → `W×H×D` as the notes write volumes; a vector `[D]` → `D`. */
export function formatVolume(shape: readonly number[]): string {
  if (shape.length === 3) return `${shape[2]}×${shape[1]}×${shape[0]}`;
  return shape.join('×');
}

/** `Conv2D filters=8 kernelSize=5×5 stride=1 pad=0`: the class and the options that change shapes. */
function describe(config: LayerConfig): string {
  const options = Object.entries(config)
    .filter(([key]) => key !== 'type' && key !== 'init')
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('×') : String(value)}`);
  return [config.type, ...options].join(' ');
}

export function summarize(model: Sequential): ModelSummary {
  const rows: SummaryRow[] = [{ layer: 'Input', output: formatVolume(model.inputShape), shape: [...model.inputShape], params: 0 }];
  model.layers.forEach((layer, i) => {
    const shape = [...model.shapes[i]];
    const params = layer.params().reduce((sum, p) => sum + sizeOf(p.value.shape), 0);
    rows.push({ layer: describe(layer.config()), output: formatVolume(shape), shape, params });
  });
  const totalParams = rows.reduce((sum, r) => sum + r.params, 0);
  return { rows, totalParams, toString: () => formatTable(rows, totalParams) };
}

function formatTable(rows: SummaryRow[], totalParams: number): string {
  const header = { layer: 'Layer', output: 'Output (W×H×D)', params: 'Params' };
  const cells = rows.map((r) => ({ layer: r.layer, output: r.output, params: r.params.toLocaleString('en-US') }));
  const all = [header, ...cells];
  const width = (key: 'layer' | 'output' | 'params') => Math.max(...all.map((c) => c[key].length));
  const [wl, wo, wp] = [width('layer'), width('output'), width('params')];
  const line = (c: (typeof all)[number]) => `${c.layer.padEnd(wl)}  ${c.output.padEnd(wo)}  ${c.params.padStart(wp)}`;
  const rule = '─'.repeat(wl + wo + wp + 4);
  return [line(header), rule, ...cells.map(line), rule, `Total params: ${totalParams.toLocaleString('en-US')}`].join('\n');
}
