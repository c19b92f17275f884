/**
 * A small case shown in full, as matrices: its inputs, the expected result and yours, with the first
 * value that differs marked »like this«. Used for failing random cases and `pnpm grade NN --case ID`,
 * for cases of up to {@link SHOW_LIMIT} values (anything bigger prints its shapes only).
 */
import { Tensor } from '@convkit/engine';
import { isWireTensor, type WireValue } from './sandbox/protocol.ts';
import { relativeError, TOLERANCE } from './compare.ts';

/** Cases with at most this many values (inputs + expected) are printed in full. */
export const SHOW_LIMIT = 120;

interface Grid {
  shape: readonly number[];
  data: ArrayLike<number>;
}

function asGrid(value: unknown): Grid | null {
  if (value instanceof Tensor) return { shape: value.shape, data: value.data };
  if (isWireTensor(value as WireValue)) {
    const t = value as { shape: number[]; data: ArrayLike<number> };
    return { shape: t.shape, data: t.data };
  }
  return null;
}

/** How many numbers a value holds. */
export function countValues(value: unknown): number {
  const grid = asGrid(value);
  if (grid) return grid.data.length;
  if (typeof value === 'number') return 1;
  if (Array.isArray(value)) return value.reduce((s: number, v) => s + countValues(v), 0);
  if (ArrayBuffer.isView(value)) return (value as unknown as ArrayLike<number>).length;
  if (typeof value === 'object' && value !== null) return Object.values(value).reduce((s: number, v) => s + countValues(v), 0);
  return 0;
}

const num = (v: number): string => (Number.isInteger(v) ? String(v) : Number.isFinite(v) ? String(Number(v.toPrecision(4))) : String(v));

/** A tensor as matrices of its last two axes, one per leading index; `mark` is a flat index to mark. */
export function matrices(name: string, grid: Grid, mark = -1, indent = '  '): string {
  const { shape, data } = grid;
  if (shape.length === 0) return `${indent}${name} = ${num(data[0])}`;
  if (shape.length === 1) {
    const cells = Array.from(data, (v, i) => (i === mark ? `»${num(v)}«` : num(v)));
    return `${indent}${name} [${shape.join(', ')}] = [${cells.join(', ')}]`;
  }
  const R = shape[shape.length - 2];
  const C = shape[shape.length - 1];
  const planes = data.length / (R * C);
  const cell = (i: number): string => (i === mark ? `»${num(data[i])}«` : ` ${num(data[i])} `);
  const width = Math.max(...Array.from({ length: data.length }, (_, i) => cell(i).length));
  const lead = shape.slice(0, -2);
  const out = [`${indent}${name} [${shape.join(', ')}]${planes > 1 ? ':' : ' ='}`];
  for (let p = 0; p < planes; p++) {
    if (planes > 1) {
      const idx: number[] = [];
      let rest = p;
      for (let d = lead.length - 1; d >= 0; d--) {
        idx[d] = rest % lead[d];
        rest = Math.floor(rest / lead[d]);
      }
      out.push(`${indent}  ${name}[${idx.join(', ')}] =`);
    }
    for (let r = 0; r < R; r++) {
      const row = Array.from({ length: C }, (_, c) => cell(p * R * C + r * C + c).padStart(width)).join('');
      out.push(`${indent}  ${planes > 1 ? '  ' : ''}${row}`);
    }
  }
  return out.join('\n');
}

/** The first flat index where `actual` differs from `expected` (the grader's error measure), or -1. */
export function firstDifference(expected: ArrayLike<number>, actual: ArrayLike<number>, tolerance = TOLERANCE): number {
  let maxAbs = 0;
  for (let i = 0; i < expected.length; i++) maxAbs = Math.max(maxAbs, Math.abs(expected[i]));
  const floor = Math.max(1e-6 * maxAbs, 1e-12);
  for (let i = 0; i < expected.length; i++) if (!(relativeError(actual[i], expected[i], floor) <= tolerance)) return i;
  return -1;
}

/** Any value: a tensor as matrices, a number, an object field by field. */
function show(name: string, value: unknown, other: unknown, tolerance: number, indent: string): string[] {
  const grid = asGrid(value);
  if (grid) {
    const o = asGrid(other);
    const sameShape = o !== null && o.data.length === grid.data.length && o.shape.join() === grid.shape.join();
    return [matrices(name, grid, sameShape ? firstDifference(o!.data, grid.data, tolerance) : -1, indent)];
  }
  if (typeof value === 'number') {
    const differs = typeof other === 'number' && !(relativeError(value, other, 1e-12) <= tolerance);
    return [`${indent}${name} = ${differs ? `»${num(value)}«` : num(value)}`];
  }
  if (ArrayBuffer.isView(value) || (Array.isArray(value) && value.every((v) => typeof v === 'number'))) {
    return [`${indent}${name} = [${Array.from(value as ArrayLike<number>, num).join(', ')}]`];
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    if ('__undefined' in value) return [`${indent}${name} = undefined`];
    const o = typeof other === 'object' && other !== null ? (other as Record<string, unknown>) : {};
    return Object.entries(value).flatMap(([k, v]) => show(k, v, o[k], tolerance, indent));
  }
  return [`${indent}${name} = ${JSON.stringify(value)}`];
}

/**
 * The case as text: inputs, expected and yours (`actual` absent when your function threw or did not
 * return), first difference marked in both. Null when the case is too big to print.
 */
export function showCase(
  c: { argNames: readonly string[]; args: readonly unknown[]; expected?: unknown; expectError?: string; tolerance?: number },
  actual?: WireValue,
  options: { limit?: number; tolerance?: number } = {},
): string | null {
  const total = countValues(c.args) + countValues(c.expected);
  if (total > (options.limit ?? SHOW_LIMIT)) return null;
  const tolerance = c.tolerance ?? options.tolerance ?? TOLERANCE;
  const lines = ['inputs:', ...c.args.flatMap((a, i) => show(c.argNames[i] ?? `arg${i + 1}`, a, undefined, tolerance, '  '))];
  if (c.expectError !== undefined) lines.push(`expected: an Error (${c.expectError})`);
  else lines.push('expected:', ...show('out', c.expected, actual, tolerance, '  '));
  if (actual !== undefined) lines.push('yours (first difference »marked«):', ...show('out', actual, c.expected, tolerance, '  '));
  return lines.join('\n');
}
