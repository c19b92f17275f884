/**
 * The course site for a smaller course (three chapters, no playground, two exercises, its own title and
 * address), built as `pnpm course build` builds it (the docs package's build, told the config through
 * CONVKIT_COURSE_CONFIG) and where it builds it by default: under release/ at the repository root, below the
 * root package.json's `"type": "module"`, which once made every page an error shell. One build serves every
 * test: the sidebar, the pages left out, real content on every page, and the browser tests (docs/e2e) run
 * against it with the same config, accessibility included (axe-core on every page of its sitemap in light
 * and dark mode, SVG text contrast, keyboard-only walks of what it includes): what an instructor publishes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadCourse } from '@convkit/course-config/node';
import { buildSite, checkSite, errorShell, errorShellPages } from './build.ts';

const root = join(import.meta.dirname, '..', '..', '..', '..');
/** `pnpm course build`'s default output folder (packages/course/src/cli.ts). */
const release = join(root, 'release');
let dir: string;
let site: string;
let config: string;
let buildSeconds = 0;

const TITLE = 'Pooling, flattened';
const URL_ = 'https://cnn.example.edu/pooling-course/';
const BASE = '/pooling-course/';

/** The nearest package.json above `path`, as Node looks for it to tell CommonJS from ES modules. */
function nearestPackageJson(path: string): string {
  for (let d = dirname(path); ; d = dirname(d)) {
    if (existsSync(join(d, 'package.json'))) return join(d, 'package.json');
    if (dirname(d) === d) throw new Error(`nearestPackageJson: expected a package.json above ${path}, got none`);
  }
}

/** The hrefs of the docs sidebar on a page. */
function sidebarLinks(page: string): string[] {
  const html = readFileSync(join(site, page), 'utf8');
  const nav = html.slice(html.indexOf('aria-label="Docs sidebar"'));
  return [...nav.slice(0, nav.indexOf('</nav>')).matchAll(/href=(?:"([^"]*)"|([^\s>]+))/g)].map((m) => m[1] ?? m[2]);
}

describe('site of a three-chapter course, built in the default release folder', () => {
  beforeAll(async () => {
    mkdirSync(release, { recursive: true });
    // a folder of its own under release/ (not release/site itself: an instructor's built site stays as it is)
    dir = mkdtempSync(join(release, '.site-test-'));
    config = join(dir, 'small.config.ts');
    writeFileSync(
      config,
      `export default { title: ${JSON.stringify(TITLE)}, url: ${JSON.stringify(URL_)}, chapters: ['index', 'pooling', 'flattening'], ` +
        `exercises: [{ id: '03-max-pool-forward' }, { id: '04-flatten-dense' }] };\n`,
    );
    site = join(dir, 'site');
    const t0 = performance.now();
    buildSite(await loadCourse(root, config), site, config);
    buildSeconds = (performance.now() - t0) / 1000;
  }, 600_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('is built below the root package.json\'s "type": "module" (where the default release/site is)', () => {
    const pkg = nearestPackageJson(site);
    expect(pkg).toBe(join(root, 'package.json'));
    expect(JSON.parse(readFileSync(pkg, 'utf8')).type).toBe('module');
    console.log(`site build: ${buildSeconds.toFixed(1)} s`);
  });

  it('renders every page: real content, no error shell (the build itself checks this too)', () => {
    expect(errorShellPages(site)).toEqual([]);
    const pooling = readFileSync(join(site, 'pooling', 'index.html'), 'utf8');
    expect(pooling).toMatch(/<h1[^>]*>Pooling layers<\/h1>/);
    expect(pooling).not.toContain('exports is not defined');
    expect(readFileSync(join(site, 'exercises', '04-flatten-dense', 'index.html'), 'utf8')).toMatch(/<article/);
  });

  it("lists exactly the chosen chapters, in order, in the sidebar, under the course's base URL", () => {
    expect(sidebarLinks('pooling/index.html')).toEqual([BASE, `${BASE}pooling`, `${BASE}flattening`]);
  });

  it('builds only the chosen chapters and exercises: the others are not in the site at all', () => {
    expect(existsSync(join(site, 'flattening', 'index.html'))).toBe(true);
    expect(existsSync(join(site, 'volumes', 'index.html'))).toBe(false);
    expect(existsSync(join(site, 'playground', 'index.html'))).toBe(false);
    expect(existsSync(join(site, 'exercises', '03-max-pool-forward', 'index.html'))).toBe(true);
    expect(existsSync(join(site, 'exercises', '04-flatten-dense', 'index.html'))).toBe(true);
    expect(existsSync(join(site, 'exercises', '01-output-size', 'index.html'))).toBe(false);
    // and the navbar no longer offers the playground it left out
    expect(readFileSync(join(site, 'pooling', 'index.html'), 'utf8')).not.toMatch(/href="?[^"\s>]*\/playground/);
  });

  it('takes its title and address from the course config', () => {
    const html = readFileSync(join(site, 'pooling', 'index.html'), 'utf8');
    expect(html).toMatch(new RegExp(`<title[^>]*>Pooling \\| ${TITLE}</title>`));
    expect(html).toMatch(new RegExp(`class="?navbar__title[^>]*>${TITLE}<`));
    expect(html).toContain(`rel=canonical href=${URL_}pooling`);
    expect(readFileSync(join(site, 'sitemap.xml'), 'utf8')).toContain(`<loc>${URL_}flattening</loc>`);
  });

  it('passes its own browser tests (docs/e2e with its config, in headless Chromium from @convkit/browser)', () => {
    const { DOCS_BASE_URL: _, ...env } = process.env; // the site was built for the config's base URL
    // the site's tests, its exercise pages' in-browser grader and its accessibility (all follow the course config)
    const r = spawnSync('node', ['--import', 'tsx', '--test', 'e2e/site.test.mts', 'e2e/exercises.test.mts', 'e2e/a11y.test.mts'], {
      cwd: join(root, 'docs'),
      encoding: 'utf8',
      env: { ...env, CONVKIT_SITE_DIR: site, CONVKIT_COURSE_CONFIG: config },
      maxBuffer: 1 << 26,
      timeout: 900_000,
    });
    const count = (k: string): number => Number(new RegExp(`^# ${k} (\\d+)$`, 'm').exec(r.stdout)?.[1] ?? Number.NaN);
    const summary = `e2e: pass ${count('pass')}, fail ${count('fail')}, skipped ${count('skipped')}`;
    console.log(summary);
    expect(r.status, `${summary}\n${r.stdout.slice(-6000)}${r.stderr.slice(-2000)}`).toBe(0);
    expect(count('fail')).toBe(0);
    // the course leaves out the playground and stride-and-padding: their tests are skipped, with the reason
    expect(r.stdout).toMatch(/# SKIP the course leaves out \/playground/);
    expect(r.stdout).toMatch(/# SKIP the course leaves out \/stride-and-padding/);
    expect(count('pass')).toBeGreaterThanOrEqual(5);
    // exercise 04 (its reference imports no other exercise) is solved and graded in the page
    expect(r.stdout).toMatch(/ok \d+ - an infinite loop is stopped[^#\n]*$/m);
    expect(r.stdout).toMatch(/ok \d+ - the code is kept across a reload[^#\n]*$/m);
    // WCAG 2.1 A and AA on every page of its sitemap, both colour modes, and its exercise editor by keyboard
    expect(r.stdout).toMatch(/ok \d+ - every sitemap page in light mode has no axe-core violation[^#\n]*$/m);
    expect(r.stdout).toMatch(/ok \d+ - every sitemap page in dark mode has no axe-core violation[^#\n]*$/m);
    expect(r.stdout).toMatch(/ok \d+ - the exercise editor: Tab reaches it[^#\n]*$/m);
  }, 960_000);
});

describe('error shells', () => {
  // what the default release/site's pages were (the Docusaurus loader's fallback for a chunk that failed to
  // load), as the HTML minifier wrote it: no </p>
  const loaderShell =
    '<!doctype html><html lang=en><head><title data-rh=true>convkit</title></head><body><div id=__docusaurus>' +
    '<div style="text-align:center;color:#fff;background-color:#fa383e;border-color:#fa383e;border-style:solid"><p>ReferenceError: exports is not defined in ES module scope\n' +
    'This file is being treated as an ES module because it has a &#x27;.js&#x27; file extension and &#x27;/work/main/package.json&#x27; contains &quot;type&quot;: &quot;module&quot;. To treat it as a CommonJS script, rename it to use the &#x27;.cjs&#x27; file extension.' +
    '<div><button type=button>Retry</button></div></div></div></body></html>';
  const crashed =
    '<html><head><title>Page Error</title></head><body><div id=__docusaurus><main><h1 style="font-size:3rem">This page crashed</h1>' +
    '<button type=button>Try again</button><p style="white-space:pre-wrap">TypeError: Cannot read properties of undefined</p></main></div></body></html>';
  const real = '<html><body><div id=__docusaurus><main><article><h1>Pooling layers</h1><p>text</p></article></main></div></body></html>';

  it('recognises the loader\'s error box and the "This page crashed" page, and passes a real page', () => {
    expect(errorShell(loaderShell)).toBe(
      "ReferenceError: exports is not defined in ES module scope This file is being treated as an ES module because it has a '.js' file extension and '/work/main/package.json' contains \"type\": \"module\". To treat it as a CommonJS script, rename it to use the '.cjs' file extension.",
    );
    expect(errorShell(crashed)).toBe('"This page crashed": TypeError: Cannot read properties of undefined');
    expect(errorShell('<html><body><div id=__docusaurus></div></body></html>')).toBe('no <main> element (not a rendered page)');
    expect(errorShell(real)).toBeUndefined();
  });

  it('fails the build with an Error naming each broken page', () => {
    const fake = mkdtempSync(join(release, '.shell-test-'));
    try {
      mkdirSync(join(fake, 'pooling'), { recursive: true });
      writeFileSync(join(fake, 'index.html'), real);
      writeFileSync(join(fake, 'pooling', 'index.html'), loaderShell);
      expect(() => checkSite(fake)).toThrow(
        `checkSite: expected every page of ${fake} to render its content, got 1 error page(s) in its place:\n  pooling/index.html: ReferenceError: exports is not defined in ES module scope`,
      );
      writeFileSync(join(fake, 'pooling', 'index.html'), real);
      expect(() => checkSite(fake)).not.toThrow();
      rmSync(join(fake, 'index.html'));
      expect(() => checkSite(fake)).toThrow(`checkSite: expected the site's home page at ${join(fake, 'index.html')}, got no such file`);
    } finally {
      rmSync(fake, { recursive: true, force: true });
    }
  });
});
