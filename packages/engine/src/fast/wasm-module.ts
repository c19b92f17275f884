/**
 * The one WebAssembly module of the fast path: every kernel emitted from
 * TypeScript (gemm-wasm.ts, taps-wasm.ts, compact-wasm.ts, layout-wasm.ts,
 * elementwise-wasm.ts) in one module sharing one linear memory, the arena of
 * gemm.ts. Loaded once, synchronously; null where WebAssembly SIMD is missing or
 * the compile failed, and then kernelSet() (gemm.ts) says which, in words.
 */
import { encodeModule, type FunctionBuilder, type KernelFunction } from './wasm-encoder.ts';
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
export interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}

/**
 * Every kernel of the module, by export name. Each emitter carries its kernel's signature
 * (declared once, beside the emitter: GEMM, TAPS_B, …), from which the module's types, its name
 * section and the TypeScript type of the exports below are all derived.
 *   gemm              GEMM on packed operands (gemm-wasm.ts)
 *   peak              PEAK_CHAINS f32x4 multiply-add chains, for measureSimdPeak (gemm-wasm.ts)
 *   tapsB, tapsA      direct convolution: B, or A, read from input planes through a tap table (taps-wasm.ts)
 *   compact           the valid output positions out of a tap kernel's C, plus bias (compact-wasm.ts)
 *   planes, packDoutT a staged image as (phase) planes, and doutᵀ as tapsA's B operand (layout-wasm.ts)
 *   relu*, maxPool*   ReLU and 2×2/2 max pooling; return 1 when a value was not finite (elementwise-wasm.ts)
 */
const EMITTERS = {
  gemm: () => emitGemm(WASM_MR, WASM_NR),
  peak: emitPeak,
  tapsB: () => emitTapsB(WASM_MR, WASM_NR),
  tapsA: () => emitTapsA(WASM_MR, WASM_NR),
  compact: emitCompact,
  planes: emitPlanes,
  packDoutT: () => emitPackDoutT(WASM_NR),
  reluForward: emitReluForward,
  reluBackward: emitReluBackward,
  maxPool: emitMaxPool,
  maxPoolBackward: emitMaxPoolBackward,
} satisfies Record<string, () => FunctionBuilder>;

type KernelName = keyof typeof EMITTERS;

/** The module's exports as JavaScript sees them: its memory, and one function per kernel typed from its signature. */
export type WasmKernels = { memory: WasmMemory } & {
  readonly [K in KernelName]: KernelFunction<ReturnType<(typeof EMITTERS)[K]>['signature']>;
};

/** The module bytes (exported for tests and for the benchmark). */
export function wasmModuleBytes(): Uint8Array {
  return encodeModule(
    Object.entries(EMITTERS).map(([name, emit]) => ({ name, body: emit() })),
    1,
  );
}

/** Which kernel set the fast path runs, and why: see {@link kernelSet}. */
export interface KernelSet {
  name: 'wasm-simd' | 'ts';
  reason: string;
}

/** The outcome of compiling the module: the kernels, or null and why not. */
export function compileWasmKernels(api: WasmApi | undefined, bytes: Uint8Array): { kernels: WasmKernels | null; reason: string } {
  if (api === undefined) return { kernels: null, reason: 'this JavaScript runtime has no WebAssembly' };
  // validate() is false where fixed-width SIMD is unsupported: that is the feature detection.
  if (!api.validate(bytes)) return { kernels: null, reason: 'WebAssembly.validate rejected the module: this runtime lacks fixed-width SIMD (v128)' };
  try {
    const ex = new api.Instance(new api.Module(bytes), {}).exports;
    const kernels = { memory: ex.memory } as Record<string, unknown>;
    for (const name of Object.keys(EMITTERS)) {
      if (typeof ex[name] !== 'function') throw new Error(`the instance has no function export ${name}`);
      kernels[name] = ex[name];
    }
    return { kernels: kernels as WasmKernels, reason: `the WebAssembly SIMD module (${bytes.length} bytes) compiled` };
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { kernels: null, reason: `compiling the WebAssembly SIMD module failed (${message})` };
  }
}

let cached: { kernels: WasmKernels | null; reason: string } | undefined;

/**
 * Compiles the kernels once, synchronously: the module is 5.9 KB (wasm-module.test.ts checks the
 * figure), under Chromium's 8 MB limit for `new WebAssembly.Module` on the main thread (4 KB
 * before Chromium 114, which this module would exceed). Returns null where WebAssembly or its SIMD
 * proposal is unavailable or the compile failed; callers then fall back to the TypeScript kernels,
 * and {@link wasmLoadReason} says why.
 */
export function loadWasmKernels(): WasmKernels | null {
  cached ??= compileWasmKernels((globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly, wasmModuleBytes());
  return cached.kernels;
}

/** Why loadWasmKernels() returned what it did (it compiles the module if it has not yet). */
export function wasmLoadReason(): string {
  loadWasmKernels();
  return cached!.reason;
}

/** Forgets the compiled module, so the next load compiles again (for tests that make the compile fail). */
export function forgetWasmKernels(): void {
  cached = undefined;
}
