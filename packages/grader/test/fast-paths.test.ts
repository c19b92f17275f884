import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FAST_PATHS, guardedNames } from '../src/sandbox/fast-paths.ts';

const fastDir = fileURLToPath(new URL('../../engine/src/fast/', import.meta.url));

describe('the fast kernels guarded with the reference ops', () => {
  it('every fast*, direct* and staged* function the engine exports is listed under the op it computes', () => {
    const exported = readdirSync(fastDir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .flatMap((f) => [...readFileSync(join(fastDir, f), 'utf8').matchAll(/export function ((?:fast|direct|staged)[A-Z]\w*)/g)].map((m) => m[1]));
    expect(exported.length).toBeGreaterThan(10);
    const listed = new Set(Object.values(FAST_PATHS).flat());
    expect([...new Set(exported)].filter((name) => !listed.has(name))).toEqual([]);
  });

  it('an asked-for name guards itself and its kernels, each tripping under the asked-for name', () => {
    expect(guardedNames(['conv2dForward', 'outputSize'])).toEqual([
      ['conv2dForward', 'conv2dForward'], ['fastConv2dForward', 'conv2dForward'], ['directConv2dForward', 'conv2dForward'],
      ['outputSize', 'outputSize'],
    ]);
  });
});
