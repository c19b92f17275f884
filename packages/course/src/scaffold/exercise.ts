/**
 * `pnpm new exercise <slug>`: a new exercise, numbered after the last, as ONE folder that the
 * manifest, the grader and the course build find by convention:
 *   exercises/NN-slug/exercise.json        title, points, the function, the stub's file, hints, limits
 *   exercises/NN-slug/README.md            the instructions (the site renders them)
 *   exercises/NN-slug/slug.ts              the stub students edit (throws NotImplemented)
 *   exercises/NN-slug/slug.test.ts         visible tests, step by step
 *   exercises/NN-slug/.meta/spec.ts        graders only: the checks (hand-worked, fixed and random cases)
 *   exercises/NN-slug/.meta/solution.ts    graders only: THE reference the checks compare with; write it
 * Releases strip `.meta/`. The only other edit is the course's selection: an entry in course.config.ts.
 * The template exercise is an element-wise function `fn(x: Tensor): Tensor`; change the signature in
 * the stub, the test, the spec and the solution together if yours differs.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Exercise } from '@convkit/course-config/node';
import { UsageError } from '@convkit/engine/node';
import { appendToLiteral, camelCase, checkSlug, titleCase } from './edit.ts';

export interface NewExercise {
  id: string;
  fn: string;
  files: string[];
}

export function newExercise(
  root: string,
  slugArg: string | undefined,
  manifest: readonly Exercise[],
  options: { title?: string; points?: number } = {},
): NewExercise {
  const slug = checkSlug('exercise', slugArg);
  if (manifest.some((e) => e.id.slice(3) === slug)) throw new UsageError(`an exercise ${slug} exists already`);
  const number = Math.max(0, ...manifest.map((e) => Number(e.id.slice(0, 2)) || 0)) + 1;
  const id = `${String(number).padStart(2, '0')}-${slug}`;
  const fn = camelCase(slug);
  const title = options.title ?? titleCase(slug);
  const points = options.points ?? 10;
  const file = `${slug}.ts`;
  const write = (path: string, text: string): string => {
    if (existsSync(join(root, path))) throw new UsageError(`${path} exists already`);
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
    return path;
  };
  const edit = (path: string, anchor: RegExp, item: string): string => {
    const source = readFileSync(join(root, path), 'utf8');
    writeFileSync(join(root, path), appendToLiteral(source, anchor, item, path));
    return path;
  };

  const files = [
    write(
      `exercises/${id}/README.md`,
      `# ${title}

Write \`${fn}(x)\` in \`${file}\`: it takes a tensor \`x\` of any shape and returns a NEW tensor of the
same shape and dtype, computed element by element. *(Instructor: say what it computes, with a
hand-worked example and the formula.)*

1. Read the visible tests in \`${slug}.test.ts\`: they unlock step by step.
2. Run \`pnpm grade ${slug}\` to see what the grader thinks; \`pnpm hint ${slug}\` when stuck.
`,
    ),
    write(
      `exercises/${id}/${file}`,
      `import type { Tensor } from '@convkit/engine';
import { NotImplemented } from '../not-implemented.ts';

/** ${title}: a new tensor of x's shape and dtype, element by element. Never modifies x. */
export function ${fn}(x: Tensor): Tensor {
  throw new NotImplemented('${fn}');
}
`,
    ),
    write(
      `exercises/${id}/${slug}.test.ts`,
      `import { expect, it } from 'vitest';
import { Tensor } from '@convkit/engine';
import { step } from '../steps.ts';
import { ${fn} } from './${file}';

step('1. same shape and dtype, new tensor', () => {
  it("x=[1,1,2,2]: the output has x's shape and dtype and is not x itself", () => {
    // biome-ignore format: a tensor literal, kept on one line
    const x = Tensor.from([[[[-1, 0], [2, -3]]]], 'float64');
    const out = ${fn}(x);
    expect(out.shape).toEqual([1, 1, 2, 2]);
    expect(out.dtype).toBe('float64');
    expect(out).not.toBe(x);
  });
});
`,
    ),
    write(
      `exercises/${id}/exercise.json`,
      `${JSON.stringify(
        {
          title,
          points,
          functions: [fn],
          file,
          hints: ['Allocate the output with `new Tensor(x.shape, undefined, x.dtype)` and fill it in one loop over x.data.'],
          timeLimitMs: 3000,
          memoryLimitMb: 512,
        },
        null,
        2,
      )}\n`,
    ),
    write(
      `exercises/${id}/.meta/solution.ts`,
      `/**
 * The reference solution of exercise ${id}: what the grader's checks compare students' ${fn} with,
 * and what \`pnpm grade --self-check ${slug}\` grades (it must score full marks). Graders only:
 * releases strip .meta/. Write it.
 */
import type { Tensor } from '@convkit/engine';
import { NotImplemented } from '../../not-implemented.ts';

// biome-ignore lint/correctness/noUnusedFunctionParameters: until the body is written (then remove this line)
export function ${fn}(x: Tensor): Tensor {
  throw new NotImplemented('${fn} (the reference: write it in exercises/${id}/.meta/solution.ts)');
}
`,
    ),
    write(
      `exercises/${id}/.meta/spec.ts`,
      `/** Exercise ${id}: ${fn}, compared with its reference solution (./solution.ts). */
import fc from 'fast-check';
import { Tensor } from '@convkit/engine';
import { caseTest, normal, randomTest, seedArb, sh, small, type CaseOptions, type TestSpec } from '@convkit/grader/spec';
import { ${fn} } from './solution.ts';

const options: CaseOptions<[Tensor]> = { fn: '${fn}', argNames: ['x'], reference: ${fn} };

export const tests = (): TestSpec[] => [
  // biome-ignore format: a tensor literal, kept on one line
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
`,
    ),
    edit('course.config.ts', /^\s*exercises:\s*\[/m, `{ id: '${id}', points: ${points} }`),
  ];
  return { id, fn, files };
}
