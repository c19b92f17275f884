/**
 * The layout the tap kernels read (see direct-conv.ts): an image as planes,
 * the table of tap offsets into them, and named regions of the arena.
 * Each image is copied once into "planes": the zero-padded input, split for
 * stride S into S·S phase planes per channel (plane (a, b) holds the padded
 * rows a, a+S, … and columns b, b+S, …), so a strided window becomes a
 * stride-1 window and consecutive output positions read consecutive floats.
 */
import { roundUp } from './gemm.ts';
import { WASM_NR as NR } from './gemm-wasm.ts';
import type { WasmKernels } from './wasm-module.ts';

/** The planes of one image: `rows` × `cols` each, S·S per channel (`body` floats), then a zeroed tail that thrown-away positions may read. */
export interface Planes {
  channels: number;
  H: number;
  W: number;
  stride: number;
  padTop: number;
  padLeft: number;
  rows: number;
  cols: number;
  body: number;
  floats: number;
}

export function planes(channels: number, H: number, W: number, stride: number, padTop: number, padLeft: number, filterWidth: number): Planes {
  const rows = Math.ceil((H + 2 * padTop) / stride),
    cols = Math.ceil((W + 2 * padLeft) / stride);
  const body = channels * stride * stride * rows * cols;
  return { channels, H, W, stride, padTop, padLeft, rows, cols, body, floats: roundUp(body + cols + filterWidth + 2 * NR, 4) };
}

/** Consecutive arena regions, each starting on 16 bytes: sizes in floats → start offsets, and the end. */
export function regions<T extends string>(sizes: Record<T, number>): Record<T | 'end', number> {
  const at = {} as Record<T | 'end', number>;
  let end = 0;
  for (const name of Object.keys(sizes) as T[]) {
    at[name] = end;
    end += roundUp(sizes[name], 4);
  }
  at.end = end;
  return at;
}

/** Copies image n of src into wasm memory at `stage` (one memcpy) for the layout kernels to read. */
export function stageImage(src: Float32Array, n: number, floats: number, mem: Float32Array, stage: number): void {
  mem.set(src.subarray(n * floats, (n + 1) * floats), stage);
}

/** Lays out the image staged at `stage` as planes at `at` (the tail past `body` is zeroed once per call by the caller). */
export function writePlanes(kernels: WasmKernels, p: Planes, stage: number, at: number, zero: number): void {
  kernels.planes(4 * stage, p.channels, p.H, p.W, p.stride, p.padTop, p.padLeft, p.rows, p.cols, 4 * at, 4 * zero);
}

/** Byte offset in the planes of every tap (c, i, j), in the order of w's last three axes; `count` ≥ C·HH·WW entries, the extra ones 0. */
export function writeTaps(p: Planes, filterHeight: number, filterWidth: number, mem: Float32Array, at: number, count: number): void {
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
