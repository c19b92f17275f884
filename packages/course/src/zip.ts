/**
 * Just enough of the ZIP format for a course kit, with no dependency: writing the Gradescope
 * autograder zip, and reading students' submission zips. Reading treats the archive as hostile:
 * entries that would land outside the target folder (`../x`, `/etc/x`), symlinks and archives that
 * inflate beyond a size budget are refused.
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  /** Path inside the archive, `/`-separated; a trailing `/` is a folder. */
  name: string;
  data: Uint8Array;
  /** Unix mode, e.g. 0o755 for an executable script (0o644 by default). */
  mode?: number;
}

/** 2026-01-01 in MS-DOS date format. */
const FIXED_DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1;

/** A zip archive of `entries` (deflated, with Unix modes so scripts stay executable). */
export function writeZip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const raw = Buffer.from(entry.data);
    const packed = deflateRawSync(raw);
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(FIXED_DOS_DATE, 12); // a fixed date: the same inputs give the same archive
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, packed);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by Unix, so the external attributes hold the mode
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(FIXED_DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    const isDir = entry.name.endsWith('/');
    const mode = (isDir ? 0o040000 : 0o100000) | (entry.mode ?? (isDir ? 0o755 : 0o644));
    central.writeUInt32LE((mode << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const centralSize = centrals.reduce((s, b) => s + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

export class ZipError extends Error {
  override name = 'ZipError';
}

/** A safe relative path for an entry name, or null for one that must be skipped (absolute, `..`). */
function safeName(name: string): string | null {
  const parts = name
    .replace(/\\/g, '/')
    .split('/')
    .filter((p) => p !== '' && p !== '.');
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name) || parts.includes('..') || parts.length === 0) return null;
  return parts.join('/') + (name.endsWith('/') ? '/' : '');
}

export interface ReadZipOptions {
  /** Total uncompressed bytes allowed (a zip bomb stops here); 20 MB by default. */
  maxBytes?: number;
  /** Entries allowed; 2000 by default. */
  maxEntries?: number;
}

/** The files of a zip archive (folders and symlinks left out); throws a ZipError for a broken or oversized archive. */
export function readZip(zip: Uint8Array, options: ReadZipOptions = {}): ZipEntry[] {
  const buf = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const maxBytes = options.maxBytes ?? 20 * 1024 * 1024;
  const maxEntries = options.maxEntries ?? 2000;
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('readZip: expected a zip archive, got no end-of-central-directory record');
  const count = buf.readUInt16LE(eocd + 10);
  if (count > maxEntries) throw new ZipError(`readZip: expected at most ${maxEntries} entries, got ${count}`);
  let at = buf.readUInt32LE(eocd + 16);
  let total = 0;
  const out: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) throw new ZipError(`readZip: central directory entry ${k} is damaged`);
    const method = buf.readUInt16LE(at + 10);
    const packedSize = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const mode = buf.readUInt32LE(at + 38) >>> 16;
    const localOffset = buf.readUInt32LE(at + 42);
    const rawName = buf.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    const name = safeName(rawName);
    const isLink = (mode & 0o170000) === 0o120000;
    if (name === null || name.endsWith('/') || isLink) continue;
    total += size;
    if (total > maxBytes) throw new ZipError(`readZip: expected at most ${maxBytes} bytes uncompressed, got more (at ${rawName})`);
    if (localOffset + 30 > buf.length) throw new ZipError(`readZip: ${rawName}: local header out of range`);
    const start = localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
    const packed = buf.subarray(start, start + packedSize);
    let data: Buffer;
    if (method === 0) data = Buffer.from(packed);
    else if (method === 8) data = inflateRawSync(packed, { maxOutputLength: Math.max(1, size) });
    else throw new ZipError(`readZip: ${rawName}: expected compression method 0 or 8, got ${method}`);
    if (data.length !== size) throw new ZipError(`readZip: ${rawName}: expected ${size} bytes, got ${data.length}`);
    out.push({ name, data, mode: mode & 0o777 || 0o644 });
  }
  return out;
}
