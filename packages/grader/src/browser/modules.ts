/**
 * A tiny module system for the browser's sandbox: TypeScript files given as text (the student's file and
 * the course files it may import), compiled to CommonJS by `compile` (sucrase in the page), evaluated in
 * order of their imports, with built-in modules (`@convkit/engine`) given as objects. Relative imports
 * resolve like Node's (`../not-implemented.ts`, with or without the extension).
 */

/** TypeScript source → CommonJS JavaScript (same line numbers, so stack traces point at the student's lines). */
export type Compile = (source: string, path: string) => string;

const dirOf = (path: string): string => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');

/** `a/b/../c.ts` → `a/c.ts`; null when it climbs above the root. */
function normalize(path: string): string | null {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0) return null;
      out.pop();
    } else out.push(part);
  }
  return out.join('/');
}

/** Where `specifier`, imported from `from`, is among `files`; null when it is not there. */
export function resolveFile(files: Readonly<Record<string, string>>, specifier: string, from: string): string | null {
  const joined = normalize(`${dirOf(from)}/${specifier}`);
  if (joined === null) return null;
  const base = joined.replace(/\.(js|mjs)$/, '');
  for (const candidate of [joined, `${base}.ts`, `${base}/index.ts`]) if (candidate in files) return candidate;
  return null;
}

/**
 * Loads `entry` (a key of `files`) and returns its exports. Throws what the student's code throws while
 * loading, a compile error (SyntaxError), or an Error naming a module that cannot be found.
 */
export function loadModule(
  files: Readonly<Record<string, string>>,
  entry: string,
  builtins: Readonly<Record<string, unknown>>,
  compile: Compile,
): Record<string, unknown> {
  const cache = new Map<string, { exports: Record<string, unknown> }>();
  const evaluate = (path: string): Record<string, unknown> => {
    const cached = cache.get(path);
    if (cached) return cached.exports;
    const module = { exports: {} as Record<string, unknown> };
    cache.set(path, module);
    const code = compile(files[path], path);
    const require = (specifier: string): unknown => {
      if (Object.hasOwn(builtins, specifier)) return builtins[specifier];
      const found = specifier.startsWith('.') ? resolveFile(files, specifier, path) : null;
      if (found === null) {
        const error = new Error(
          `Cannot find module '${specifier}' imported from exercises/${path}: in the browser, code can import @convkit/engine and the files of the exercises`,
        );
        error.name = 'ModuleNotFound';
        throw error;
      }
      return evaluate(found);
    };
    // One line of wrapper before the code: line numbers in stack traces stay the file's own.
    // biome-ignore lint/security/noGlobalEval: indirect eval of the student's own transpiled module, in the worker's global scope
    const fn = (0, eval)(`(function (exports, require, module) {${code}\n})\n//# sourceURL=exercises/${path}`) as (e: unknown, r: unknown, m: unknown) => void;
    fn(module.exports, require, module);
    return module.exports;
  };
  return evaluate(entry);
}
