/**
 * The WebAssembly SIMD GEMM kernel, written as TypeScript that emits the
 * bytecode (see wasm-encoder.ts). Why not a .wat file assembled by wabt: the
 * engine is consumed as TypeScript source with no build step, so a .wat would
 * need either wabt (~1.5 MB) shipped to the browser to assemble it at run time
 * or a generated artifact kept in sync by a build step. Emitting the module
 * (all kernels of wasm-module.ts: 5.9 KB, of which 1.2 KB of names; its
 * size is checked in wasm-module.test.ts) from code needs neither, works unchanged in Node and in browsers,
 * and lets us unroll the register-blocked micro-kernel for any tile size.
 *
 * What the kernel computes, on operands packed by gemm.ts:
 *   C[Mp×Np] = A[Mp×K] · B[K×Np]
 * A is packed in row panels of MR rows, each stored k-major ([k][r], MR
 * floats per k); B in column panels of NR columns, k-major ([k][c]); C is
 * row-major with row length Np. Mp and Np are multiples of MR and NR (the
 * packing pads with zeros), so the kernel has no edge cases.
 *
 * Text-format sketch of the micro-kernel's inner loop for MR=4, NR=8:
 *   loop $k
 *     b0 = v128.load (bp)   b1 = v128.load offset=16 (bp)
 *     a = v128.load32_splat (ap)           ;; A[i+0][k] in all lanes
 *     c00 = f32x4.add c00 (f32x4.mul a b0)  c01 = f32x4.add c01 (f32x4.mul a b1)
 *     ... same for rows 1..3 (offset=4, 8, 12)
 *     ap += 16; bp += 32; br_if $k (kk -= 1) != 0
 * The MR×NR/4 accumulators live in v128 locals, i.e. in xmm registers.
 */
import { FunctionBuilder, I32, F32, V128, signature } from './wasm-encoder.ts';

/** Micro-tile: rows of A per panel, columns of B per panel (a multiple of 4). */
export const WASM_MR = 4;
export const WASM_NR = 8;
/** K is processed in blocks of KC so a B panel block (KC·NR floats = 8 KB) stays in L1 cache. */
const KC = 256;

/** C = A·B on packed operands (see above); pointers are byte addresses in the module's memory. */
export const GEMM = signature(['Mp', 'Np', 'K', 'aPtr', 'bPtr', 'cPtr']);

export function emitGemm(MR: number, NR: number): FunctionBuilder<typeof GEMM> {
  const f = new FunctionBuilder(GEMM);
  const { Mp, Np, K, aPtr, bPtr, cPtr } = f.param;
  const k0 = f.local(I32, 'k0'),
    kc = f.local(I32, 'kc'),
    j = f.local(I32, 'j'),
    i = f.local(I32, 'i');
  const ap = f.local(I32, 'ap'),
    bp = f.local(I32, 'bp'),
    cp = f.local(I32, 'cp'),
    kk = f.local(I32, 'kk'),
    rowBytes = f.local(I32, 'rowBytes');
  const V = NR / 4;
  const acc: number[][] = [];
  for (let r = 0; r < MR; r++) acc.push(Array.from({ length: V }, (_, v) => f.local(V128, `c${r}${v}`))); // C[i + r][j + 4v … +4]
  const b = Array.from({ length: V }, (_, v) => f.local(V128, `b${v}`));
  const a = f.local(V128, 'a');

  f.get(Np).i32(2).i32Shl().set(rowBytes);
  f.i32(0).set(k0);
  f.loop(); // for k0 in 0, KC, 2KC, … < K
  {
    // kc = min(KC, K - k0)
    f.i32(KC).get(K).get(k0).i32Sub().tee(kc).get(kc).i32(KC).i32GtS().select().set(kc);
    f.i32(0).set(j);
    f.loop(); // for j in 0, NR, … < Np
    {
      f.i32(0).set(i);
      f.loop(); // for i in 0, MR, … < Mp
      {
        // ap = aPtr + 4·(i·K + k0·MR); bp = bPtr + 4·(j·K + k0·NR); cp = cPtr + 4·(i·Np + j)
        f.get(aPtr).get(i).get(K).i32Mul().get(k0).i32(MR).i32Mul().i32Add().i32(2).i32Shl().i32Add().set(ap);
        f.get(bPtr).get(j).get(K).i32Mul().get(k0).i32(NR).i32Mul().i32Add().i32(2).i32Shl().i32Add().set(bp);
        f.get(cPtr).get(i).get(Np).i32Mul().get(j).i32Add().i32(2).i32Shl().i32Add().set(cp);
        // The first K block starts from zero, later blocks continue the sums already in C.
        f.get(k0).i32Eqz().if();
        for (let r = 0; r < MR; r++) for (let v = 0; v < V; v++) f.f32Const(0).f32x4Splat().set(acc[r][v]);
        f.else();
        for (let r = 0; r < MR; r++) {
          for (let v = 0; v < V; v++)
            f.get(cp)
              .get(rowBytes)
              .i32(r)
              .i32Mul()
              .i32Add()
              .v128Load(16 * v)
              .set(acc[r][v]);
        }
        f.end();
        f.get(kc).set(kk);
        f.loop(); // the micro-kernel: one rank-1 update of the MR×NR tile per k
        {
          for (let v = 0; v < V; v++)
            f.get(bp)
              .v128Load(16 * v)
              .set(b[v]);
          for (let r = 0; r < MR; r++) {
            f.get(ap)
              .v128Load32Splat(4 * r)
              .set(a);
            for (let v = 0; v < V; v++) f.get(acc[r][v]).get(a).get(b[v]).f32x4Mul().f32x4Add().set(acc[r][v]);
          }
          f.get(ap)
            .i32(4 * MR)
            .i32Add()
            .set(ap);
          f.get(bp)
            .i32(4 * NR)
            .i32Add()
            .set(bp);
          f.get(kk).i32(1).i32Sub().tee(kk).brIf(0);
        }
        f.end();
        for (let r = 0; r < MR; r++) {
          for (let v = 0; v < V; v++)
            f.get(cp)
              .get(rowBytes)
              .i32(r)
              .i32Mul()
              .i32Add()
              .get(acc[r][v])
              .v128Store(16 * v);
        }
        f.get(i).i32(MR).i32Add().tee(i).get(Mp).i32LtU().brIf(0);
      }
      f.end();
      f.get(j).i32(NR).i32Add().tee(j).get(Np).i32LtU().brIf(0);
    }
    f.end();
    f.get(k0).i32(KC).i32Add().tee(k0).get(K).i32LtU().brIf(0);
  }
  f.end();
  return f;
}

/** Independent multiply-add chains that measure the machine's f32x4 throughput (see measureSimdPeak). */
export const PEAK_CHAINS = 12;

/** PEAK_CHAINS independent f32x4 multiply-add chains, `iters` times; returns a lane of their sum (so none is dead code). */
export const PEAK = signature(['iters'], [F32]);

export function emitPeak(): FunctionBuilder<typeof PEAK> {
  const f = new FunctionBuilder(PEAK);
  const { iters } = f.param;
  const m = f.local(V128, 'm'),
    c = f.local(V128, 'c');
  const acc = Array.from({ length: PEAK_CHAINS }, (_, q) => f.local(V128, `chain${q}`));
  f.f32Const(0.999).f32x4Splat().set(m).f32Const(0.001).f32x4Splat().set(c);
  for (let q = 0; q < PEAK_CHAINS; q++) f.f32Const(q).f32x4Splat().set(acc[q]);
  f.loop();
  for (let q = 0; q < PEAK_CHAINS; q++) f.get(acc[q]).get(m).f32x4Mul().get(c).f32x4Add().set(acc[q]);
  f.get(iters).i32(1).i32Sub().tee(iters).i32(0).i32GtS().brIf(0);
  f.end();
  // Sum the chains so none of the work is dead code.
  f.get(acc[0]);
  for (let q = 1; q < PEAK_CHAINS; q++) f.get(acc[q]).f32x4Add();
  f.f32x4ExtractLane(0);
  return f;
}
