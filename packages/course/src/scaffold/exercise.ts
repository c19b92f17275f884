/**
 * `pnpm new exercise <slug>`: a new exercise, wired everywhere it has to be, numbered after the last:
 *   exercises/NN-slug/README.md            the instructions (the site renders them)
 *   exercises/NN-slug/slug.ts              the stub students edit (throws NotImplemented)
 *   exercises/NN-slug/slug.test.ts         visible tests, step by step
 *   packages/grader/src/spec/NN-slug.ts    the grader's checks (hand-worked, fixed and random cases)
 *   packages/grader/src/spec/references/NN-slug.ts   THE reference the checks compare with: write it
 *   packages/grader/solutions/NN-slug.ts   what `pnpm grade --self-check` grades (re-exports the reference)
 * and an entry in exercises/manifest.ts, packages/grader/src/spec/index.ts and course.config.ts.
 * The template exercise is an element-wise function `fn(x: Tensor): Tensor`; change the signature in
 * all six files together if yours differs.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Exercise } from '../../../../exercises/manifest.ts';
import { appendToLiteral, camelCase, checkSlug, titleCase } from './edit.ts';

export interface NewExercise {
  id: string;
  fn: string;
  files: string[];
}

export function newExercise(root: string, slugArg: string | undefined, manifest: readonly Exercise[], options: { title?: string; points?: number } = {}): NewExercise {
  const slug = checkSlug('exercise', slugArg);
  if (manifest.some((e) => e.id.slice(3) === slug)) throw new Error(`pnpm new exercise: an exercise ${slug} exists already`);
  const number = Math.max(0, ...manifest.map((e) => Number(e.id.slice(0, 2)) || 0)) + 1;
  const id = `${String(number).padStart(2, '0')}-${slug}`;
  const fn = camelCase(slug);
  const title = options.title ?? titleCase(slug);
  const points = options.points ?? 10;
  const file = `${slug}.ts`;
  const write = (path: string, text: string): string => {
    if (existsSync(join(root, path))) throw new Error(`pnpm new exercise: ${path} exists already`);
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
    return path;
  };
  const edit = (path: string, anchor: RegExp, item: string, header?: string): string => {
    let source = readFileSync(join(root, path), 'utf8');
    if (header) source = source.replace(/((?:^import .*\n)+)/m, `$1${header}\n`);
    writeFileSync(join(root, path), appendToLiteral(source, anchor, item, path));
    return path;
  };

  const files = [
    write(`exercises/${id}/README.md`, `# ${title}

Write \`${fn}(x)\` in \`${file}\`: it takes a tensor \`x\` of any shape and returns a NEW tensor of the
same shape and dtype, computed element by element. *(Instructor: say what it computes, with a
hand-worked example and the formula.)*

1. Read the visible tests in \`${slug}.test.ts\`: they unlock step by step.
2. Run \`pnpm grade ${slug}\` to see what the grader thinks; \`pnpm hint ${slug}\` when stuck.
`),
    write(`exercises/${id}/${file}`, `import type { Tensor } from '@convkit/engine';
import { NotImplemented } from '../not-implemented.ts';

/** ${title}: a new tensor of x's shape and dtype, element by element. Never modifies x. */
export function ${fn}(x: Tensor): Tensor {
  throw new NotImplemented('${fn}');
}
`),
    write(`exercises/${id}/${slug}.test.ts`, `import { expect, it } from 'vitest';
import { Tensor } from '@convkit/engine';
import { step } from '../steps.ts';
import { ${fn} } from './${file}';

step('1. same shape and dtype, new tensor', () => {
  it('x=[1,1,2,2]: the output has x\\'s shape and dtype and is not x itself', () => {
    const x = Tensor.from([[[[-1, 0], [2, -3]]]], 'float64');
    const out = ${fn}(x);
    expect(out.shape).toEqual([1, 1, 2, 2]);
    expect(out.dtype).toBe('float64');
    expect(out).not.toBe(x);
  });
});
`),
    write(`packages/grader/src/spec/references/${id}.ts`, `/**
 * The reference of exercise ${id}: what the grader compares students' ${fn} with.
 * Write it, then \`pnpm grade --self-check ${slug}\` must score full marks.
 */
import type { Tensor } from '@convkit/engine';
import { NotImplemented } from '../../../../../exercises/not-implemented.ts';

export function ${fn}(x: Tensor): Tensor {
  throw new NotImplemented('${fn} (the reference: write it in packages/grader/src/spec/references/${id}.ts)');
}
`),
    write(`packages/grader/solutions/${id}.ts`, `/** Reference solution of exercise ${id} (graded by \`pnpm grade --self-check\`). */
export { ${fn} } from '../src/spec/references/${id}.ts';
`),
    write(`packages/grader/src/spec/${id}.ts`, `/** Exercise ${id}: ${fn}, compared with its reference in ./references/${id}.ts. */
import fc from 'fast-check';
import { Tensor } from '@convkit/engine';
import { ${fn} } from './references/${id}.ts';
import { caseTest, randomTest, sh, type CaseOptions, type TestSpec } from './kit.ts';
import { normal, seedArb, small } from './shapes.ts';

const options: CaseOptions<[Tensor]> = { fn: '${fn}', argNames: ['x'], reference: ${fn} };

export const tests = (): TestSpec[] => [
  caseTest('x=[1,1,2,2] (negative, zero and positive values)', options, (): [Tensor] => [Tensor.from([[[[-1, 0], [2, -3]]]], 'float64')]),
  caseTest('x=[2,3,4,5] (non-square, N and C > 1)', options, (): [Tensor] => [normal([2, 3, 4, 5], ${number * 10 + 1})]),
  randomTest('random shapes', {
    ...options,
    arbitrary: fc.record({ N: small(3), C: small(3), H: small(5), W: small(5), seed: seedArb }),
    build: ({ N, C, H, W, seed }): [Tensor] => [normal([N, C, H, W], seed)],
    label: ({ N, C, H, W }) => \`x=\${sh([N, C, H, W])}\`,
    seed: ${number * 101},
  }),
];
`),
    edit(
      'exercises/manifest.ts',
      /export const exercises[^=]*=/,
      `{
  id: '${id}',
  file: '${id}/${file}',
  readme: '${id}/README.md',
  title: ${JSON.stringify(title)},
  points: ${points},
  functions: ['${fn}'],
  hints: ['Allocate the output with \`new Tensor(x.shape, undefined, x.dtype)\` and fill it in one loop over x.data.'],
  timeLimitMs: 3000,
  memoryLimitMb: 512,
}`,
    ),
    edit('packages/grader/src/spec/index.ts', /export const specs[^=]*=/, `'${id}': ${fn}Spec`, `import * as ${fn}Spec from './${id}.ts';`),
    edit('course.config.ts', /^\s*exercises:\s*\[/m, `{ id: '${id}', points: ${points} }`),
  ];
  return { id, fn, files };
}
