/**
 * WCAG 2.1 A and AA on every page of the built site's sitemap, in light and in dark mode, checked by axe-core
 * after the page's figures, live blocks and (on the playground) the training data have rendered: what a
 * university's accessibility review would run. Build first: `pnpm --filter @convkit/docs build`.
 *
 * Follows the course the site was built for like the other browser tests: the sitemap is the built site's
 * (CONVKIT_SITE_DIR names another built site than docs/build), served under the course config's base URL.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { serve } from './server.mts';
import { launch } from './browser.mts';
import { axe, countByRule, type Violation } from './axe.mts';
import { siteAddress } from '@convkit/course-config';
import { loadCourse } from '@convkit/course-config/node';

const repoRoot = join(import.meta.dirname, '..', '..');
const build = process.env.CONVKIT_SITE_DIR ? resolve(process.env.CONVKIT_SITE_DIR) : join(import.meta.dirname, '..', 'build');
const course = await loadCourse(repoRoot);
const baseUrl = process.env.DOCS_BASE_URL ?? siteAddress(course.config).baseUrl;
const sitePath = (url: string): string => {
  const p = new URL(url).pathname;
  return (p.startsWith(baseUrl) ? `/${p.slice(baseUrl.length)}` : p).replace(/\/$/, '') || '/';
};

/**
 * Violations this test knows of and does not fail on, each with the reason and who fixes it. Keep it short:
 * an entry hides a real barrier. The exercise pages' CodeMirror editor (issue 12, in progress) has a scroller
 * that axe finds neither focusable nor holding focusable content, and light syntax colours in dark mode.
 */
const KNOWN: { rule: string; target: RegExp; why: string }[] = [
  { rule: 'scrollable-region-focusable', target: /^\.cm-scroller$/, why: "the exercise editor's CodeMirror scroller (issue 12)" },
  // CodeMirror's default light highlight style on the dark theme's background (#770088 on #1b1b1d is 1.9:1)
  { rule: 'color-contrast', target: /\.cm-|ͼ/, why: "the exercise editor's CodeMirror syntax colours in dark mode (issue 12)" },
];

let site: { url: string; close: () => Promise<void> };
let browser: BrowserContext;

before(async () => {
  assert.ok(existsSync(join(build, 'index.html')), `${build} is missing: run \`pnpm --filter @convkit/docs build\` first`);
  site = await serve(build, baseUrl);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

/** Waits (bounded) for what draws after load: live blocks, figures, the playground's data. */
async function rendered(page: Page, path: string): Promise<void> {
  await page.locator('article h1').first().waitFor({ timeout: 15_000 });
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('[class*="playgroundPreview"]')].every((b) => !/^\s*(Loading\.\.\.|loading…)\s*$/m.test(b.textContent ?? '')) &&
      [...document.querySelectorAll('figure[data-figure]')].every((f) => f.querySelector('svg, canvas, table, img')),
    undefined,
    { timeout: 30_000 },
  );
  if (path === '/playground') await page.getByText(/^ready: /).waitFor({ timeout: 60_000 });
}

const sitemapPaths = (): string[] =>
  [...readFileSync(join(build, 'sitemap.xml'), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => sitePath(m[1]));

describe('accessibility (axe-core, WCAG 2.1 A and AA)', () => {
  for (const mode of ['light', 'dark'] as const) {
    test(`every sitemap page in ${mode} mode has no axe-core violation of WCAG 2.1 A or AA`, async (t) => {
      const paths = sitemapPaths();
      assert.ok(paths.length > 10, `only ${paths.length} pages in the sitemap`);
      const page = await browser.newPage();
      await page.emulateMedia({ colorScheme: mode, reducedMotion: 'reduce' });
      const found: (Violation & { path: string })[] = [];
      // the ~70 generated pages (API reference, exercises) are reached by in-app navigation, like a reader's
      // click, instead of 70 full loads of the bundle; course pages get a full load each
      const generated = (p: string) => p.startsWith('/api/') || p.startsWith('/exercises/');
      const ordered = [...paths.filter((p) => !generated(p)), ...paths.filter(generated)];
      let loadedApp = false;
      for (const path of ordered) {
        if (generated(path) && loadedApp) {
          const to = baseUrl + path.slice(1);
          const title = await page.title();
          await page.evaluate((url) => {
            window.history.pushState({}, '', url);
            window.dispatchEvent(new PopStateEvent('popstate'));
          }, to);
          // the new page has rendered when its title is there (the URL changes before)
          await page.waitForFunction((old) => document.title !== old, title, { timeout: 15_000 });
          // Docusaurus's route progress bar (nprogress, `<div class="bar" role="bar">`) lives only while a page
          // loads; the check is of the page a reader reads, after it
          await page.waitForFunction(() => !document.getElementById('nprogress'), undefined, { timeout: 10_000 });
        } else {
          await page.goto(site.url + path, { waitUntil: 'load' });
          loadedApp = true;
        }
        assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), mode, `${path}: not in ${mode} mode`);
        await rendered(page, path);
        // the settled page: no CSS transition or animation running (a colour caught mid-transition is not
        // what a reader sees); a violation counts when a second check a moment later finds it too
        await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, { timeout: 5_000 }).catch(() => undefined);
        let violations = await axe(page);
        if (violations.length) {
          await page.waitForTimeout(1000);
          const again = new Set((await axe(page)).map((v) => `${v.rule} ${v.target}`));
          violations = violations.filter((v) => again.has(`${v.rule} ${v.target}`));
        }
        for (const v of violations) {
          const known = KNOWN.find((k) => k.rule === v.rule && k.target.test(v.target));
          if (known) t.diagnostic(`known, not failing: ${path} ${v.rule} at ${v.target}: ${known.why}`);
          else found.push({ ...v, path });
        }
      }
      await page.close();
      const counts = countByRule(found);
      t.diagnostic(`${mode}: ${found.length} violation(s) on ${new Set(found.map((v) => v.path)).size} of ${paths.length} pages: ${counts.map(([r, n]) => `${r} ${n}`).join(', ') || 'none'}`);
      assert.deepEqual(
        found.map((v) => `${v.path} ${v.rule} (${v.impact}) at ${v.target}: ${v.summary}`),
        [],
        `${mode} mode: ${counts.map(([r, n]) => `${r} ×${n}`).join(', ')}`,
      );
    });
  }
});

const chapterIds = new Set(course.config.chapters as readonly string[]);
const unlessLeftOut = (id: string): { skip?: string } => (chapterIds.has(id) ? {} : { skip: `the course leaves out /${id}` });

/** Presses Tab (as a keyboard user does) until the focused element matches `selector`; fails after `max` presses. */
async function tabTo(page: Page, selector: string, max = 300): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`${max} presses of Tab never reached ${selector}`);
}

/** The focused element shows a focus ring: an outline of at least 2px that is not transparent. */
async function assertFocusVisible(page: Page, what: string): Promise<void> {
  const ring = await page.evaluate(() => {
    const s = getComputedStyle(document.activeElement!);
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor };
  });
  assert.ok(ring.style !== 'none' && ring.width >= 2 && !/rgba\(.*, 0\)$/.test(ring.color), `${what}: no visible focus ring (${JSON.stringify(ring)})`);
}

describe('keyboard only', () => {
  test('the sliding window: Tab reaches the stride and padding sliders and the step button, with a visible focus, and arrow keys and Enter drive the figure', unlessLeftOut('stride-and-padding'), async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}/stride-and-padding`, { waitUntil: 'load' });
    const output = '[data-figure="window-output"] svg';
    await page.locator(output).waitFor();
    const caption = () => page.locator('[data-figure="window-output"] figcaption').textContent();
    await tabTo(page, '[data-figure="sliding-window"] input[name=stride]');
    await assertFocusVisible(page, 'stride slider');
    await page.keyboard.press('ArrowRight'); // S = 2 on the 5×5 input with F = 3: (5 − 3)/2 + 1 = 2
    await page.waitForFunction(() => document.querySelector('[data-figure="window-output"] figcaption')?.textContent?.startsWith('activation map 2×2'));
    await tabTo(page, '[data-figure="sliding-window"] input[name=pad]');
    await assertFocusVisible(page, 'padding slider');
    await page.keyboard.press('ArrowRight'); // P = 1: (5 − 3 + 2)/2 + 1 = 3
    await page.waitForFunction(() => document.querySelector('[data-figure="window-output"] figcaption')?.textContent?.startsWith('activation map 3×3'));
    await tabTo(page, '[data-figure="sliding-window"] button');
    await assertFocusVisible(page, 'next position button');
    await page.keyboard.press('Enter');
    assert.match((await caption()) ?? '', /position \(0, 1\) of 9/);
    // a screen reader gets the numbers: the padded 7×7 input's rows and the window's place, in words
    const described = await page.locator('[data-figure="window-input"] .sr-only').textContent();
    assert.match(described ?? '', /^Input, rows top to bottom \(padding zeros included\): 0, 0, 0, 0, 0, 0, 0; 0, 0, 3, 2, 1, 0, 0;/);
    assert.match(described ?? '', /covers rows 1 to 3 and columns 3 to 5/);
    await page.close();
  });

  test('a live editor: Tab reaches it with a visible focus, Tab inside indents, Escape moves to its result and Tab then moves on', unlessLeftOut('stride-and-padding'), async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}/stride-and-padding`, { waitUntil: 'load' });
    const editor = '[class*="playgroundEditor"] [contenteditable]';
    await page.locator(editor).first().waitFor();
    await tabTo(page, editor);
    await assertFocusVisible(page, 'live editor');
    const before = await page.evaluate(() => {
      (document.activeElement as HTMLElement).dataset.underTest = '';
      return document.activeElement?.textContent ?? '';
    });
    await page.keyboard.press('Tab');
    assert.ok(await page.evaluate((s) => document.activeElement?.matches(s), editor), 'Tab left the editor instead of indenting');
    assert.equal((await page.evaluate(() => document.activeElement?.textContent ?? '')).length, before.length + 2, 'Tab did not indent by 2');
    await page.keyboard.press('Escape');
    assert.ok(await page.evaluate(() => document.activeElement?.matches('[class*="playgroundPreview"]')), 'Escape did not move focus to the result');
    await page.keyboard.press('Tab');
    assert.ok(await page.evaluate(() => !document.activeElement?.matches('[data-under-test]') && document.activeElement !== document.body), 'Tab after Escape went back into the editor');
    await page.close();
  });

  test('the playground: Tab reaches the settings and train, training starts and is announced, and a chosen test digit gets a prediction, without a pointer', unlessLeftOut('playground'), async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}/playground`, { waitUntil: 'load' });
    await page.getByText(/^ready: /).waitFor({ timeout: 60_000 });
    for (const name of ['architecture', 'filters', 'lr', 'batch']) {
      await tabTo(page, `select[name=${name}]`);
      await assertFocusVisible(page, `${name} setting`);
    }
    await tabTo(page, '[data-testid="train-toggle"]');
    await assertFocusVisible(page, 'train button');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="train-status"]')?.getAttribute('data-step')) > 20, undefined, { timeout: 60_000 });
    assert.equal(await page.getByTestId('announce').getAttribute('aria-live'), 'polite');
    await tabTo(page, '[data-testid="train-toggle"]', 5);
    await page.keyboard.press('Space'); // pause
    await page.getByTestId('announce').filter({ hasText: 'training paused' }).waitFor();
    await tabTo(page, 'select[name=test-digit]');
    await assertFocusVisible(page, 'test digit list');
    await page.keyboard.press('ArrowDown'); // the first digit, 0
    await page.getByTestId('prediction').waitFor({ timeout: 20_000 });
    assert.match((await page.getByTestId('prediction').textContent()) ?? '', /^\d$/);
    await page.getByTestId('announce').filter({ hasText: /^prediction: \d$/ }).waitFor();
    // the prediction's probabilities reach a screen reader as numbers, ten of them summing to 1
    const probs = ((await page.locator('[data-figure="prediction-probabilities"] .sr-only').textContent()) ?? '').match(/\d: (0|1)\.\d\d/g) ?? [];
    assert.equal(probs.length, 10);
    assert.ok(Math.abs(probs.reduce((a, p) => a + Number(p.slice(3)), 0) - 1) < 0.06, probs.join(' '));
    await page.close();
  });
});
