/**
 * The convolutional layer, written as plain loops that read like the math.
 *
 * Each output neuron looks at one local window of the input volume (all C
 * channels, filterHeight × filterWidth positions) and computes y = wᵀx + b with
 * the weights of its filter. The same filter slides over every window, moving
 * `stride` positions each step, so every neuron of one activation map shares
 * its weights; F filters give F activation maps.
 *
 * Like every deep-learning framework this is cross-correlation: the filter is
 * not flipped. Padding adds `pad` virtual zeros on each side: a zero adds
 * nothing to a sum, so the loops simply skip positions outside the input
 * instead of building a padded copy.
 */
import { Tensor, index4 } from '../tensor.ts';
import { checkFinite, checkNonEmpty, checkRank, checkSameDtype, checkShapeEquals, fmtShape } from '../check.ts';
import { checkConvParams, type ConvParams, type WeightGradients } from './params.ts';
import { windowPositions } from './output-size.ts';

/** Sizes of one convolution, checked once and shared by the forward and backward pass. */
export interface ConvGeometry {
  N: number;
  C: number;
  H: number;
  W: number;
  F: number;
  filterHeight: number;
  filterWidth: number;
  stride: number;
  pad: number;
  outHeight: number;
  outWidth: number;
}

function convGeometry(op: string, x: unknown, w: unknown, params: unknown): ConvGeometry {
  checkRank(op, 'x', x, 4, 'N, C, H, W');
  checkRank(op, 'w', w, 4, 'F, C, HH, WW');
  checkSameDtype(op, ['x', x], ['w', w]);
  checkNonEmpty(op, 'x', x, 'N, C, H, W');
  checkNonEmpty(op, 'w', w, 'F, C, HH, WW');
  const [N, C, H, W] = x.shape;
  const [F, filterChannels, filterHeight, filterWidth] = w.shape;
  if (filterChannels !== C) {
    throw new Error(`${op}: expected w with C = ${C} channels like x ${fmtShape(x.shape)}, got C = ${filterChannels} in w ${fmtShape(w.shape)}`);
  }
  const { stride, pad } = checkConvParams(op, params);
  const outHeight = windowPositions({ op, n: 'H', f: 'HH', withPad: true }, H, filterHeight, stride, pad);
  const outWidth = windowPositions({ op, n: 'W', f: 'WW', withPad: true }, W, filterWidth, stride, pad);
  checkFinite(op, 'x', x);
  checkFinite(op, 'w', w);
  return { N, C, H, W, F, filterHeight, filterWidth, stride, pad, outHeight, outWidth };
}

/**
 * Calls `visit(row, col, i, j)` for each input position (row, col) under the
 * window of output (outRow, outCol), with (i, j) its position inside the filter.
 * Positions in the zero padding are skipped: they would only add zeros.
 */
function forEachInWindow(g: ConvGeometry, outRow: number, outCol: number, visit: (row: number, col: number, i: number, j: number) => void): void {
  for (let i = 0; i < g.filterHeight; i++) {
    const row = outRow * g.stride - g.pad + i;
    if (row < 0 || row >= g.H) continue;
    for (let j = 0; j < g.filterWidth; j++) {
      const col = outCol * g.stride - g.pad + j;
      if (col < 0 || col >= g.W) continue;
      visit(row, col, i, j);
    }
  }
}

/**
 * Convolution forward pass.
 * @param x input volume [N, C, H, W]
 * @param w filters [F, C, HH, WW]
 * @param b one bias per filter [F]
 * @returns activation maps [N, F, H', W'] with H' = (H - HH + 2*pad) / stride + 1 (W' likewise)
 */
export function conv2dForward(x: Tensor, w: Tensor, b: Tensor, params: ConvParams): Tensor {
  const op = 'conv2dForward';
  const g = convGeometry(op, x, w, params);
  checkRank(op, 'b', b, 1, 'F');
  checkSameDtype(op, ['x', x], ['b', b]);
  if (b.shape[0] !== g.F) {
    throw new Error(`${op}: expected b of length F = ${g.F} (one bias per filter of w ${fmtShape(w.shape)}), got length ${b.shape[0]}`);
  }
  checkFinite(op, 'b', b);

  const out = Tensor.zeros([g.N, g.F, g.outHeight, g.outWidth], x.dtype);
  for (let n = 0; n < g.N; n++) {
    for (let f = 0; f < g.F; f++) {
      for (let outRow = 0; outRow < g.outHeight; outRow++) {
        for (let outCol = 0; outCol < g.outWidth; outCol++) {
          // y = wᵀx + b over the local window, summed across all input channels.
          let y = b.data[f];
          for (let c = 0; c < g.C; c++) {
            forEachInWindow(g, outRow, outCol, (row, col, i, j) => {
              y += w.data[index4(w.shape, f, c, i, j)] * x.data[index4(x.shape, n, c, row, col)];
            });
          }
          out.data[index4(out.shape, n, f, outRow, outCol)] = y;
        }
      }
    }
  }
  return out;
}

/**
 * Convolution backward pass: given dout = ∂L/∂out, returns ∂L/∂x, ∂L/∂w and ∂L/∂b.
 * Each output y = wᵀx + b sends its gradient back along the same connections:
 * to each input in its window (times the weight), to each weight (times the
 * input) and to its bias. Windows overlap, so the contributions add up.
 */
export function conv2dBackward(dout: Tensor, x: Tensor, w: Tensor, params: ConvParams): WeightGradients<Tensor> {
  const op = 'conv2dBackward';
  const g = convGeometry(op, x, w, params);
  checkRank(op, 'dout', dout, 4, "N, F, H', W'");
  checkShapeEquals(op, 'dout', dout, [g.N, g.F, g.outHeight, g.outWidth]);
  checkSameDtype(op, ['x', x], ['dout', dout]);
  checkFinite(op, 'dout', dout);

  // Accumulate in float64 so that float32 gradients are rounded once, at the end.
  const dx = Tensor.zeros(x.shape, 'float64');
  const dw = Tensor.zeros(w.shape, 'float64');
  const db = Tensor.zeros([g.F], 'float64');
  for (let n = 0; n < g.N; n++) {
    for (let f = 0; f < g.F; f++) {
      for (let outRow = 0; outRow < g.outHeight; outRow++) {
        for (let outCol = 0; outCol < g.outWidth; outCol++) {
          const upstream = dout.data[index4(dout.shape, n, f, outRow, outCol)];
          db.data[f] += upstream;
          for (let c = 0; c < g.C; c++) {
            forEachInWindow(g, outRow, outCol, (row, col, i, j) => {
              const xAt = index4(x.shape, n, c, row, col);
              const wAt = index4(w.shape, f, c, i, j);
              dx.data[xAt] += w.data[wAt] * upstream;
              dw.data[wAt] += x.data[xAt] * upstream;
            });
          }
        }
      }
    }
  }
  return { dx: dx.astype(x.dtype), dw: dw.astype(x.dtype), db: db.astype(x.dtype) };
}
