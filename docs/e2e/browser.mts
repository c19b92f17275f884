/**
 * Headless Chromium driven by playwright-core (@convkit/browser: CHROMIUM_PATH, else a system Chromium such
 * as Debian's, else the npm one), with everything that could reach the network switched off:
 * `--host-resolver-rules` makes every host name except 127.0.0.1 unresolvable, so a page that tried to load
 * a CDN font or an analytics script would fail loudly (and the tests check no such request is even made).
 */
import { launchChromiumContext, type BrowserContext, type Page } from '@convkit/browser';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function launch(): Promise<BrowserContext> {
  const profile = await mkdtemp(join(tmpdir(), 'chromium-profile-'));
  const context = await launchChromiumContext(profile, { viewport: { width: 1280, height: 900 } });
  // A throwaway profile: gone with the browser, so test runs leave no folders behind. Best effort: Chromium's
  // helper processes may still write to it for a moment after the context closes (ENOTEMPTY), hence the retries.
  context.on('close', () => {
    rm(profile, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 }).catch(() => undefined);
  });
  return context;
}

/** What a page did while a test looked at it. */
export interface PageLog {
  errors: string[];
  external: string[];
  /** Bytes received per URL (headers + body), filled as responses finish. */
  bytes: Map<string, number>;
}

export function watch(page: Page): PageLog {
  const log: PageLog = { errors: [], external: [], bytes: new Map() };
  page.on('console', (m) => {
    // "Failed to load resource" does not say which: add the URL
    if (m.type() === 'error') log.errors.push(`console: ${m.text()}${m.text().startsWith('Failed to load resource') ? ` (${m.location().url})` : ''}`);
  });
  page.on('pageerror', (e) => log.errors.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.hostname !== '127.0.0.1') log.external.push(r.url());
  });
  page.on('requestfinished', async (r) => {
    try {
      const s = await r.sizes();
      log.bytes.set(r.url(), (log.bytes.get(r.url()) ?? 0) + s.responseBodySize + s.responseHeadersSize);
    } catch {
      /* the page closed first */
    }
  });
  return log;
}
