import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KERNELS, guardedExports, guardedSites, kernelsOf, type KernelSite } from './kernels.ts';
import * as engine from './index.ts';

const src = fileURLToPath(new URL('.', import.meta.url));

/** Every module of the engine (relative to src/), but tests and the command-line scripts (they run on import). */
function modules(dir = src): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'cli' ? [] : modules(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [relative(src, path).split(sep).join('/')] : [];
  });
}

const loaded = new Map<string, Record<string, unknown>>();
async function load(file: string): Promise<Record<string, unknown>> {
  if (!loaded.has(file)) loaded.set(file, (await import(pathToFileURL(join(src, file)).href)) as Record<string, unknown>);
  return loaded.get(file)!;
}

const sites = Object.values(KERNELS).flat() as KernelSite[];

/**
 * Functions of the fast path that compute no op by themselves: building blocks (GEMM, packing,
 * im2col, planes), eligibility checks, the WebAssembly emitters and loader, and reporting. Any other
 * function exported from fast/ must be in the registry under the op it computes.
 */
const NOT_KERNELS = new Set([
  'gemm',
  'kernelSet',
  'setGemmBackend',
  'matrix',
  'transposed',
  'multiply',
  'planGemm',
  'packA',
  'packB',
  'packRowsAt',
  'readC',
  'reserveArena',
  'roundUp',
  'wasmKernels',
  'arena',
  'im2colPacked',
  'col2im',
  'depthOffsets',
  'panelOffsets',
  'zeroPadding',
  'planes',
  'regions',
  'stageImage',
  'writePlanes',
  'writeTaps',
  'convGeometry',
  'poolGeometry',
  'checksFiniteness',
  'directConvAvailable',
  'directDxEligible',
  'conv2dForwardEligible',
  'conv2dBackwardEligible',
  'maxPool2dForwardEligible',
  'maxPool2dBackwardEligible',
  'denseForwardEligible',
  'denseBackwardEligible',
  'reluForwardEligible',
  'reluBackwardEligible',
  'loadWasmKernels',
  'compileWasmKernels',
  'wasmModuleBytes',
  'wasmLoadReason',
  'forgetWasmKernels',
  'measureSimdPeak',
  'encodeModule',
  'signature',
  'uleb',
  'sleb',
  'FunctionBuilder',
  'emitGemm',
  'emitPeak',
  'emitTapsA',
  'emitTapsB',
  'emitCompact',
  'emitPlanes',
  'emitPackDoutT',
  'emitReluForward',
  'emitReluBackward',
  'emitMaxPool',
  'emitMaxPoolBackward',
]);

describe('the kernel registry (@convkit/engine/kernels)', () => {
  it('every site names a module of the engine and a function or class it exports under that name', async () => {
    for (const site of sites) {
      const mod = await load(site.file);
      expect(typeof mod[site.name], `${site.file} exports ${site.name}`).toBe('function');
    }
  }, 60_000);

  it('lists every module that defines an op: each distinct function exported under an op name anywhere in the engine is a registered site', async () => {
    const registered = new Set<unknown>();
    for (const site of sites) registered.add((await load(site.file))[site.name]);
    const unlisted: string[] = [];
    for (const file of modules()) {
      const mod = await load(file);
      for (const op of Object.keys(KERNELS)) {
        const value = mod[op];
        // A re-export (index.ts, functional.ts) is the same function object as the module that defines it.
        if (typeof value === 'function' && !registered.has(value)) unlisted.push(`${file}: ${op}`);
      }
    }
    expect(unlisted).toEqual([]);
  }, 60_000); // imports every module of the engine: ~2 s idle, 12 s on a busy 2-core machine

  it('lists every kernel of the fast path: each function a fast/ module exports is a site or a named building block', async () => {
    const names = new Set(sites.map((s) => s.name));
    const unlisted: string[] = [];
    for (const file of modules().filter((f) => f.startsWith('fast/'))) {
      for (const [name, value] of Object.entries(await load(file))) {
        if (typeof value === 'function' && !names.has(name) && !NOT_KERNELS.has(name)) unlisted.push(`${file}: ${name}`);
      }
    }
    expect(unlisted).toEqual([]);
    expect(names.size).toBeGreaterThan(30);
  }, 60_000);

  it('every op of the public API is in the registry: the functional ops and the optimizers', () => {
    const ops = [
      'outputSize',
      'conv2dForward',
      'conv2dBackward',
      'maxPool2dForward',
      'maxPool2dBackward',
      'avgPool2dForward',
      'avgPool2dBackward',
      'flattenForward',
      'flattenBackward',
      'denseForward',
      'denseBackward',
      'reluForward',
      'reluBackward',
      'sigmoidForward',
      'sigmoidBackward',
      'tanhForward',
      'tanhBackward',
      'softmax',
      'softmaxCrossEntropy',
      'SGD',
      'Adam',
    ];
    expect(Object.keys(KERNELS).sort()).toEqual([...ops].sort());
    for (const op of ops) expect(typeof (engine as Record<string, unknown>)[op], op).toBe('function');
  });

  it('conv2dForward: the reference, the dispatcher and two fast kernels; an unknown name has none', () => {
    expect(kernelsOf('conv2dForward')).toEqual([
      { file: 'ops/conv2d.ts', name: 'conv2dForward', role: 'reference' },
      { file: 'fast/dispatch.ts', name: 'conv2dForward', role: 'dispatch' },
      { file: 'fast/conv2d.ts', name: 'fastConv2dForward', role: 'fast' },
      { file: 'fast/direct-conv.ts', name: 'directConv2dForward', role: 'fast' },
    ]);
    expect(kernelsOf('trainAndPredict')).toEqual([]);
    expect(kernelsOf('toString')).toEqual([]);
  });

  it('guardedExports: each asked op, then its kernels, once each, as the op; guardedSites: file by file', () => {
    expect(guardedExports(['conv2dForward', 'outputSize', 'trainAndPredict'])).toEqual([
      ['conv2dForward', 'conv2dForward'],
      ['fastConv2dForward', 'conv2dForward'],
      ['directConv2dForward', 'conv2dForward'],
      ['outputSize', 'outputSize'],
      ['trainAndPredict', 'trainAndPredict'],
    ]);
    expect(guardedSites(['maxPool2dBackward']).map((s) => `${s.file}#${s.name}→${s.op}`)).toEqual([
      'ops/pool2d.ts#maxPool2dBackward→maxPool2dBackward',
      'fast/dispatch.ts#maxPool2dBackward→maxPool2dBackward',
      'fast/pool2d.ts#fastMaxPool2dBackward→maxPool2dBackward',
      'fast/staged.ts#stagedMaxPoolBackward→maxPool2dBackward',
    ]);
  });
});
