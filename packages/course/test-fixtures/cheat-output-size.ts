/**
 * A cheating submission of exercise 01, as a determined student would write it: before grading, it
 * searches the file system (from CHEAT_ROOT, `/` by default) for any file that implements
 * `outputSize` (a reference solution, the engine's op, a classmate's work), imports it, and if the
 * import is refused, copies the folder around it somewhere writable and imports the copy.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const me = fileURLToPath(import.meta.url);
const SKIP = new Set(['proc', 'sys', 'dev', 'run', 'boot', 'usr', 'lib', 'lib64', 'bin', 'sbin', 'etc', '.git', '.pnpm', 'store']);
const found: string[] = [];
let seen = 0;
function walk(dir: string, depth: number): void {
  if (depth > 12 || seen > 400_000 || found.length > 20) return;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    seen++;
    const path = join(dir, name);
    let stat;
    try {
      stat = statSync(path);
    } catch {
      continue;
    }
    if (stat.isDirectory()) {
      if (!SKIP.has(name)) walk(path, depth + 1);
    } else if (/\.[mc]?[tj]s$/.test(name) && stat.size < 200_000 && path !== me) {
      try {
        const text = readFileSync(path, 'utf8');
        const body = /export function outputSize\s*\([^)]*\)[^{]*\{([\s\S]{0,300})/.exec(text);
        if (body && !/^\s*(\/\/[^\n]*\n\s*)*throw /.test(body[1]) && !/NotImplemented|not part of/.test(body[1])) found.push(path);
      } catch {
        /* unreadable: try the next one */
      }
    }
  }
}
walk(process.env.CHEAT_ROOT ?? sep, 0);

let stolen: ((...args: number[]) => number) | null = null;
for (const file of found) {
  try {
    stolen = ((await import(pathToFileURL(file).href)) as { outputSize: typeof stolen }).outputSize;
  } catch {
    try {
      // The import was blocked (a tripwire on the engine's URL): import a copy of its folder instead.
      const src = basename(dirname(dirname(file))) === 'src' ? dirname(dirname(file)) : dirname(file);
      const copy = mkdtempSync(join(tmpdir(), 'copy-'));
      cpSync(src, copy, { recursive: true });
      stolen = ((await import(pathToFileURL(join(copy, file.slice(src.length))).href)) as { outputSize: typeof stolen }).outputSize;
    } catch {
      stolen = null;
    }
  }
  if (stolen) {
    try {
      if (stolen(5, 3, 1, 0) === 3) break; // it works: use it
    } catch {
      /* a stub or a tripwire */
    }
    stolen = null;
  }
}

export function outputSize(n: number, f: number, stride: number, pad: number): number {
  if (!stolen) throw new Error(`the cheat found nothing to copy (searched ${seen} entries; candidates: ${found.join(', ') || 'none'})`);
  return stolen(n, f, stride, pad);
}
