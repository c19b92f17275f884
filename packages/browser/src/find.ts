/**
 * Which Chromium the browser tests and the bench drive, first found wins:
 *   1. `CHROMIUM_PATH`, when set (a missing file is an error, not a fallback);
 *   2. a system Chromium or Chrome (Debian's /usr/bin/chromium, which CI installs, then the usual names on PATH);
 *   3. the Chromium that the npm package @sparticuz/chromium ships, unpacked once per machine (npm.ts).
 * `CONVKIT_NO_SYSTEM_CHROMIUM=1` skips step 2: how a machine without a system browser is simulated.
 */
import { statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { type NpmChromium, unpackNpmChromium } from './npm.ts';

export type ChromiumSource = 'CHROMIUM_PATH' | 'system' | 'npm';

export interface ChromiumExecutable {
  path: string;
  source: ChromiumSource;
  /** Environment the browser process needs on top of the caller's (the npm Chromium's own libraries and fonts). */
  env: Record<string, string>;
}

export interface FindOptions {
  /** Where CHROMIUM_PATH, CONVKIT_NO_SYSTEM_CHROMIUM and PATH are read (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** The system paths tried in order (default systemCandidates(env)). */
  system?: readonly string[];
  /** Unpacks the npm Chromium (default unpackNpmChromium). */
  npm?: () => Promise<NpmChromium>;
}

const NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];
const MAC_APPS = ['/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];

/** Debian's /usr/bin/chromium first, then each usual name in each PATH folder, then the macOS apps. */
export function systemCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  const dirs = (env.PATH ?? '').split(delimiter).filter((d) => d.startsWith('/'));
  return [...new Set(['/usr/bin/chromium', ...NAMES.flatMap((name) => dirs.map((d) => join(d, name))), ...MAC_APPS])];
}

const isFile = (path: string): boolean => statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;

export async function chromiumExecutable(options: FindOptions = {}): Promise<ChromiumExecutable> {
  const env = options.env ?? process.env;
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!isFile(fromEnv)) throw new Error(`chromiumExecutable: expected CHROMIUM_PATH to name a Chromium executable, got ${fromEnv}, no such file`);
    return { path: fromEnv, source: 'CHROMIUM_PATH', env: {} };
  }
  const noSystem = env.CONVKIT_NO_SYSTEM_CHROMIUM !== undefined && env.CONVKIT_NO_SYSTEM_CHROMIUM !== '' && env.CONVKIT_NO_SYSTEM_CHROMIUM !== '0';
  const system = options.system ?? systemCandidates(env);
  if (!noSystem) {
    const found = system.find(isFile);
    if (found !== undefined) return { path: found, source: 'system', env: {} };
  }
  try {
    const npm = await (options.npm ?? unpackNpmChromium)();
    return { path: npm.path, source: 'npm', env: npm.env };
  } catch (e) {
    const tried = noSystem ? 'no system Chromium tried (CONVKIT_NO_SYSTEM_CHROMIUM is set)' : `no system Chromium at ${system.join(', ')}`;
    throw new Error(
      `chromiumExecutable: no Chromium found: CHROMIUM_PATH is not set; ${tried}; the npm Chromium failed: ${(e as Error).message}. ` +
        `Install one (Debian: apt-get install chromium) or set CHROMIUM_PATH.`,
      { cause: e },
    );
  }
}
