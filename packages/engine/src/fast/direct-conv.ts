/**
 * Direct convolution on the WebAssembly SIMD tap kernels (taps-wasm.ts): the
 * same sums as im2col + GEMM (conv2d.ts), without writing the im2col matrix.
 *
 * Each image is copied once into "planes": the zero-padded input, split for
 * stride S into S·S phase planes per channel (plane (a, b) holds the padded
 * rows a, a+S, … and columns b, b+S, …). In a phase plane a strided window
 * becomes a stride-1 window, so for every tap kk = (c, i, j) the values that
 * consecutive output positions see are consecutive floats, starting at
 * tap[kk] + outRow·planeCols + outCol. The kernels read them in place.
 *
 *   forward:   out = w · taps(x planes) + b                        (tapsB)
 *   dw:        dwᵀ += taps(x planes) · doutᵀ, summed over images    (tapsA)
 *   dx (S=1):  the "full" convolution of dout, padded by HH−1−pad, with the
 *              filters flipped and transposed: wᵀ[c, f, HH−1−i, WW−1−j]  (tapsB)
 */
import type { ConvGeometry } from './geometry.ts';
import { matrix, packA, reserveArena, roundUp, wasmKernels, type GemmPlan, type MatrixView } from './gemm.ts';
import { WASM_MR as MR, WASM_NR as NR } from './gemm-wasm.ts';

/** The planes of one image: `rows` × `cols` each, S·S per channel, then a zeroed tail that thrown-away positions may read. */
interface Planes {
  channels: number;
  H: number;
  W: number;
  stride: number;
  padTop: number;
  padLeft: number;
  rows: number;
  cols: number;
  floats: number;
}

function planes(channels: number, H: number, W: number, stride: number, padTop: number, padLeft: number, filterWidth: number): Planes {
  const rows = Math.ceil((H + 2 * padTop) / stride), cols = Math.ceil((W + 2 * padLeft) / stride);
  const floats = roundUp(channels * stride * stride * rows * cols + cols + filterWidth + 2 * NR, 4);
  return { channels, H, W, stride, padTop, padLeft, rows, cols, floats };
}

/** Copies image `n` of src (NCHW) into its planes at dst[at…]. */
function writePlanes(src: Float32Array, n: number, p: Planes, dst: Float32Array, at: number): void {
  const { channels, H, W, stride, padTop, padLeft, rows, cols } = p;
  let d = at;
  for (let c = 0; c < channels; c++) {
    for (let a = 0; a < stride; a++) {
      for (let b = 0; b < stride; b++) {
        for (let r = 0; r < rows; r++, d += cols) {
          const y = r * stride + a - padTop;
          if (y < 0 || y >= H) {
            for (let q = 0; q < cols; q++) dst[d + q] = 0;
            continue;
          }
          const row = ((n * channels + c) * H + y) * W;
          for (let q = 0; q < cols; q++) {
            const x = q * stride + b - padLeft;
            dst[d + q] = x >= 0 && x < W ? src[row + x] : 0;
          }
        }
      }
    }
  }
  for (; d < at + p.floats; d++) dst[d] = 0;
}

/** Byte offset in the planes of every tap (c, i, j), in the order of w's last three axes; `count` ≥ C·HH·WW entries, the extra ones 0. */
function writeTaps(p: Planes, filterHeight: number, filterWidth: number, mem: Float32Array, at: number, count: number): void {
  const tab = new Int32Array(mem.buffer, mem.byteOffset + 4 * at, count);
  const s = p.stride;
  let kk = 0;
  for (let c = 0; c < p.channels; c++) {
    for (let i = 0; i < filterHeight; i++) {
      for (let j = 0; j < filterWidth; j++) {
        const plane = (c * s + (i % s)) * s + (j % s);
        tab[kk++] = 4 * ((plane * p.rows + Math.floor(i / s)) * p.cols + Math.floor(j / s));
      }
    }
  }
  tab.fill(0, kk);
}

/** Packs A (M×K) in MR-row panels at `at` (see gemm.ts). */
function packRows(a: MatrixView, M: number, K: number, at: number): void {
  const Mp = roundUp(M, MR);
  const plan: GemmPlan = { M, N: 0, K, Mp, Np: 0, MR, NR, aOff: at, bOff: at, cOff: at, end: at + Mp * K };
  packA(plan, a);
}

/** Whether the direct kernels run: the wasm backend is in use (the forward pass takes any stride). */
export const directConvAvailable = (): boolean => wasmKernels() !== null;

/** The backward pass needs stride 1 and pad < filter size (so the full convolution's padding is ≥ 0). */
export const directBackwardEligible = (g: ConvGeometry): boolean =>
  directConvAvailable() && g.stride === 1 && g.pad < g.filterHeight && g.pad < g.filterWidth;

/** out[N, F, H', W'] = conv(x, w) + b, with the tap kernel. */
export function directConv2dForward(x: Float32Array, w: Float32Array, bias: ArrayLike<number>, g: ConvGeometry, out: Float32Array): void {
  const kernels = wasmKernels()!;
  const { F, filterHeight, filterWidth, outHeight, outWidth } = g;
  const K = g.C * filterHeight * filterWidth;
  const p = planes(g.C, g.H, g.W, g.stride, g.pad, g.pad, filterWidth);
  const Mp = roundUp(F, MR), Np = roundUp(outHeight * p.cols, NR);
  const P = outHeight * outWidth;
  const tabAt = Mp * K, planesAt = roundUp(tabAt + K, 4), cAt = planesAt + p.floats;
  const biasAt = cAt + Mp * Np, outAt = roundUp(biasAt + F, 4);
  const mem = reserveArena(outAt + F * P);
  packRows(matrix(w, K), F, K, 0);
  writeTaps(p, filterHeight, filterWidth, mem, tabAt, K);
  for (let f = 0; f < F; f++) mem[biasAt + f] = bias[f];
  for (let n = 0; n < g.N; n++) {
    writePlanes(x, n, p, mem, planesAt);
    kernels.tapsB(Mp, Np, K, 0, 4 * planesAt, 4 * tabAt, 4 * cAt, 0);
    kernels.compact(4 * cAt, Np, p.cols, outHeight, outWidth, F, 4 * biasAt, 1, 4 * outAt);
    out.set(mem.subarray(outAt, outAt + F * P), n * F * P);
  }
}

/** dw[F, C, HH, WW] and, unless dx is null, dx[N, C, H, W] (overwritten); stride 1 only (directBackwardEligible). */
export function directConv2dBackward(dout: Float32Array, x: Float32Array, w: Float32Array, g: ConvGeometry, dw: Float32Array, dx: Float32Array | null): void {
  const kernels = wasmKernels()!;
  const { C, H, W, F, filterHeight: HH, filterWidth: WW, outHeight, outWidth } = g;
  const K = C * HH * WW, Kp = roundUp(K, MR), Fp = roundUp(F, NR);
  const xp = planes(C, H, W, 1, g.pad, g.pad, WW);
  const positions = outHeight * xp.cols;
  // dw: rows are taps (read from the x planes), columns are filters (doutᵀ packed in NR-filter panels).
  const tabAt = 0, planesAt = roundUp(Kp, 4), bAt = planesAt + xp.floats, cAt = bAt + Fp * positions;
  // dx: the full convolution of dout's planes with the flipped filters.
  const dp = planes(F, outHeight, outWidth, 1, HH - 1 - g.pad, WW - 1 - g.pad, WW);
  const Kd = F * HH * WW, Cp = roundUp(C, MR), Nd = roundUp(H * dp.cols, NR);
  const aDxAt = cAt + Kp * Fp, tabDxAt = aDxAt + Cp * Kd, dPlanesAt = roundUp(tabDxAt + Kd, 4), cDxAt = dPlanesAt + dp.floats;
  const dxAt = cDxAt + Cp * Nd, image = C * H * W;
  const mem = reserveArena(dx === null ? aDxAt : dxAt + image);
  writeTaps(xp, HH, WW, mem, tabAt, Kp);
  if (dx !== null) {
    packRows(matrix(flippedFilters(w, g), Kd), C, Kd, aDxAt);
    writeTaps(dp, HH, WW, mem, tabDxAt, Kd);
  }
  for (let n = 0; n < g.N; n++) {
    writePlanes(x, n, xp, mem, planesAt);
    packDoutT(dout, n, g, xp.cols, mem, bAt, Fp);
    kernels.tapsA(Kp, Fp, positions, 4 * planesAt, 4 * tabAt, 4 * bAt, 4 * cAt, n > 0 ? 1 : 0);
    if (dx === null) continue;
    writePlanes(dout, n, dp, mem, dPlanesAt);
    kernels.tapsB(Cp, Nd, Kd, 4 * aDxAt, 4 * dPlanesAt, 4 * tabDxAt, 4 * cDxAt, 0);
    kernels.compact(4 * cDxAt, Nd, dp.cols, H, W, C, 0, 0, 4 * dxAt);
    dx.set(mem.subarray(dxAt, dxAt + image), n * image);
  }
  for (let f = 0; f < F; f++) for (let kk = 0; kk < K; kk++) dw[f * K + kk] = mem[cAt + kk * Fp + f];
}

/** doutᵀ of image n as the B operand of tapsA: NR-filter panels, one row of NR per planes position (0 where outCol ≥ W'). */
function packDoutT(dout: Float32Array, n: number, g: ConvGeometry, cols: number, mem: Float32Array, at: number, Fp: number): void {
  const { F, outHeight, outWidth } = g;
  const P = outHeight * outWidth;
  let d = at; // written in order: panel, position, lane
  for (let f0 = 0; f0 < Fp; f0 += NR) {
    const lanes = Math.min(NR, F - f0), first = (n * F + f0) * P;
    for (let r = 0; r < outHeight; r++) {
      for (let q = 0; q < cols; q++, d += NR) {
        if (q >= outWidth) {
          for (let lane = 0; lane < NR; lane++) mem[d + lane] = 0;
          continue;
        }
        const src = first + r * outWidth + q;
        for (let lane = 0; lane < lanes; lane++) mem[d + lane] = dout[src + lane * P];
        for (let lane = lanes; lane < NR; lane++) mem[d + lane] = 0;
      }
    }
  }
}

/** wᵀ flipped: [C, F·HH·WW] with entry (c, (f, i, j)) = w[f, c, HH−1−i, WW−1−j]. */
function flippedFilters(w: Float32Array, g: ConvGeometry): Float32Array {
  const { C, F, filterHeight: HH, filterWidth: WW } = g;
  const out = new Float32Array(C * F * HH * WW);
  let d = 0;
  for (let c = 0; c < C; c++) {
    for (let f = 0; f < F; f++) {
      for (let i = 0; i < HH; i++) {
        for (let j = 0; j < WW; j++) out[d++] = w[((f * C + c) * HH + (HH - 1 - i)) * WW + (WW - 1 - j)];
      }
    }
  }
  return out;
}
