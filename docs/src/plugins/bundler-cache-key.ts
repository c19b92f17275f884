/**
 * Keys the bundler's persistent cache on what the site is built for, not only on docusaurus.config.ts.
 *
 * Docusaurus keys Rspack's (and webpack's) persistent cache on its version and the config file's contents.
 * Here the base URL and the course come from the environment (DOCS_BASE_URL, CONVKIT_COURSE_CONFIG and the
 * course config's `url`), so a build for another base URL reused modules compiled for the last one: the
 * CSS then pointed at the KaTeX fonts under the old base URL (`/assets/fonts/…` on a site served under
 * `/pooling-course/`), and every page with math had 404s. Adding `key` to the cache version keeps one cache
 * per site address and course (Rspack keeps them side by side).
 */
import { createHash } from 'node:crypto';
import type { LoadContext, Plugin } from '@docusaurus/types';

interface CacheConfig {
  experiments?: { cache?: unknown };
  cache?: unknown;
}

export default function bundlerCacheKey(_context: LoadContext, options: unknown): Plugin {
  const { key } = options as { key: string };
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 12);
  return {
    name: 'convkit-bundler-cache-key',
    configureWebpack(config) {
      const c = config as CacheConfig;
      for (const cache of [c.experiments?.cache, c.cache]) {
        if (cache && typeof cache === 'object') {
          const withVersion = cache as { version?: string };
          withVersion.version = `${withVersion.version ?? ''}-site-${hash}`;
        }
      }
      return {};
    },
  };
}
