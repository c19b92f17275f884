/**
 * The one WebAssembly module of the fast path: every kernel emitted from
 * TypeScript (gemm-wasm.ts, taps-wasm.ts, compact-wasm.ts, layout-wasm.ts,
 * elementwise-wasm.ts) in one module sharing one linear memory, the arena of
 * gemm.ts. Loaded once, synchronously; null where WebAssembly SIMD is missing.
 */
import { F32, I32, encodeModule } from './wasm-encoder.ts';
import { WASM_MR, WASM_NR, emitGemm, emitPeak } from './gemm-wasm.ts';
import { emitTapsA, emitTapsB } from './taps-wasm.ts';
import { emitCompact } from './compact-wasm.ts';
import { emitPackDoutT, emitPlanes } from './layout-wasm.ts';
import { emitMaxPool, emitMaxPoolBackward, emitReluBackward, emitReluForward } from './elementwise-wasm.ts';

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

export interface WasmKernels {
  memory: WasmMemory;
  /** GEMM on packed operands (gemm-wasm.ts); byte pointers into `memory`. */
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
export function wasmModuleBytes(): Uint8Array {
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

let cached: WasmKernels | null | undefined;

/**
 * Compiles the kernel once (synchronously: the module is ~1 KB, well under
 * browsers' main-thread limit for sync compilation). Returns null where
 * WebAssembly or its SIMD proposal is unavailable; callers fall back to TS.
 */
export function loadWasmKernels(): WasmKernels | null {
  if (cached !== undefined) return cached;
  cached = null;
  try {
    if (wasmApi === undefined) return null;
    const bytes = wasmModuleBytes();
    // validate() is false where fixed-width SIMD is unsupported: that is the feature detection.
    if (!wasmApi.validate(bytes)) return null;
    const instance = new wasmApi.Instance(new wasmApi.Module(bytes), {});
    const ex = instance.exports as unknown as WasmKernels;
    cached = { memory: ex.memory, gemm: ex.gemm, peak: ex.peak, tapsB: ex.tapsB, tapsA: ex.tapsA, compact: ex.compact, planes: ex.planes, packDoutT: ex.packDoutT,
      reluForward: ex.reluForward, reluBackward: ex.reluBackward, maxPool: ex.maxPool, maxPoolBackward: ex.maxPoolBackward };
  } catch {
    cached = null;
  }
  return cached;
}
