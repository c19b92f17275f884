/**
 * The visible exercise tests.
 *
 * - Students: `pnpm --filter @convkit/exercises test` (add a folder to run one: `… test 02`) runs
 *   them against YOUR files (vitest `--mode student`). They fail until you write the code: that is
 *   the point.
 * - The kit's own test run (root `vitest run`, `pnpm test`) runs the same tests against the
 *   reference solutions in each exercise's .meta/solution.ts instead, through an alias per stub file, which
 *   proves the visible tests right without counting unstarted stubs as failures. The stubs themselves
 *   are checked by the grader's tests (they must score 0, "not started").
 */
import { defineConfig, type Plugin } from 'vitest/config';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * Each exercise folder's stub file, from its `exercise.json`. Read directly: a config file is loaded by
 * Node itself, which cannot import the TypeScript of `@convkit/course-config` (the manifest's home).
 */
const exercises = readdirSync(here)
  .filter((id) => /^\d\d-[a-z0-9-]+$/.test(id) && existsSync(join(here, id, 'exercise.json')))
  .map((id) => ({ id, file: `${id}/${(JSON.parse(readFileSync(join(here, id, 'exercise.json'), 'utf8')) as { file: string }).file}` }));

/**
 * Redirects imports of a stub FROM an exercise folder (`./conv-forward.ts` in a test,
 * `../02-conv-forward/conv-forward.ts` in the capstone) to that exercise's reference solution.
 * Only importers inside exercises/ are redirected: the engine has files with the same names.
 */
function useReferenceSolutions(): Plugin {
  const byStub = new Map(
    exercises.map((e) => [resolve(here, e.file), join(here, e.id, '.meta', 'solution.ts')] as const).filter(([, solution]) => existsSync(solution)),
  );
  return {
    name: 'convkit-reference-solutions',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !importer.startsWith(here) || !source.startsWith('.')) return null;
      return byStub.get(resolve(dirname(importer), source)) ?? null;
    },
  };
}

export default defineConfig(({ mode }) => ({
  plugins: mode === 'student' ? [] : [useReferenceSolutions()],
  test: {
    name: '@convkit/exercises',
    include: ['*/*.test.ts'],
    testTimeout: 60_000,
  },
}));
