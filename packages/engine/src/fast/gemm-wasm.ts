/**
 * The WebAssembly SIMD GEMM kernel, written as TypeScript that emits the
 * bytecode (see wasm-encoder.ts). Why not a .wat file assembled by wabt: the
 * engine is consumed as TypeScript source with no build step, so a .wat would
 * need either wabt (~1.5 MB) shipped to the browser to assemble it at run time
 * or a generated artifact kept in sync by a build step. Emitting the ~1 KB
 * module from code needs neither, works unchanged in Node and in browsers,
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
import { FunctionBuilder, I32, F32, V128, encodeModule } from './wasm-encoder.ts';
import { emitTapsA, emitTapsB } from './taps-wasm.ts';
import { emitCompact } from './compact-wasm.ts';
import { emitPackDoutT, emitPlanes } from './layout-wasm.ts';
import { emitMaxPool, emitMaxPoolBackward, emitReluBackward, emitReluForward } from './elementwise-wasm.ts';

/** Micro-tile: rows of A per panel, columns of B per panel (a multiple of 4). */
export const WASM_MR = 4;
export const WASM_NR = 8;
/** K is processed in blocks of KC so a B panel block (KC·NR floats = 8 KB) stays in L1 cache. */
const KC = 256;

function emitGemm(MR: number, NR: number): FunctionBuilder {
  const f = new FunctionBuilder(6);
  const [Mp, Np, K, aPtr, bPtr, cPtr] = [0, 1, 2, 3, 4, 5];
  const k0 = f.local(I32), kc = f.local(I32), j = f.local(I32), i = f.local(I32);
  const ap = f.local(I32), bp = f.local(I32), cp = f.local(I32), kk = f.local(I32), rowBytes = f.local(I32);
  const V = NR / 4;
  const acc: number[][] = [];
  for (let r = 0; r < MR; r++) acc.push(Array.from({ length: V }, () => f.local(V128)));
  const b = Array.from({ length: V }, () => f.local(V128));
  const a = f.local(V128);

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
          for (let v = 0; v < V; v++) f.get(cp).get(rowBytes).i32(r).i32Mul().i32Add().v128Load(16 * v).set(acc[r][v]);
        }
        f.end();
        f.get(kc).set(kk);
        f.loop(); // the micro-kernel: one rank-1 update of the MR×NR tile per k
        {
          for (let v = 0; v < V; v++) f.get(bp).v128Load(16 * v).set(b[v]);
          for (let r = 0; r < MR; r++) {
            f.get(ap).v128Load32Splat(4 * r).set(a);
            for (let v = 0; v < V; v++) f.get(acc[r][v]).get(a).get(b[v]).f32x4Mul().f32x4Add().set(acc[r][v]);
          }
          f.get(ap).i32(4 * MR).i32Add().set(ap);
          f.get(bp).i32(4 * NR).i32Add().set(bp);
          f.get(kk).i32(1).i32Sub().tee(kk).brIf(0);
        }
        f.end();
        for (let r = 0; r < MR; r++) {
          for (let v = 0; v < V; v++) f.get(cp).get(rowBytes).i32(r).i32Mul().i32Add().get(acc[r][v]).v128Store(16 * v);
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

function emitPeak(): FunctionBuilder {
  const f = new FunctionBuilder(1);
  const iters = 0;
  const m = f.local(V128), c = f.local(V128);
  const acc = Array.from({ length: PEAK_CHAINS }, () => f.local(V128));
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

/** The part of a WebAssembly.Memory we use (typed here: the engine's lib has no DOM types). */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

/** The part of the global `WebAssembly` API we use; undefined where the platform has none. */
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}
const wasmApi = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;

export interface WasmGemm {
  memory: WasmMemory;
  /** Byte pointers into `memory`; see the packing layout above. */
  gemm(Mp: number, Np: number, K: number, aPtr: number, bPtr: number, cPtr: number): void;
  /** Direct-convolution kernels (taps-wasm.ts): B, or A, read from input planes through a table of tap byte offsets. */
  tapsB(Mp: number, Np: number, K: number, aPtr: number, xPtr: number, tabPtr: number, cPtr: number, accumulate: number): void;
  tapsA(Mp: number, Np: number, K: number, xPtr: number, tabPtr: number, bPtr: number, cPtr: number, accumulate: number): void;
  /** Copies the valid output positions out of a tap kernel's C, adding the bias (compact-wasm.ts). */
  compact(cPtr: number, Np: number, cols: number, rows: number, outWidth: number, F: number, biasPtr: number, hasBias: number, dstPtr: number, filterStride: number): void;
  /** Lays out a staged image as (phase) planes, and doutᵀ as tapsA's B operand (layout-wasm.ts). */
  planes(src: number, channels: number, H: number, W: number, stride: number, padTop: number, padLeft: number, rows: number, cols: number, dst: number, zeroPtr: number): void;
  packDoutT(src: number, F: number, outHeight: number, outWidth: number, cols: number, Fp: number, dst: number, zeroPtr: number): void;
  /** ReLU and 2×2/2 max pooling on data staged in wasm memory; 1 when a value was not finite (elementwise-wasm.ts). */
  reluForward(ptr: number, n: number): number;
  reluBackward(xPtr: number, gPtr: number, n: number): number;
  maxPool(src: number, dst: number, planes: number, H: number, W: number): number;
  maxPoolBackward(x: number, g: number, dx: number, planes: number, H: number, W: number): number;
  /** Runs `iters` iterations of PEAK_CHAINS f32x4 multiply-adds (8·PEAK_CHAINS flops each). */
  peak(iters: number): number;
}

/** The module bytes (exported for tests and for the benchmark). */
export function wasmGemmBytes(): Uint8Array {
  return encodeModule(
    [
      { name: 'gemm', params: [I32, I32, I32, I32, I32, I32], results: [], body: emitGemm(WASM_MR, WASM_NR) },
      { name: 'peak', params: [I32], results: [F32], body: emitPeak() },
      { name: 'tapsB', params: Array(8).fill(I32), results: [], body: emitTapsB(WASM_MR, WASM_NR) },
      { name: 'tapsA', params: Array(8).fill(I32), results: [], body: emitTapsA(WASM_MR, WASM_NR) },
      { name: 'compact', params: Array(10).fill(I32), results: [], body: emitCompact() },
      { name: 'planes', params: Array(11).fill(I32), results: [], body: emitPlanes() },
      { name: 'packDoutT', params: Array(8).fill(I32), results: [], body: emitPackDoutT(WASM_NR) },
      { name: 'reluForward', params: [I32, I32], results: [I32], body: emitReluForward() },
      { name: 'reluBackward', params: [I32, I32, I32], results: [I32], body: emitReluBackward() },
      { name: 'maxPool', params: Array(5).fill(I32), results: [I32], body: emitMaxPool() },
      { name: 'maxPoolBackward', params: Array(6).fill(I32), results: [I32], body: emitMaxPoolBackward() },
    ],
    1,
  );
}

let cached: WasmGemm | null | undefined;

/**
 * Compiles the kernel once (synchronously: the module is ~1 KB, well under
 * browsers' main-thread limit for sync compilation). Returns null where
 * WebAssembly or its SIMD proposal is unavailable; callers fall back to TS.
 */
export function loadWasmGemm(): WasmGemm | null {
  if (cached !== undefined) return cached;
  cached = null;
  try {
    if (wasmApi === undefined) return null;
    const bytes = wasmGemmBytes();
    // validate() is false where fixed-width SIMD is unsupported: that is the feature detection.
    if (!wasmApi.validate(bytes)) return null;
    const instance = new wasmApi.Instance(new wasmApi.Module(bytes), {});
    const ex = instance.exports as unknown as WasmGemm;
    cached = { memory: ex.memory, gemm: ex.gemm, peak: ex.peak, tapsB: ex.tapsB, tapsA: ex.tapsA, compact: ex.compact, planes: ex.planes, packDoutT: ex.packDoutT,
      reluForward: ex.reluForward, reluBackward: ex.reluBackward, maxPool: ex.maxPool, maxPoolBackward: ex.maxPoolBackward };
  } catch {
    cached = null;
  }
  return cached;
}
