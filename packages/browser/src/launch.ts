/**
 * Headless Chromium through playwright-core, with everything that could reach the network switched off:
 * `--host-resolver-rules` makes every host name except 127.0.0.1 unresolvable, so a page that tried to load
 * a CDN font or an analytics script fails loudly. The executable is chromiumExecutable()'s unless given.
 */
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import { type ChromiumExecutable, chromiumExecutable } from './find.ts';

export const OFFLINE_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

export interface LaunchOptions {
  /** Default: chromiumExecutable(). */
  executable?: ChromiumExecutable;
  /** Added after OFFLINE_ARGS. */
  args?: readonly string[];
}

function settings(executable: ChromiumExecutable, args: readonly string[] = []) {
  const env = Object.keys(executable.env).length === 0 ? undefined : { ...process.env, ...executable.env };
  return { executablePath: executable.path, headless: true, args: [...OFFLINE_ARGS, ...args], env };
}

/** A headless browser (close it when done). */
export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch(settings(options.executable ?? (await chromiumExecutable()), options.args));
}

/** A headless browser with a persistent profile in `userDataDir` (close the context when done). */
export async function launchChromiumContext(
  userDataDir: string,
  options: LaunchOptions & { viewport?: { width: number; height: number } } = {},
): Promise<BrowserContext> {
  const launch = settings(options.executable ?? (await chromiumExecutable()), options.args);
  return chromium.launchPersistentContext(userDataDir, options.viewport === undefined ? launch : { ...launch, viewport: options.viewport });
}
