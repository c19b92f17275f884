/**
 * Extracts a plain tar archive (GNU or POSIX ustar) held in memory: regular files and folders only, which is all the archives
 * shipped by @sparticuz/chromium hold. Anything else (a link, a path leaving `dir`) is an error.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, normalize } from 'node:path';

const text = (block: Buffer, start: number, length: number): string =>
  block
    .subarray(start, start + length)
    .toString('latin1')
    .replace(/\0.*$/s, '');

export function untar(archive: Buffer, dir: string, what: string): string[] {
  const written: string[] = [];
  for (let at = 0; at + 512 <= archive.length; ) {
    const header = archive.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break; // the end: two zero blocks
    const prefix = text(header, 257, 6) === 'ustar' ? text(header, 345, 155) : ''; // POSIX ustar only (GNU tar keeps times there)
    const name = normalize(prefix === '' ? text(header, 0, 100) : `${prefix}/${text(header, 0, 100)}`);
    const size = Number.parseInt(text(header, 124, 12).trim() || '0', 8);
    const mode = Number.parseInt(text(header, 100, 8).trim() || '644', 8);
    const type = text(header, 156, 1) || '0';
    if (name.startsWith('..') || name.startsWith('/')) throw new Error(`untar ${what}: expected paths inside the archive, got ${name}`);
    if (type === '5') mkdirSync(join(dir, name), { recursive: true });
    else if (type === '0') {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), archive.subarray(at + 512, at + 512 + size), { mode });
      written.push(name);
    } else throw new Error(`untar ${what}: expected regular files and folders, got type ${JSON.stringify(type)} for ${name}`);
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return written;
}
