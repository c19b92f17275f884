/** untar on archives written by the system's tar (GNU and POSIX formats), and what it refuses. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { untar } from './tar.ts';

const dir = mkdtempSync(join(tmpdir(), 'convkit-tar-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const src = join(dir, 'src');
mkdirSync(join(src, 'lib', 'deep'), { recursive: true });
writeFileSync(join(src, 'lib', 'libx.so'), Buffer.alloc(1500, 7), { mode: 0o755 }); // 3 blocks, the last partly filled
writeFileSync(join(src, 'lib', 'deep', 'empty.txt'), '');
const longName = `${'n'.repeat(90)}/${'m'.repeat(60)}.conf`; // > 100 characters: POSIX keeps the folder in the prefix field
mkdirSync(join(src, 'n'.repeat(90)));
writeFileSync(join(src, longName), 'fonts\n');

describe('untar', () => {
  for (const format of ['gnu', 'ustar'] as const) {
    it(`extracts files and folders of a ${format} archive with their bytes and modes`, () => {
      const files = format === 'gnu' ? ['lib'] : ['lib', longName];
      const archive = execFileSync('tar', ['-c', `--format=${format}`, '-C', src, ...files]);
      const out = join(dir, `out-${format}`);
      expect(untar(archive, out, 'test.tar').sort()).toEqual(['lib/deep/empty.txt', 'lib/libx.so', ...(format === 'ustar' ? [longName] : [])].sort());
      expect(readFileSync(join(out, 'lib', 'libx.so'))).toEqual(Buffer.alloc(1500, 7));
      expect(statSync(join(out, 'lib', 'libx.so')).mode & 0o777).toBe(0o755);
      expect(readFileSync(join(out, 'lib', 'deep', 'empty.txt'), 'utf8')).toBe('');
      if (format === 'ustar') expect(readFileSync(join(out, longName), 'utf8')).toBe('fonts\n');
    });
  }

  it('refuses a symbolic link, naming it and its type', () => {
    symlinkSync('lib/libx.so', join(src, 'link.so'));
    const archive = execFileSync('tar', ['-c', '--format=ustar', '-C', src, 'link.so']);
    expect(() => untar(archive, join(dir, 'out-link'), 'links.tar')).toThrow('untar links.tar: expected regular files and folders, got type "2" for link.so');
  });
});
