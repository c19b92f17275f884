/**
 * `pnpm lint:boundaries`: no relative import crosses a package boundary, and every import of a workspace
 * package by name is declared. Every workspace package (pnpm-workspace.yaml) uses another through its name
 * and `exports`, declared in its package.json; `../../grader/src/run.ts` from packages/course, or
 * `../../../exercises/…`, or `@convkit/grader` from a package that does not list it, is reported with its line.
 * The root's `course.config.ts` is the instructor's file, not a package: it may be imported by path.
 * `test/fixtures/` holds student code under test, not the package's own code: the grader grades those
 * files in its sandbox as a student's, and the hostile ones reach into the engine or a `.meta/` on
 * purpose (the tripwires and the sandbox must stop them), so they are not checked.
 * Import specifiers are read from `import`/`export … from`, `import(…)`, `require(…)` and `vi.mock(…)`.
 * (turbo's own `turbo boundaries` also reports every package that uses the root's vitest or tsx without
 * declaring it, 100+ findings that are not this rule.)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const SKIP = new Set(['node_modules', 'build', '.docusaurus', '.turbo', 'test-results', 'static']);
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*|\bvi\.mock\s*\(\s*)(['"])(\.{1,2}\/[^'"]*)\1/g;

const BY_NAME = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*|\bvi\.mock\s*\(\s*)(['"])(@convkit\/[\w-]+)/g;

export interface Crossing {
  file: string;
  line: number;
  specifier: string;
  /** The folder, relative to the root, that the import lands in. */
  target: string;
}

/** The package folders of a pnpm workspace: `packages/*` and plain folder entries. */
export function workspacePackages(root: string): string[] {
  const yaml = readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8');
  const list = yaml.split(/^packages:\s*$/m)[1]?.split(/^\S/m)[0] ?? '';
  const dirs: string[] = [];
  for (const [, glob] of list.matchAll(/^\s*-\s*['"]?([^'"\s]+)['"]?\s*$/gm)) {
    if (glob.endsWith('/*')) {
      const parent = join(root, glob.slice(0, -2));
      if (existsSync(parent)) for (const d of readdirSync(parent, { withFileTypes: true })) if (d.isDirectory()) dirs.push(join(parent, d.name));
    } else dirs.push(join(root, glob));
  }
  return dirs.filter((d) => existsSync(join(d, 'package.json')));
}

/** A package's source files, not descending into another package nested in it. */
function sources(dir: string, packages: Set<string>): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (SKIP.has(entry.name) || packages.has(path)) continue;
    if (entry.isDirectory()) out.push(...sources(path, packages));
    else if (/\.(m?ts|tsx|m?js|cjs|jsx)$/.test(entry.name)) out.push(path);
  }
  return out;
}

export interface Undeclared {
  file: string;
  line: number;
  /** The workspace package imported by name without being in the importer's package.json. */
  name: string;
}

/** Every import of a workspace package (`@convkit/…`) by a package whose package.json does not declare it. */
export function findUndeclared(root: string): Undeclared[] {
  const packages = workspacePackages(root);
  const set = new Set(packages);
  const found: Undeclared[] = [];
  for (const pkg of packages) {
    const json = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as Record<string, unknown>;
    const declared = new Set([
      json.name,
      ...['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'].flatMap((k) => Object.keys((json[k] as object) ?? {})),
    ]);
    for (const file of sources(pkg, set)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(BY_NAME)) {
        if (declared.has(m[2])) continue;
        found.push({ file: relative(root, file), line: text.slice(0, m.index).split('\n').length, name: m[2] });
      }
    }
  }
  return found;
}

/** Every relative import in a workspace package that resolves outside that package's folder. */
export function findCrossings(root: string): Crossing[] {
  const packages = workspacePackages(root);
  const set = new Set(packages);
  const crossings: Crossing[] = [];
  for (const pkg of packages) {
    for (const file of sources(pkg, set)) {
      if (relative(pkg, file).startsWith(join('test', 'fixtures') + sep)) continue;
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(SPECIFIER)) {
        const target = resolve(dirname(file), m[2]);
        if (target === pkg || target.startsWith(pkg + sep) || target === join(root, 'course.config.ts')) continue;
        const line = text.slice(0, m.index).split('\n').length;
        crossings.push({ file: relative(root, file), line, specifier: m[2], target: relative(root, dirname(target)) || '.' });
      }
    }
  }
  return crossings;
}

if (process.argv[1] === import.meta.filename) {
  const root = join(import.meta.dirname, '..');
  const crossings = findCrossings(root);
  const undeclared = findUndeclared(root);
  for (const c of crossings) console.log(`${c.file}:${c.line}: '${c.specifier}' reaches into ${c.target}: import it by its package name instead`);
  for (const u of undeclared) console.log(`${u.file}:${u.line}: imports ${u.name}, which its package.json does not declare`);
  console.log(
    crossings.length + undeclared.length === 0
      ? 'no relative import crosses a package boundary; every @convkit/… import is declared'
      : `${crossings.length} relative import(s) cross a package boundary; ${undeclared.length} @convkit/… import(s) undeclared`,
  );
  process.exit(crossings.length + undeclared.length === 0 ? 0 : 1);
}
