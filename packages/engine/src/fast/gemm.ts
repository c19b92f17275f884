/**
 * Cache-blocked single-precision matrix multiply, the workhorse of the fast
 * path: conv2d (through im2col) and dense are both GEMMs.
 *
 *   C[M×N] = A[M×K] · B[K×N]     (or C += A·B with `accumulate`)
 *
 * The operands are views with arbitrary row and column strides, so A·Bᵀ and
 * Aᵀ·B need no transposed copies: packing reads them in whatever order.
 * Packing copies A into row panels of MR rows and B into column panels of NR
 * columns, each k-major and zero-padded, so the micro-kernel streams both
 * through the cache in order and never handles ragged edges. The micro-kernel
 * is the WebAssembly SIMD one (gemm-wasm.ts) when the platform has it, else
 * the TypeScript one below. Packed operands and C live in one growable
 * scratch arena (the wasm memory itself when wasm is used) that is reused by
 * every call, so a training step allocates nothing here.
 */
import { WASM_MR, WASM_NR } from './gemm-wasm.ts';
import { loadWasmKernels, wasmLoadReason, type KernelSet, type WasmKernels } from './wasm-module.ts';

/** A strided matrix view: element (i, j) is `data[offset + i·rowStride + j·colStride]`. */
export interface MatrixView {
  data: Float32Array;
  offset: number;
  rowStride: number;
  colStride: number;
}

/** A row-major matrix of `cols` columns stored from `offset`. */
export function matrix(data: Float32Array, cols: number, offset = 0): MatrixView {
  return { data, offset, rowStride: cols, colStride: 1 };
}

/** The transpose of a view: the same numbers with the strides swapped, no copy. */
export function transposed(m: MatrixView): MatrixView {
  return { data: m.data, offset: m.offset, rowStride: m.colStride, colStride: m.rowStride };
}

type Kernel = (Mp: number, Np: number, K: number, aOff: number, bOff: number, cOff: number) => void;

interface Backend {
  name: 'wasm-simd' | 'typescript';
  MR: number;
  NR: number;
  /** The arena view, valid until the next `reserve`. */
  arena(): Float32Array;
  /** Grows the arena to at least `floats` floats. */
  reserve(floats: number): void;
  /** Offsets are in floats from the start of the arena. */
  kernel: Kernel;
  /** The WebAssembly module itself (direct-conv.ts calls its tap kernels). */
  wasm?: WasmKernels;
}

/** The portable micro-kernel: a 4×4 tile of C kept in 16 locals (registers) across the whole K loop. */
function tsKernel(mem: () => Float32Array): Kernel {
  return (Mp, Np, K, aOff, bOff, cOff) => {
    const m = mem();
    for (let j = 0; j < Np; j += 4) {
      for (let i = 0; i < Mp; i += 4) {
        let c00 = 0,
          c01 = 0,
          c02 = 0,
          c03 = 0,
          c10 = 0,
          c11 = 0,
          c12 = 0,
          c13 = 0;
        let c20 = 0,
          c21 = 0,
          c22 = 0,
          c23 = 0,
          c30 = 0,
          c31 = 0,
          c32 = 0,
          c33 = 0;
        let a = aOff + i * K,
          b = bOff + j * K;
        for (let k = 0; k < K; k++, a += 4, b += 4) {
          const a0 = m[a],
            a1 = m[a + 1],
            a2 = m[a + 2],
            a3 = m[a + 3];
          const b0 = m[b],
            b1 = m[b + 1],
            b2 = m[b + 2],
            b3 = m[b + 3];
          c00 += a0 * b0;
          c01 += a0 * b1;
          c02 += a0 * b2;
          c03 += a0 * b3;
          c10 += a1 * b0;
          c11 += a1 * b1;
          c12 += a1 * b2;
          c13 += a1 * b3;
          c20 += a2 * b0;
          c21 += a2 * b1;
          c22 += a2 * b2;
          c23 += a2 * b3;
          c30 += a3 * b0;
          c31 += a3 * b1;
          c32 += a3 * b2;
          c33 += a3 * b3;
        }
        let c = cOff + i * Np + j;
        m[c] = c00;
        m[c + 1] = c01;
        m[c + 2] = c02;
        m[c + 3] = c03;
        c += Np;
        m[c] = c10;
        m[c + 1] = c11;
        m[c + 2] = c12;
        m[c + 3] = c13;
        c += Np;
        m[c] = c20;
        m[c + 1] = c21;
        m[c + 2] = c22;
        m[c + 3] = c23;
        c += Np;
        m[c] = c30;
        m[c + 1] = c31;
        m[c + 2] = c32;
        m[c + 3] = c33;
      }
    }
  };
}

function typescriptBackend(): Backend {
  let buf = new Float32Array(1 << 16);
  return {
    name: 'typescript',
    MR: 4,
    NR: 4,
    arena: () => buf,
    reserve(floats) {
      if (floats > buf.length) buf = new Float32Array(Math.max(floats, buf.length * 2));
    },
    kernel: tsKernel(() => buf),
  };
}

function wasmBackend(w: WasmKernels): Backend {
  let view = new Float32Array(w.memory.buffer);
  return {
    name: 'wasm-simd',
    MR: WASM_MR,
    NR: WASM_NR,
    wasm: w,
    arena: () => view,
    reserve(floats) {
      const bytes = floats * 4;
      if (bytes > w.memory.buffer.byteLength) {
        w.memory.grow(Math.ceil((bytes - w.memory.buffer.byteLength) / 65536));
      }
      // grow() detaches the old buffer, so views must be re-made after it.
      if (view.buffer !== w.memory.buffer) view = new Float32Array(w.memory.buffer);
    },
    kernel: (Mp, Np, K, aOff, bOff, cOff) => w.gemm(Mp, Np, K, aOff * 4, bOff * 4, cOff * 4),
  };
}

let backend: Backend | undefined;
let preferred: 'auto' | 'typescript' = 'auto';

function getBackend(): Backend {
  if (backend === undefined) {
    const w = preferred === 'auto' ? loadWasmKernels() : null;
    backend = w ? wasmBackend(w) : typescriptBackend();
  }
  return backend;
}

/**
 * Which kernel set the fast path runs, `wasm-simd` (the WebAssembly SIMD module) or `ts` (the
 * TypeScript kernels), and why: e.g. `{ name: 'ts', reason: 'compiling the WebAssembly SIMD module
 * failed (RangeError: …)' }`. A failed compile is not an error (the TypeScript kernels compute the
 * same results, more slowly), but it is never silent: `pnpm train` and `pnpm bench` print this.
 */
export function kernelSet(): KernelSet {
  const b = getBackend();
  if (b.name === 'wasm-simd') return { name: 'wasm-simd', reason: wasmLoadReason() };
  return { name: 'ts', reason: preferred === 'typescript' ? "setGemmBackend('typescript') chose the TypeScript kernels" : wasmLoadReason() };
}

/** Forces the TypeScript kernel (`'typescript'`) or restores auto-detection (tests compare both). */
export function setGemmBackend(choice: 'auto' | 'typescript'): void {
  preferred = choice;
  backend = undefined;
}

export const roundUp = (n: number, m: number): number => Math.ceil(n / m) * m;

/** The WebAssembly kernels when the wasm-simd backend is in use, else null (then direct-conv.ts is not used). */
export function wasmKernels(): WasmKernels | null {
  return getBackend().wasm ?? null;
}

/** Grows the arena to at least `floats` floats and returns it (offsets into it are float indices). */
export function reserveArena(floats: number): Float32Array {
  const be = getBackend();
  be.reserve(floats);
  return be.arena();
}

/**
 * Where one GEMM lives in the arena: packed A at `aOff` (Mp·K floats), packed
 * B at `bOff` (K·Np), C at `cOff` (Mp·Np, row length Np), ending at `end`.
 * gemm() uses one plan per call; conv2d keeps a plan across the images of a
 * batch, packing the weights once and writing im2col straight into packed B.
 */
export interface GemmPlan {
  M: number;
  N: number;
  K: number;
  Mp: number;
  Np: number;
  MR: number;
  NR: number;
  aOff: number;
  bOff: number;
  cOff: number;
  end: number;
}

/** Lays out C[M×N] = A[M×K]·B[K×N] in the arena from float offset `base`, growing the arena if needed. */
export function planGemm(M: number, N: number, K: number, base = 0): GemmPlan {
  const be = getBackend();
  const Mp = roundUp(M, be.MR),
    Np = roundUp(N, be.NR);
  const aOff = base,
    bOff = aOff + Mp * K,
    cOff = bOff + K * Np,
    end = cOff + Mp * Np;
  be.reserve(end);
  return { M, N, K, Mp, Np, MR: be.MR, NR: be.NR, aOff, bOff, cOff, end };
}

/** The arena: packed operands and C of the current plans. Re-read it after planGemm (growing replaces it). */
export function arena(): Float32Array {
  return getBackend().arena();
}

/** Copies rows×K of `src` into panels of `panel` rows, k-major, zero-padding the last panel. */
function packPanels(dst: Float32Array, dstOff: number, src: MatrixView, rows: number, K: number, panel: number, byColumns: boolean): void {
  // A packs its rows; B packs its columns: for B the "row" index is the column.
  const along = byColumns ? src.colStride : src.rowStride;
  const across = byColumns ? src.rowStride : src.colStride;
  const s = src.data;
  let d = dstOff;
  for (let p0 = 0; p0 < rows; p0 += panel) {
    const width = Math.min(panel, rows - p0);
    for (let k = 0; k < K; k++) {
      let o = src.offset + p0 * along + k * across;
      for (let r = 0; r < width; r++, o += along) dst[d + r] = s[o];
      for (let r = width; r < panel; r++) dst[d + r] = 0;
      d += panel;
    }
  }
}

/** Packs A (M×K) into the plan's A panels. */
export function packA(plan: GemmPlan, a: MatrixView): void {
  packRowsAt(a, plan.M, plan.K, plan.aOff);
}

/** Packs A (M×K) as the micro-kernel's A operand (row panels) at arena offset `at` (direct-conv.ts has no plan). */
export function packRowsAt(a: MatrixView, M: number, K: number, at: number): void {
  packPanels(arena(), at, a, M, K, getBackend().MR, false);
}

/** Packs B (K×N) into the plan's B panels. */
export function packB(plan: GemmPlan, b: MatrixView): void {
  packPanels(arena(), plan.bOff, b, plan.N, plan.K, plan.NR, true);
}

/** Runs the micro-kernel over the packed operands: C = A·B in the arena. */
export function multiply(plan: GemmPlan): void {
  getBackend().kernel(plan.Mp, plan.Np, plan.K, plan.aOff, plan.bOff, plan.cOff);
}

/** Where `gemm` writes C: row-major with `rowStride`; with `accumulate` it adds to what is there. */
export interface OutputView {
  data: Float32Array;
  offset: number;
  rowStride: number;
}

/** Copies the plan's C (without padding) to `c`, or adds it when `accumulate`. */
export function readC(plan: GemmPlan, c: OutputView, accumulate = false): void {
  const mem = arena(),
    out = c.data,
    N = plan.N;
  for (let i = 0; i < plan.M; i++) {
    const src = plan.cOff + i * plan.Np,
      dst = c.offset + i * c.rowStride;
    if (accumulate) for (let j = 0; j < N; j++) out[dst + j] += mem[src + j];
    else out.set(mem.subarray(src, src + N), dst);
  }
}

/** C = A·B (or C += A·B when `accumulate`), A is M×K, B is K×N, all float32. */
export function gemm(M: number, N: number, K: number, a: MatrixView, b: MatrixView, c: OutputView, accumulate = false): void {
  if (M === 0 || N === 0) return;
  if (K === 0) {
    if (!accumulate) for (let i = 0; i < M; i++) c.data.fill(0, c.offset + i * c.rowStride, c.offset + i * c.rowStride + N);
    return;
  }
  const plan = planGemm(M, N, K);
  packA(plan, a);
  packB(plan, b);
  multiply(plan);
  readC(plan, c, accumulate);
}
