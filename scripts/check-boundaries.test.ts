/** findCrossings and findUndeclared on a small workspace written for the test. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { findCrossings, findUndeclared } from './check-boundaries.ts';

function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'boundaries-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

test('relative imports into another package or into exercises/ are reported with file, line and target; imports inside a package are not', () => {
  const root = workspace({
    'pnpm-workspace.yaml': 'packages:\n  - packages/*\n  - exercises\nallowBuilds:\n  esbuild: true\n',
    'course.config.ts': 'export default {};\n',
    'packages/course/package.json': '{}',
    'packages/course/src/a.ts': [
      "import { b } from './b.ts';", // same package
      "import { run } from '../../grader/src/run.ts';", // crosses into grader
      "export { x } from '../../../exercises/manifest.ts';", // crosses into exercises
      "const m = await import('../../grader/src/plan.ts');", // dynamic import
      "import config from '../../../course.config.ts';", // the instructor's file: allowed
      "import { y } from '@convkit/grader';", // by name: fine
    ].join('\n'),
    'packages/course/src/b.ts': 'export const b = 1;\n',
    'packages/grader/package.json': '{}',
    'packages/grader/src/run.ts': "import { b } from '../test/helpers.ts';\n",
    'exercises/package.json': '{}',
    'exercises/manifest.ts': 'export const x = 1;\n',
  });
  try {
    assert.deepEqual(findCrossings(root), [
      { file: 'packages/course/src/a.ts', line: 2, specifier: '../../grader/src/run.ts', target: 'packages/grader/src' },
      { file: 'packages/course/src/a.ts', line: 3, specifier: '../../../exercises/manifest.ts', target: 'exercises' },
      { file: 'packages/course/src/a.ts', line: 4, specifier: '../../grader/src/plan.ts', target: 'packages/grader/src' },
    ]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('an @convkit/… import counts as declared only when the importing package lists it (or is it); the line is named', () => {
  const root = workspace({
    'pnpm-workspace.yaml': 'packages:\n  - packages/*\n',
    'packages/course/package.json': JSON.stringify({ name: '@convkit/course', dependencies: { '@convkit/engine': 'workspace:*' } }),
    'packages/course/src/a.ts': [
      "import { Tensor } from '@convkit/engine';", // declared
      "import { grade } from '@convkit/grader/cli';", // not declared (subpath of an undeclared package)
      "import type { X } from '@convkit/course';", // itself
      "const m = await import('@convkit/browser');", // not declared
    ].join('\n'),
    'packages/engine/package.json': JSON.stringify({ name: '@convkit/engine' }),
  });
  try {
    assert.deepEqual(findUndeclared(root), [
      { file: 'packages/course/src/a.ts', line: 2, name: '@convkit/grader' },
      { file: 'packages/course/src/a.ts', line: 4, name: '@convkit/browser' },
    ]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
