import { describe, expect, it } from 'vitest';
import { loadWasmKernels, wasmModuleBytes } from './wasm-module.ts';
import { gemm, matrix } from './gemm.ts';
import { measureSimdPeak } from './simd-peak.ts';

/** The global WebAssembly API, typed here (the engine's lib has no DOM types). */
const wasm = (globalThis as unknown as {
  WebAssembly: {
    validate(bytes: Uint8Array): boolean;
    Module: { new (bytes: Uint8Array): object; exports(module: object): { kind: string; name: string }[] };
  };
}).WebAssembly;

describe('the emitted WebAssembly SIMD module of the fast path', () => {
  it('is valid WebAssembly and exports memory, gemm, peak and the two tap kernels', () => {
    const bytes = wasmModuleBytes();
    expect(wasm.validate(bytes)).toBe(true);
    const names = wasm.Module.exports(new wasm.Module(bytes)).map((e) => `${e.kind}:${e.name}`);
    expect(names.sort()).toEqual([
      'function:compact', 'function:gemm', 'function:maxPool', 'function:maxPoolBackward', 'function:packDoutT', 'function:peak',
      'function:planes', 'function:reluBackward', 'function:reluForward', 'function:tapsA', 'function:tapsB', 'memory:memory',
    ]);
    expect(loadWasmKernels()).not.toBeNull();
  });

  it('hand-worked product through the wasm kernel: [[1,2],[3,4]]·[[5,6],[7,8]] = [[19,22],[43,50]]', () => {
    const c = new Float32Array(4);
    gemm(2, 2, 2, matrix(Float32Array.from([1, 2, 3, 4]), 2), matrix(Float32Array.from([5, 6, 7, 8]), 2), { data: c, offset: 0, rowStride: 2 });
    expect([...c]).toEqual([19, 22, 43, 50]);
  });

  it('measureSimdPeak returns a positive GFLOP/s figure (its size is for the benchmark to report)', () => {
    expect(measureSimdPeak(1e4, 1)).toBeGreaterThan(0);
  });
});
