/**
 * The course site for a course of three chapters, built as `pnpm course build` builds it (the docs
 * package's build, told the config through CONVKIT_COURSE_CONFIG, written straight to the release).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCourse } from '../load.ts';
import { buildSite } from './build.ts';

const root = join(import.meta.dirname, '..', '..', '..', '..');
let site: string;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'convkit-site-'));
  chmodSync(dir, 0o755);
  const config = join(dir, 'three.config.ts');
  writeFileSync(config, `export default { title: 'Pooling only', chapters: ['index', 'pooling', 'flattening'], exercises: [{ id: '03-max-pool-forward' }] };\n`);
  site = join(dir, 'site');
  buildSite(await loadCourse(root, config), site, config);
}, 600_000);

/** The hrefs of the docs sidebar on a page. */
function sidebarLinks(page: string): string[] {
  const html = readFileSync(join(site, page), 'utf8');
  const nav = html.slice(html.indexOf('aria-label="Docs sidebar"'));
  return [...nav.slice(0, nav.indexOf('</nav>')).matchAll(/href=(?:"([^"]*)"|([^\s>]+))/g)].map((m) => m[1] ?? m[2]);
}

describe('site for a three-chapter course', () => {
  it('lists exactly the chosen chapters, in order, in the sidebar', () => {
    expect(sidebarLinks('pooling/index.html')).toEqual(['/', '/pooling', '/flattening']);
  });

  it('builds only the chosen chapters and exercises: the others are not in the site at all', () => {
    expect(existsSync(join(site, 'flattening', 'index.html'))).toBe(true);
    expect(existsSync(join(site, 'volumes', 'index.html'))).toBe(false);
    expect(existsSync(join(site, 'playground', 'index.html'))).toBe(false);
    expect(existsSync(join(site, 'exercises', '03-max-pool-forward', 'index.html'))).toBe(true);
    expect(existsSync(join(site, 'exercises', '01-output-size', 'index.html'))).toBe(false);
    // and the navbar no longer offers the playground it left out
    expect(readFileSync(join(site, 'pooling', 'index.html'), 'utf8')).not.toContain('href="/playground"');
  });
});
