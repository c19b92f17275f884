import { afterEach, describe, expect, it, vi } from 'vitest';
import initWabt from 'wabt';
import { forgetWasmKernels, loadWasmKernels, wasmModuleBytes } from './wasm-module.ts';
import { gemm, kernelSet, matrix, setGemmBackend } from './gemm.ts';
import { conv2dForward, reference } from './dispatch.ts';
import { Tensor } from '../tensor.ts';
import { measureSimdPeak } from './simd-peak.ts';

/** The global WebAssembly API, typed here (the engine's lib has no DOM types). */
const wasm = (
  globalThis as unknown as {
    WebAssembly: {
      validate(bytes: Uint8Array): boolean;
      Module: { new (bytes: Uint8Array): object; exports(module: object): { kind: string; name: string }[] };
    };
  }
).WebAssembly;

describe('the emitted WebAssembly SIMD module of the fast path', () => {
  it('is valid WebAssembly and exports memory, gemm, peak and the two tap kernels', () => {
    const bytes = wasmModuleBytes();
    expect(wasm.validate(bytes)).toBe(true);
    const names = wasm.Module.exports(new wasm.Module(bytes)).map((e) => `${e.kind}:${e.name}`);
    expect(names.sort()).toEqual([
      'function:compact',
      'function:gemm',
      'function:maxPool',
      'function:maxPoolBackward',
      'function:packDoutT',
      'function:peak',
      'function:planes',
      'function:reluBackward',
      'function:reluForward',
      'function:tapsA',
      'function:tapsB',
      'memory:memory',
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

describe('the module as text: disassembled by wabt (an independent decoder) and validated by it', () => {
  it('matches the reviewed snapshot wasm-module.wat, function and parameter names included', async () => {
    const wabt = await initWabt();
    const module = wabt.readWasm(wasmModuleBytes(), { readDebugNames: true, simd: true });
    try {
      expect(() => module.validate()).not.toThrow();
      module.generateNames(); // $l6, $L0, … for the unnamed locals and labels
      module.applyNames();
      const text = module.toText({ foldExprs: true, inlineExport: false });
      // the name section: each kernel and each of its parameters by name
      expect(text).toContain('(func $gemm (type $t0) (param $Mp i32) (param $Np i32) (param $K i32) (param $aPtr i32) (param $bPtr i32) (param $cPtr i32)');
      expect(text).toContain('(func $peak (type $t1) (param $iters i32) (result f32)');
      expect(text).toContain('(export "maxPoolBackward" (func $maxPoolBackward))');
      await expect(text).toMatchFileSnapshot('./wasm-module.wat');
    } finally {
      module.destroy();
    }
  }, 30_000); // wabt's own WebAssembly build compiles first: ~1 s idle, more on a busy machine

  it('is 5.9 KB as the comments say: 4.6 KB of code, types and exports, and 1.2 KB of names (5,867 bytes when measured)', () => {
    const bytes = wasmModuleBytes();
    // The name section comes last: id 0, its size (2-byte LEB128 here), then the name "name".
    const isNameSection = (i: number): boolean => bytes[i] === 0 && bytes[i + 3] === 4 && String.fromCharCode(...bytes.subarray(i + 4, i + 8)) === 'name';
    let at = bytes.length - 8;
    while (at > 0 && !isNameSection(at)) at--;
    expect(at).toBeGreaterThan(0);
    expect(bytes.length - at).toBeGreaterThan(1100);
    expect(bytes.length - at).toBeLessThan(1400);
    expect(at).toBeGreaterThan(4400);
    expect(at).toBeLessThan(4900);
  });
});

describe('kernelSet(): which kernels run, and why', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    forgetWasmKernels();
    setGemmBackend('auto');
  });

  it('is wasm-simd in Node, saying the module compiled', () => {
    expect(kernelSet()).toEqual({ name: 'wasm-simd', reason: `the WebAssembly SIMD module (${wasmModuleBytes().length} bytes) compiled` });
  });

  it("is ts with its reason when forced by setGemmBackend('typescript')", () => {
    setGemmBackend('typescript');
    expect(kernelSet()).toEqual({ name: 'ts', reason: "setGemmBackend('typescript') chose the TypeScript kernels" });
  });

  it('a compile that throws keeps the TypeScript fallback and reports the error (ops still compute the reference values)', () => {
    const real = (globalThis as unknown as { WebAssembly: Record<string, unknown> }).WebAssembly;
    vi.stubGlobal('WebAssembly', {
      ...real,
      validate: real.validate,
      Module: real.Module,
      Instance: class {
        constructor() {
          throw new RangeError('WebAssembly.Instance(): Out of memory: Cannot allocate Wasm memory for new instance');
        }
      },
    });
    forgetWasmKernels();
    setGemmBackend('auto');
    expect(kernelSet()).toEqual({
      name: 'ts',
      reason: 'compiling the WebAssembly SIMD module failed (RangeError: WebAssembly.Instance(): Out of memory: Cannot allocate Wasm memory for new instance)',
    });
    // x [1,1,3,3] = 1…9, w [1,1,2,2] = [[1,0],[0,-1]], b = [0.5], stride 1, pad 0: out[i][j] = x[i][j] − x[i+1][j+1] + 0.5 = −3.5
    const x = new Tensor([1, 1, 3, 3], Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]));
    const w = new Tensor([1, 1, 2, 2], Float32Array.from([1, 0, 0, -1]));
    const b = new Tensor([1], Float32Array.from([0.5]));
    expect([...conv2dForward(x, w, b, { stride: 1, pad: 0 }).data]).toEqual([-3.5, -3.5, -3.5, -3.5]);
    expect([...reference.conv2dForward(x, w, b, { stride: 1, pad: 0 }).data]).toEqual([-3.5, -3.5, -3.5, -3.5]);
  });

  it('a runtime without WebAssembly SIMD (validate() false) says so', () => {
    const real = (globalThis as unknown as { WebAssembly: Record<string, unknown> }).WebAssembly;
    vi.stubGlobal('WebAssembly', { ...real, validate: () => false });
    forgetWasmKernels();
    setGemmBackend('auto');
    expect(kernelSet()).toEqual({ name: 'ts', reason: 'WebAssembly.validate rejected the module: this runtime lacks fixed-width SIMD (v128)' });
  });
});
