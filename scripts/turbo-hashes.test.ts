/**
 * turbo's hashes follow the real dependencies: adding a file to a package changes the hash of every
 * typecheck and build that depends on that package (it, and every package that imports it, directly or
 * through another package) and of no other task, and leaves the global hash alone.
 *
 * "Imports it" is read from the sources here, independently of turbo and of package.json: a package
 * imports `@convkit/x` when one of its files has an `import … from '@convkit/x…'` (or `import('…')`, or
 * `export … from`). A package that imports another without declaring it, or a cross-package relative
 * import, makes this test fail: turbo would not see that dependency.
 *
 * Probes are untracked files (turbo hashes those too) created for one dry run and removed at once.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const turbo = join(root, 'node_modules', '.bin', 'turbo');

interface DryTask {
  taskId: string;
  package: string;
  task: string;
  directory: string;
  command: string;
  hash: string;
}
interface Dry {
  tasks: DryTask[];
  globalCacheInputs: Record<string, unknown>;
}

function dryRun(): Dry {
  const r = spawnSync(turbo, ['run', 'typecheck', 'build', '--dry=json'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
  });
  assert.equal(r.status, 0, `turbo run --dry=json failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Dry;
}

/** Real tasks (the package has the script) by id → hash. */
const hashes = (d: Dry): Map<string, string> => new Map(d.tasks.filter((t) => t.command !== '<NONEXISTENT>').map((t) => [t.taskId, t.hash]));

const SKIP = new Set(['node_modules', 'build', '.docusaurus', '.turbo', 'test-results', 'release', 'static']);
function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(m?ts|tsx|m?js|jsx|mdx)$/.test(entry.name)) out.push(path);
  }
  return out;
}

/** package name → the workspace packages its sources import (read from the files, not from package.json). */
function importGraph(packages: Map<string, string>): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const [name, dir] of packages) {
    const imported = new Set<string>();
    for (const file of sourceFiles(join(root, dir))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](@convkit\/[\w-]+)/g))
        if (m[1] !== name && packages.has(m[1])) imported.add(m[1]);
    }
    graph.set(name, imported);
  }
  return graph;
}

/** The package and every package that imports it, directly or through others. */
function dependents(graph: Map<string, Set<string>>, name: string): Set<string> {
  const found = new Set([name]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pkg, imports] of graph) {
      if (!found.has(pkg) && [...imports].some((i) => found.has(i))) {
        found.add(pkg);
        grew = true;
      }
    }
  }
  return found;
}

const baseline = dryRun();
const packages = new Map(baseline.tasks.filter((t) => t.package !== '//').map((t) => [t.package, t.directory]));
const graph = importGraph(packages);
const tasks = [...hashes(baseline).keys()];

/**
 * Adds an untracked file to `dir` for one dry run; returns the task ids whose hash changed. Hashes are taken
 * just before and just after, and the probe is repeated if the tree changed meanwhile (another edit in a
 * shared checkout), so only the probe's own effect is measured.
 */
function probe(dir: string): { changed: Set<string>; global: boolean } {
  assert.ok(existsSync(join(root, dir)), `expected the folder ${dir}, got none`);
  for (let attempt = 1; ; attempt++) {
    const before = dryRun();
    const file = join(root, dir, `__turbo-hash-probe-${process.pid}.ts`);
    writeFileSync(file, `export const probe = ${Date.now()};\n`);
    let after: Dry;
    try {
      after = dryRun();
    } finally {
      rmSync(file, { force: true });
    }
    const again = dryRun();
    const stable = JSON.stringify([...hashes(before)]) === JSON.stringify([...hashes(again)]);
    if (!stable && attempt < 3) continue;
    assert.ok(stable, 'the tree kept changing during the probe (3 tries)');
    const old = hashes(before);
    const changed = new Set([...hashes(after)].filter(([id, h]) => old.get(id) !== h).map(([id]) => id));
    return { changed, global: JSON.stringify(after.globalCacheInputs) !== JSON.stringify(before.globalCacheInputs) };
  }
}

/** The typecheck and build tasks that must change when `name` changes. */
function expected(name: string): Set<string> {
  const deps = dependents(graph, name);
  return new Set(tasks.filter((id) => deps.has(id.slice(0, id.lastIndexOf('#')))));
}

const sorted = (s: Set<string>): string[] => [...s].sort();

test('editing packages/bench changes bench typecheck only; the docs build hash and the global hash stay', () => {
  const { changed, global } = probe(join(packages.get('@convkit/bench') ?? 'packages/bench', 'src'));
  assert.equal(global, false, 'the global hash changed');
  assert.equal(changed.has('@convkit/docs#build'), false, 'the docs build hash changed');
  assert.deepEqual(sorted(changed), sorted(expected('@convkit/bench')));
});

for (const name of ['@convkit/engine', '@convkit/course', '@convkit/course-config']) {
  test(`editing ${name} changes the typecheck/build hash of it and of every package that imports it, and of no other`, (t) => {
    const dir = packages.get(name);
    if (!dir) return t.skip(`${name} is not a workspace package yet`);
    const { changed, global } = probe(join(dir, 'src'));
    assert.equal(global, false, 'the global hash changed');
    const want = expected(name);
    assert.ok(want.size > 1 || name === '@convkit/course', `expected some package to import ${name}`);
    assert.deepEqual(sorted(changed), sorted(want));
  });
}
