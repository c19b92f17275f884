/** Which Chromium is chosen: CHROMIUM_PATH, else the first system one that exists, else the npm one; and what a miss says. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumExecutable, systemCandidates } from './find.ts';

const dir = mkdtempSync(join(tmpdir(), 'convkit-find-'));
const file = (name: string): string => {
  writeFileSync(join(dir, name), '#!/bin/sh\n', { mode: 0o755 });
  return join(dir, name);
};
const own = file('own-chrome');
const system = file('chromium');
const folder = join(dir, 'google-chrome'); // a folder is not an executable
mkdirSync(folder);
const missing = join(dir, 'missing-chromium');
let npmCalls = 0;
const npm = async () => {
  npmCalls++;
  return { path: '/fake/npm/chromium', env: { LD_LIBRARY_PATH: '/fake/npm/lib' } };
};
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('chromiumExecutable', () => {
  it('CHROMIUM_PATH wins over an existing system Chromium, and the npm one is not unpacked', async () => {
    npmCalls = 0;
    expect(await chromiumExecutable({ env: { CHROMIUM_PATH: own }, system: [system], npm })).toEqual({
      path: own,
      source: 'CHROMIUM_PATH',
      env: {},
    });
    expect(npmCalls).toBe(0);
  });

  it('a CHROMIUM_PATH that names no file is an Error naming it, not a silent fallback to the system one', async () => {
    await expect(chromiumExecutable({ env: { CHROMIUM_PATH: missing }, system: [system], npm })).rejects.toThrow(
      `chromiumExecutable: expected CHROMIUM_PATH to name a Chromium executable, got ${missing}, no such file`,
    );
  });

  it('without CHROMIUM_PATH: the first system path that is a file (missing paths and folders skipped)', async () => {
    expect(await chromiumExecutable({ env: {}, system: [missing, folder, system, own], npm })).toEqual({
      path: system,
      source: 'system',
      env: {},
    });
    expect(await chromiumExecutable({ env: { CHROMIUM_PATH: '' }, system: [own], npm })).toMatchObject({ path: own, source: 'system' });
  });

  it('no system Chromium (or CONVKIT_NO_SYSTEM_CHROMIUM=1): the npm one, with the environment it needs', async () => {
    expect(await chromiumExecutable({ env: {}, system: [missing, folder], npm })).toEqual({
      path: '/fake/npm/chromium',
      source: 'npm',
      env: { LD_LIBRARY_PATH: '/fake/npm/lib' },
    });
    expect(await chromiumExecutable({ env: { CONVKIT_NO_SYSTEM_CHROMIUM: '1' }, system: [system], npm })).toMatchObject({ source: 'npm' });
    expect(await chromiumExecutable({ env: { CONVKIT_NO_SYSTEM_CHROMIUM: '0' }, system: [system], npm })).toMatchObject({
      source: 'system',
    });
  });

  it('nothing found: the Error names every place tried and why the npm one failed', async () => {
    const failing = async (): Promise<never> => {
      throw new Error('@sparticuz/chromium ships Chromium for linux x64 only, this is darwin arm64');
    };
    await expect(chromiumExecutable({ env: {}, system: [missing, folder], npm: failing })).rejects.toThrow(
      `chromiumExecutable: no Chromium found: CHROMIUM_PATH is not set; no system Chromium at ${missing}, ${folder}; ` +
        'the npm Chromium failed: @sparticuz/chromium ships Chromium for linux x64 only, this is darwin arm64. ' +
        'Install one (Debian: apt-get install chromium) or set CHROMIUM_PATH.',
    );
    await expect(chromiumExecutable({ env: { CONVKIT_NO_SYSTEM_CHROMIUM: '1' }, system: [system], npm: failing })).rejects.toThrow(
      'no system Chromium tried (CONVKIT_NO_SYSTEM_CHROMIUM is set)',
    );
  });
});

describe('systemCandidates', () => {
  it("Debian's /usr/bin/chromium first, then each name in each absolute PATH folder, then the macOS apps", () => {
    expect(systemCandidates({ PATH: '/opt/a/bin:bin:/usr/bin' })).toEqual([
      '/usr/bin/chromium',
      '/opt/a/bin/chromium',
      '/opt/a/bin/chromium-browser',
      '/usr/bin/chromium-browser',
      '/opt/a/bin/google-chrome-stable',
      '/usr/bin/google-chrome-stable',
      '/opt/a/bin/google-chrome',
      '/usr/bin/google-chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    ]);
  });
});
