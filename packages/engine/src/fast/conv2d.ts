/**
 * Fast float32 conv2d. Where WebAssembly SIMD runs, the direct tap kernels
 * (direct-conv.ts) do the forward pass and dw for any stride, and dx for
 * stride 1, reading the padded input in place. Everything else (no SIMD, or
 * dx of a strided convolution) takes the path below: per image, im2col then GEMM
 * (see im2col.ts, gemm.ts). Both compute the same sums:
 *   forward:  out_n[F, P]  = w[F, K] · cols_n[K, P] + b
 *   backward: dw[F, K]    += dout_n[F, P] · cols_nᵀ[P, K]
 *             dcols[K, P]  = wᵀ[K, F] · dout_n[F, P], then col2im → dx_n
 *             db[f]        = Σ dout[n, f, :, :]
 * The weights are packed once per call; im2col writes straight into the
 * packed B operand in the GEMM arena. Arguments are assumed checked
 * (functional.ts only dispatches valid float32 calls here).
 */
import { Tensor } from '../tensor.ts';
import type { ConvParams, WeightGradients } from '../ops/params.ts';
import { convGeometry, type ConvGeometry } from './geometry.ts';
import { arena, matrix, multiply, packA, packB, planGemm, readC, transposed } from './gemm.ts';
import { col2im, depthOffsets, im2colPacked, panelOffsets, zeroPadding } from './im2col.ts';
import { directDxEligible, directConv2dBackward, directConv2dForward, directConvAvailable } from './direct-conv.ts';

/** Where a training layer wants the gradients written (reused between steps); `dx: null` skips the input gradient. */
export interface ConvGradientBuffers {
  dx: Tensor | null;
  dw: Tensor;
  db: Tensor;
}

/** `out`, when given, must have the output shape [N, F, H', W']; it is overwritten and returned. */
export function fastConv2dForward(x: Tensor, w: Tensor, b: Tensor, params: ConvParams, out?: Tensor): Tensor {
  const g = convGeometry(x.shape, w.shape, params);
  const K = g.C * g.filterHeight * g.filterWidth,
    P = g.outHeight * g.outWidth;
  out ??= new Tensor([g.N, g.F, g.outHeight, g.outWidth]);
  const o = out.data as Float32Array,
    xs = x.data as Float32Array,
    bias = b.data;
  if (directConvAvailable()) {
    directConv2dForward(xs, w.data as Float32Array, bias, g, o);
    return out;
  }
  const plan = planGemm(g.F, P, K); // A = w [F, K], B = cols [K, P]
  packA(plan, matrix(w.data as Float32Array, K));
  const rowOffset = depthOffsets(K, plan.NR),
    colOffset = panelOffsets(plan.Np, plan.NR, K);
  zeroPadding(arena(), plan.bOff, rowOffset, colOffset, K, P);
  for (let n = 0; n < g.N; n++) {
    im2colPacked(xs, n, g, arena(), plan.bOff, rowOffset, colOffset);
    multiply(plan);
    const mem = arena();
    for (let f = 0; f < g.F; f++) {
      const src = plan.cOff + f * plan.Np,
        dst = (n * g.F + f) * P,
        bf = bias[f];
      for (let p = 0; p < P; p++) o[dst + p] = mem[src + p] + bf;
    }
  }
  return out;
}

/**
 * With `into`, the gradients are written into (overwriting) its tensors, which
 * must have the shapes of x, w and [F]; `into.dx === null` skips dx.
 */
export function fastConv2dBackward(dout: Tensor, x: Tensor, w: Tensor, params: ConvParams): WeightGradients<Tensor>;
export function fastConv2dBackward(dout: Tensor, x: Tensor, w: Tensor, params: ConvParams, into: ConvGradientBuffers): ConvGradientBuffers;
export function fastConv2dBackward(dout: Tensor, x: Tensor, w: Tensor, params: ConvParams, into?: ConvGradientBuffers): ConvGradientBuffers {
  const g = convGeometry(x.shape, w.shape, params);
  const P = g.outHeight * g.outWidth;
  const dx = into ? into.dx : new Tensor(x.shape),
    dw = into?.dw ?? new Tensor(w.shape),
    db = into?.db ?? new Tensor([g.F]);
  const xs = x.data as Float32Array,
    upstream = dout.data as Float32Array;
  sumBias(upstream, g.N, g.F, P, db.data);
  if (directConvAvailable()) {
    // dw on the tap kernels for any stride; dx too when the stride is 1, else on im2col + GEMM below.
    const dxDirect = dx !== null && directDxEligible(g);
    directConv2dBackward(upstream, xs, w.data as Float32Array, g, dw.data as Float32Array, dxDirect ? (dx.data as Float32Array) : null);
    if (dx !== null && !dxDirect) im2colBackward(upstream, xs, w, g, null, dx);
    return { dx, dw, db };
  }
  im2colBackward(upstream, xs, w, g, dw, dx);
  return { dx, dw, db };
}

/** dw (unless null) and dx (unless null), per image with im2col and GEMM. */
function im2colBackward(upstream: Float32Array, xs: Float32Array, w: Tensor, g: ConvGeometry, dw: Tensor | null, dx: Tensor | null): void {
  const K = g.C * g.filterHeight * g.filterWidth,
    P = g.outHeight * g.outWidth;
  dx?.data.fill(0);
  const dwPlan = planGemm(g.F, K, P); // A = dout_n [F, P], B = cols_nᵀ [P, K]
  const dxPlan = planGemm(K, P, g.F, dwPlan.end); // A = wᵀ [K, F], B = dout_n [F, P]
  packA(dxPlan, transposed(matrix(w.data as Float32Array, K)));
  const rowOffset = panelOffsets(dwPlan.Np, dwPlan.NR, P),
    colOffset = depthOffsets(P, dwPlan.NR);
  zeroPadding(arena(), dwPlan.bOff, rowOffset, colOffset, K, P);
  for (let n = 0; n < g.N; n++) {
    const doutN = matrix(upstream, P, n * g.F * P);
    if (dw !== null) {
      packA(dwPlan, doutN);
      im2colPacked(xs, n, g, arena(), dwPlan.bOff, rowOffset, colOffset);
      multiply(dwPlan);
      readC(dwPlan, { data: dw.data as Float32Array, offset: 0, rowStride: K }, n > 0);
    }
    if (dx === null) continue;
    packB(dxPlan, doutN);
    multiply(dxPlan);
    col2im(arena(), dxPlan.cOff, dxPlan.Np, n, g, dx.data as Float32Array);
  }
}

/** db[f] = Σ dout[n, f, :, :], summed in float64 (four partial sums, so the adds overlap). */
function sumBias(upstream: Float32Array, N: number, F: number, P: number, db: Float32Array | Float64Array): void {
  for (let f = 0; f < F; f++) {
    let s0 = 0,
      s1 = 0,
      s2 = 0,
      s3 = 0;
    for (let n = 0; n < N; n++) {
      const start = (n * F + f) * P,
        end = start + P;
      let p = start;
      for (; p + 3 < end; p += 4) {
        s0 += upstream[p];
        s1 += upstream[p + 1];
        s2 += upstream[p + 2];
        s3 += upstream[p + 3];
      }
      for (; p < end; p++) s0 += upstream[p];
    }
    db[f] = s0 + s1 + s2 + s3;
  }
}
