/**
 * The access probe, run as an unprivileged user (root only): what leaks, and what is out of reach.
 * A class's work root (0711) must count as reachable: students pass through it, they never list it.
 */
import { describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIRST_UID } from './isolation.ts';
import { assertProtected, probeAs, ProtectionError } from './protection.ts';

const root = process.getuid?.() === 0;

describe.runIf(root)('probeAs / assertProtected as user 47000', () => {
  it('finds the readable secret, the private needed folder; passes the 0711 work root and the open runtime file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'convkit-probe-'));
    chmodSync(dir, 0o711);
    const mk = (name: string, mode: number, file = false): string => {
      const p = join(dir, name);
      if (file) writeFileSync(p, 'x');
      else mkdirSync(p);
      chmodSync(p, mode);
      return p;
    };
    const keyOpen = mk('solution-open.ts', 0o644, true);
    const keyClosed = mk('solution-closed.ts', 0o600, true);
    const classRoot = mk('work', 0o711);
    const privateDir = mk('private', 0o700);
    const runtimeFile = mk('child.ts', 0o644, true);
    const r = probeAs(FIRST_UID, FIRST_UID, { secret: [keyOpen, keyClosed, classRoot], needed: [classRoot, privateDir, runtimeFile] });
    expect(r.leaked).toEqual([keyOpen]);
    expect(r.unreachable).toEqual([`${privateDir} (EACCES)`]);
    expect(() => assertProtected(FIRST_UID, FIRST_UID, { secret: [keyOpen], needed: [] })).toThrow(
      /refusing to grade: student code \(user 47000\) could read 1 file\(s\) it must not.*solution-open\.ts.*chmod 700/s,
    );
    expect(() => assertProtected(FIRST_UID, FIRST_UID, { secret: [keyClosed], needed: [classRoot, runtimeFile] })).not.toThrow();
    expect(() => assertProtected(FIRST_UID, FIRST_UID, { secret: [], needed: [] })).toThrow(ProtectionError);
    rmSync(dir, { recursive: true, force: true });
  });
});
