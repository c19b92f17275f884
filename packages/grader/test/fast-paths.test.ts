import { describe, expect, it } from 'vitest';
import * as engine from '@convkit/engine';
import { KERNELS } from '@convkit/engine/kernels';
import { exercises } from '../src/index.ts';
import { FAST_PATHS, guardedModules, guardedNames } from '../src/sandbox/fast-paths.ts';
import { specs } from '../src/spec/index.ts';

describe('the engine exports guarded with the ops an exercise asks for (from the engine kernel registry)', () => {
  it('an asked-for name guards itself and its kernels, each tripping under the asked-for name', () => {
    expect(guardedNames(['conv2dForward', 'outputSize'])).toEqual([
      ['conv2dForward', 'conv2dForward'],
      ['fastConv2dForward', 'conv2dForward'],
      ['directConv2dForward', 'conv2dForward'],
      ['outputSize', 'outputSize'],
    ]);
  });

  it('the modules the sandbox hooks wrap for conv2dBackward: the reference, the dispatcher and both fast kernels', () => {
    expect(guardedModules(['conv2dBackward'])).toEqual([
      ['ops/conv2d.ts', 'conv2dBackward', 'conv2dBackward'],
      ['fast/dispatch.ts', 'conv2dBackward', 'conv2dBackward'],
      ['fast/conv2d.ts', 'fastConv2dBackward', 'conv2dBackward'],
      ['fast/direct-conv.ts', 'directConv2dBackward', 'conv2dBackward'],
    ]);
    expect(FAST_PATHS.maxPool2dForward).toEqual(['fastMaxPool2dForward', 'stagedMaxPool']);
  });

  it('every name an exercise or a spec asks for that the engine exports is in the registry (else nothing would guard it)', () => {
    const asked = new Set([...exercises.flatMap((e) => e.functions), ...Object.values(specs).flatMap((s) => s.tripwires ?? [])]);
    expect(asked.size).toBeGreaterThan(10);
    const unguarded = [...asked].filter((name) => name in engine && !(name in KERNELS));
    expect(unguarded).toEqual([]);
  });
});
