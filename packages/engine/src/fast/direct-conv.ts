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
import { matrix, packRowsAt, reserveArena, roundUp, wasmKernels } from './gemm.ts';
import { WASM_MR as MR, WASM_NR as NR } from './gemm-wasm.ts';
import { planes, regions, stageImage, writePlanes, writeTaps } from './planes.ts';

/** Floats of C per kernel call in the forward pass (128 KB: a quarter of this machine's L2). */
const CHUNK_FLOATS = 32 * 1024;

/** Whether the direct kernels run: the wasm backend is in use (the forward pass takes any stride). */
export const directConvAvailable = (): boolean => wasmKernels() !== null;

/** dx needs stride 1 and pad < filter size (so the full convolution's padding is ≥ 0); dw takes any stride. */
export const directDxEligible = (g: ConvGeometry): boolean => directConvAvailable() && g.stride === 1 && g.pad < g.filterHeight && g.pad < g.filterWidth;

/** out[N, F, H', W'] = conv(x, w) + b, with the tap kernel. */
export function directConv2dForward(x: Float32Array, w: Float32Array, bias: ArrayLike<number>, g: ConvGeometry, out: Float32Array): void {
  const kernels = wasmKernels()!;
  const { C, H, W, F, filterHeight, filterWidth, outHeight, outWidth } = g;
  const K = C * filterHeight * filterWidth,
    P = outHeight * outWidth;
  const p = planes(C, H, W, g.stride, g.pad, g.pad, filterWidth);
  // Output rows go through the kernel in chunks whose C stays in the L2 cache until compact reads it back.
  const Mp = roundUp(F, MR),
    chunkRows = Math.max(1, Math.min(outHeight, Math.floor(CHUNK_FLOATS / (Mp * p.cols))));
  const Np = roundUp(chunkRows * p.cols, NR);
  const at = regions({ w: Mp * K, taps: K, zero: 4, bias: F, stage: C * H * W, planes: p.floats, c: Mp * Np, out: F * P });
  const mem = reserveArena(at.end);
  packRowsAt(matrix(w, K), F, K, at.w);
  writeTaps(p, filterHeight, filterWidth, mem, at.taps, K);
  mem.fill(0, at.zero, at.zero + 4);
  mem.fill(0, at.planes + p.body, at.planes + p.floats);
  for (let f = 0; f < F; f++) mem[at.bias + f] = bias[f];
  for (let n = 0; n < g.N; n++) {
    stageImage(x, n, C * H * W, mem, at.stage);
    writePlanes(kernels, p, at.stage, at.planes, at.zero);
    for (let r0 = 0; r0 < outHeight; r0 += chunkRows) {
      const rows = Math.min(chunkRows, outHeight - r0),
        chunk = roundUp(rows * p.cols, NR);
      kernels.tapsB(Mp, chunk, K, 4 * at.w, 4 * (at.planes + r0 * p.cols), 4 * at.taps, 4 * at.c, 0);
      kernels.compact(4 * at.c, chunk, p.cols, rows, outWidth, F, 4 * at.bias, 1, 4 * (at.out + r0 * outWidth), P);
    }
    out.set(mem.subarray(at.out, at.out + F * P), n * F * P);
  }
}

/** dw[F, C, HH, WW] for any stride and, unless dx is null, dx[N, C, H, W] (overwritten; only where directDxEligible). */
export function directConv2dBackward(dout: Float32Array, x: Float32Array, w: Float32Array, g: ConvGeometry, dw: Float32Array, dx: Float32Array | null): void {
  const kernels = wasmKernels()!;
  const { C, H, W, F, filterHeight: HH, filterWidth: WW, outHeight, outWidth } = g;
  const K = C * HH * WW,
    Kp = roundUp(K, MR),
    Fp = roundUp(F, NR),
    P = outHeight * outWidth,
    image = C * H * W;
  // dw: rows are taps (read from the x planes), columns are filters (doutᵀ packed in NR-filter panels).
  const xp = planes(C, H, W, g.stride, g.pad, g.pad, WW);
  const positions = outHeight * xp.cols;
  // dx: the full convolution of dout's planes with the flipped filters; none of it when dx is null.
  const dp = planes(F, outHeight, outWidth, 1, HH - 1 - g.pad, WW - 1 - g.pad, WW);
  const Kd = F * HH * WW,
    Cp = roundUp(C, MR),
    Nd = roundUp(H * dp.cols, NR),
    withDx = dx === null ? 0 : 1;
  const at = regions({
    taps: Kp,
    zero: 4,
    stageX: image,
    stageDout: F * P,
    planes: xp.floats,
    b: Fp * positions,
    c: Kp * Fp,
    wFlipped: withDx * Cp * Kd,
    tapsDx: withDx * Kd,
    dPlanes: withDx * dp.floats,
    cDx: withDx * Cp * Nd,
    dx: withDx * image,
  });
  const mem = reserveArena(at.end);
  writeTaps(xp, HH, WW, mem, at.taps, Kp);
  mem.fill(0, at.zero, at.zero + 4);
  mem.fill(0, at.planes + xp.body, at.planes + xp.floats);
  if (dx !== null) {
    packRowsAt(matrix(flippedFilters(w, g), Kd), C, Kd, at.wFlipped);
    writeTaps(dp, HH, WW, mem, at.tapsDx, Kd);
    mem.fill(0, at.dPlanes + dp.body, at.dPlanes + dp.floats);
  }
  for (let n = 0; n < g.N; n++) {
    stageImage(x, n, image, mem, at.stageX);
    stageImage(dout, n, F * P, mem, at.stageDout);
    writePlanes(kernels, xp, at.stageX, at.planes, at.zero);
    kernels.packDoutT(4 * at.stageDout, F, outHeight, outWidth, xp.cols, Fp, 4 * at.b, 4 * at.zero);
    kernels.tapsA(Kp, Fp, positions, 4 * at.planes, 4 * at.taps, 4 * at.b, 4 * at.c, n > 0 ? 1 : 0);
    if (dx === null) continue;
    writePlanes(kernels, dp, at.stageDout, at.dPlanes, at.zero);
    kernels.tapsB(Cp, Nd, Kd, 4 * at.wFlipped, 4 * at.dPlanes, 4 * at.tapsDx, 4 * at.cDx, 0);
    kernels.compact(4 * at.cDx, Nd, dp.cols, H, W, C, 0, 0, 4 * at.dx, image / C);
    dx.set(mem.subarray(at.dx, at.dx + image), n * image);
  }
  for (let f = 0; f < F; f++) for (let kk = 0; kk < K; kk++) dw[f * K + kk] = mem[at.c + kk * Fp + f];
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
