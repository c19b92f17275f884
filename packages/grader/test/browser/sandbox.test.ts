/**
 * The browser's sandbox (src/browser/), run in Node worker threads: module resolution, tripwires, the
 * time limit on a call and on loading, a restart after a timeout, printed output. (In Chromium, the
 * site's tests in docs/e2e/exercises.test.mts drive the same code through the page.)
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Tensor } from '@convkit/engine';
import { BrowserSandbox } from '../../src/browser/sandbox.ts';
import { resolveFile } from '../../src/browser/modules.ts';
import { toWire } from '../../src/spec/kit.ts';
import { judge } from '../../src/spec/kit.ts';
import { spawnNodeWorker } from './node-spawn.ts';

const exercisesDir = resolve(import.meta.dirname, '..', '..', '..', '..', 'exercises');
const shared = { 'not-implemented.ts': readFileSync(join(exercisesDir, 'not-implemented.ts'), 'utf8') };

function sandbox(code: string, timeLimitMs = 1500, tripwires = ['conv2dForward']): BrowserSandbox {
  return new BrowserSandbox({
    spawn: spawnNodeWorker,
    load: { files: { ...shared, '02-conv-forward/conv-forward.ts': code }, entry: '02-conv-forward/conv-forward.ts', tripwires },
    timeLimitMs,
  });
}

// the 2×2 hand-worked case of exercise 02's README: [[0,1,2],[3,4,5],[6,7,8]] * [[0,1],[2,3]] = [[19,25],[37,43]]
const x = new Tensor([1, 1, 3, 3], [0, 1, 2, 3, 4, 5, 6, 7, 8]);
const w = new Tensor([1, 1, 2, 2], [0, 1, 2, 3]);
const b = new Tensor([1], [0]);
const args = [x, w, b, { stride: 1, pad: 0 }].map(toWire);
const names = ['x', 'w', 'b', 'params'];

describe('browser sandbox', () => {
  it('resolves relative imports among the given files like Node (with or without .ts, .js for .ts)', () => {
    const files = { 'a/b.ts': '', 'c.ts': '', 'd/index.ts': '' };
    expect(resolveFile(files, '../c.ts', 'a/b.ts')).toBe('c.ts');
    expect(resolveFile(files, '../c', 'a/b.ts')).toBe('c.ts');
    expect(resolveFile(files, '../c.js', 'a/b.ts')).toBe('c.ts');
    expect(resolveFile(files, '../d', 'a/b.ts')).toBe('d/index.ts');
    expect(resolveFile(files, '../../c.ts', 'a/b.ts')).toBeNull();
    expect(resolveFile(files, './missing.ts', 'a/b.ts')).toBeNull();
  });

  it('runs a correct conv2dForward [1,1,3,3]*[1,1,2,2] and returns [[19,25],[37,43]], with what it printed', async () => {
    const s = sandbox(`import { Tensor, index4, type ConvParams } from '@convkit/engine';
export function conv2dForward(x: Tensor, w: Tensor, b: Tensor, { stride, pad }: ConvParams): Tensor {
  console.log('hello from', x.shape);
  const out = new Tensor([1, 1, 2, 2], undefined, x.dtype);
  for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) {
    let s = b.data[0];
    for (let p = 0; p < 2; p++) for (let q = 0; q < 2; q++) s += x.data[index4(x.shape, 0, 0, i + p, j + q)] * w.data[index4(w.shape, 0, 0, p, q)];
    out.data[index4(out.shape, 0, 0, i, j)] = s;
  }
  return out;
}`);
    const r = await s.call('conv2dForward', args, names);
    s.close();
    expect(r.kind).toBe('returned');
    if (r.kind !== 'returned') return;
    expect(Array.from((r.value as { data: Float64Array }).data)).toEqual([19, 25, 37, 43]);
    expect(s.takeOutput()).toBe('hello from [1,1,3,3]\n');
  });

  it("calling the engine's conv2dForward, directly or through the Conv2D layer, is the same violation as in pnpm grade", async () => {
    for (const body of ['return conv2dForward(x, w, b, p);', 'const layer = new Conv2D({ filters: 1, kernelSize: 2 }); return layer.forward(x);']) {
      const s = sandbox(`import { Conv2D, conv2dForward, Tensor } from '@convkit/engine';
export function conv2dForward2(): void {}
export { f as conv2dForward };
function f(x: Tensor, w: Tensor, b: Tensor, p: { stride: number; pad: number }) { try { ${body} } catch { return x; } }`);
      const r = await s.call('conv2dForward', args, names);
      s.close();
      expect(judge(r, 'conv2dForward', () => null)).toEqual({
        status: 'failed',
        message: "violation: conv2dForward called the engine's reference conv2dForward — this exercise asks you to write it yourself",
      });
    }
  });

  it('an endless loop in a call is stopped at the time limit; the next call starts a new worker and runs', async () => {
    const s = sandbox(`export function conv2dForward(n: number) { if (n === 1) { while (true) {} } return n * 2; }`, 800);
    expect(await s.call('conv2dForward', [1], ['n'])).toEqual({ kind: 'timeout', limitMs: 800 });
    const next = await s.call('conv2dForward', [21], ['n']);
    s.close();
    expect(next).toMatchObject({ kind: 'returned', value: 42 });
  });

  it('a worker that dies on every call is restarted maxRestarts=1 time; the third call is not run', async () => {
    const s = new BrowserSandbox({
      spawn: spawnNodeWorker,
      load: { files: { ...shared, 'e.ts': 'export function f(n: number) { while (n > 0) {} return n; }' }, entry: 'e.ts', tripwires: [] },
      timeLimitMs: 500,
      maxRestarts: 1,
    });
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await s.call('f', [1], ['n']));
    const last = await s.call('f', [0], ['n']); // would return at once, but the sandbox is given up
    s.close();
    expect(results.slice(0, 2)).toEqual([
      { kind: 'timeout', limitMs: 500 },
      { kind: 'timeout', limitMs: 500 },
    ]);
    expect(results[2]).toEqual({ kind: 'crashed', reason: 'not run: the sandbox died 2 times already' });
    expect(last).toEqual(results[2]);
  });

  it('while (true) at the top level of the module is stopped at the time limit while loading; a syntax error is a load error', async () => {
    const loop = sandbox('while (true) {}\nexport function conv2dForward() { return 1; }', 800);
    expect(await loop.call('conv2dForward', args, names)).toEqual({ kind: 'timeout', limitMs: 800 });
    loop.close();
    const broken = sandbox('export function conv2dForward( {', 800);
    const r = await broken.call('conv2dForward', args, names);
    broken.close();
    expect(r.kind).toBe('load-error');
    expect(judge(r, 'conv2dForward', () => null).message).toMatch(/^your module failed to load: SyntaxError/);
  });

  it('an import of a file that is not there names it', async () => {
    const s = sandbox("import { helper } from './helper.ts';\nexport const conv2dForward = helper;");
    const r = await s.call('conv2dForward', args, names);
    s.close();
    expect(judge(r, 'conv2dForward', () => null).message).toMatch(
      /Cannot find module '\.\/helper\.ts' imported from exercises\/02-conv-forward\/conv-forward\.ts/,
    );
  });
});
