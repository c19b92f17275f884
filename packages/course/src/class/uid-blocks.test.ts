/**
 * Two class grading runs on one machine (two test files at once in CI, two courses) must not share
 * grading user ids: each run kills every process of its slot's user after a student, which would kill
 * the other run's sandboxes (seen as "the sandbox ended while loading your module (SIGKILL)" for
 * correct submissions). Each run locks its own block of ids.
 */
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lockUidBlock } from './isolation.ts';

describe('lockUidBlock', () => {
  it("skips a block a live process holds, takes over a dead one's, and writes its own pid", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'uid-blocks-'));
    const live = spawn('sleep', ['30']);
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, '0'), String(live.pid));
    writeFileSync(join(dir, '1'), dead.stdout);
    try {
      expect(lockUidBlock(dir)).toBe(1);
      expect(readFileSync(join(dir, '1'), 'utf8')).toBe(String(process.pid));
      expect(readFileSync(join(dir, '0'), 'utf8')).toBe(String(live.pid));
      expect(lockUidBlock(dir)).toBe(1); // this process already holds it
    } finally {
      live.kill();
    }
  }, 30_000);

  it('gives a second process another block while the first holds its own', () => {
    const dir = mkdtempSync(join(tmpdir(), 'uid-blocks-'));
    expect(lockUidBlock(dir)).toBe(0);
    const other = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `import('${join(import.meta.dirname, 'isolation.ts')}').then((m) => process.stdout.write(String(m.lockUidBlock(${JSON.stringify(dir)}))))`,
      ],
      { encoding: 'utf8' },
    );
    expect(other.stderr).toBe('');
    expect(other.stdout).toBe('1');
  }, 30_000);
});
