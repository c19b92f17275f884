/**
 * WCAG 2.1 A and AA on every page of the built site's sitemap, in light and in dark mode, checked by axe-core
 * after the page's figures, live blocks and (on the playground) the training data have rendered: what a
 * university's accessibility review would run. Build first: `pnpm --filter @convkit/docs build`.
 *
 * Follows the course the site was built for like the other browser tests: the sitemap is the built site's
 * (CONVKIT_SITE_DIR names another built site than docs/build), served under the course config's base URL
 * (CONVKIT_COURSE_CONFIG names another config): @convkit/course's release test runs it on an instructor's
 * smaller course.
 *
 * axe-core does not check text inside SVG figures: e2e/svg-text.mts computes the contrast of every SVG
 * text on every page against what is painted under it, and this test fails below 4.5:1 (3:1 large).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { serve } from './server.mts';
import { launch } from './browser.mts';
import { axe, countByRule, type Violation } from './axe.mts';
import { svgTextContrast } from './svg-text.mts';
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

const sitemapPaths = (): string[] => [...readFileSync(join(build, 'sitemap.xml'), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => sitePath(m[1]));

describe('accessibility (axe-core, WCAG 2.1 A and AA)', () => {
  for (const mode of ['light', 'dark'] as const) {
    test(`every sitemap page in ${mode} mode has no axe-core violation of WCAG 2.1 A or AA`, async (t) => {
      const paths = sitemapPaths();
      assert.ok(paths.length > 10, `only ${paths.length} pages in the sitemap`);
      const page = await browser.newPage();
      await page.emulateMedia({ colorScheme: mode, reducedMotion: 'reduce' });
      const found: (Violation & { path: string })[] = [];
      /** SVG texts checked, and the lowest contrast found (a check that saw no text would prove nothing). */
      let svgTexts = 0;
      let lowest = { ratio: Infinity, where: '' };
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
        await page
          .waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, { timeout: 5_000 })
          .catch(() => undefined);
        let violations = await axe(page);
        if (violations.length) {
          await page.waitForTimeout(1000);
          const again = new Set((await axe(page)).map((v) => `${v.rule} ${v.target}`));
          violations = violations.filter((v) => again.has(`${v.rule} ${v.target}`));
        }
        found.push(...violations.map((v) => ({ ...v, path })));
        const texts = await svgTextContrast(page);
        svgTexts += texts.length;
        for (const x of texts) {
          if (x.ratio < lowest.ratio) lowest = { ratio: x.ratio, where: `${path} ${x.where}` };
          if (x.ratio < x.needed)
            found.push({
              path,
              rule: 'svg-text-contrast',
              impact: 'serious',
              help: 'SVG text must have sufficient contrast',
              target: x.where,
              summary: `${x.text} on ${x.background} is ${x.ratio.toFixed(2)}:1, needs ${x.needed}:1`,
            });
        }
      }
      await page.close();
      t.diagnostic(`${mode}: ${svgTexts} SVG text(s) checked for contrast, lowest ${lowest.ratio.toFixed(2)}:1 (${lowest.where})`);
      const counts = countByRule(found);
      t.diagnostic(
        `${mode}: ${found.length} violation(s) on ${new Set(found.map((v) => v.path)).size} of ${paths.length} pages: ${counts.map(([r, n]) => `${r} ${n}`).join(', ') || 'none'}`,
      );
      assert.deepEqual(
        found.map((v) => `${v.path} ${v.rule} (${v.impact}) at ${v.target}: ${v.summary}`),
        [],
        `${mode} mode: ${counts.map(([r, n]) => `${r} ×${n}`).join(', ')}`,
      );
    });
  }
});

describe('the SVG text contrast check', () => {
  test('fails grey on a pale cell (2.70:1) and dark text on the dark page (1.03:1), passes black under a translucent highlight (15.5:1)', async () => {
    const page = await browser.newPage();
    // ratios worked out by hand from WCAG's luminance formula; the highlight (#f2a33a at 15%) is drawn over the text
    await page.setContent(`<body style="margin:0;background:#fff">
      <div data-figure="cells"><svg width="200" height="60">
        <rect x="0" y="0" width="100" height="60" fill="#cfe3f7"/><text x="10" y="35" fill="#888" font-size="15">grey</text>
        <text x="110" y="35" fill="#000" font-size="15">black</text><rect x="100" y="0" width="100" height="60" fill="#f2a33a" fill-opacity="0.15"/>
      </svg></div>
      <div data-figure="dark" style="background:#1b1b1d;color:#1c1e21"><svg width="100" height="40"><text x="5" y="25" font-size="15" fill="currentColor">dark</text></svg></div>
    </body>`);
    const found = Object.fromEntries((await svgTextContrast(page)).map((x) => [x.where, x]));
    assert.deepEqual(Object.keys(found).sort(), ['cells: "black"', 'cells: "grey"', 'dark: "dark"']);
    assert.ok(Math.abs(found['cells: "grey"'].ratio - 2.7) < 0.01 && found['cells: "grey"'].needed === 4.5, JSON.stringify(found['cells: "grey"']));
    assert.equal(found['cells: "grey"'].background, '#cfe3f7');
    assert.ok(Math.abs(found['dark: "dark"'].ratio - 1.03) < 0.01, JSON.stringify(found['dark: "dark"']));
    assert.ok(Math.abs(found['cells: "black"'].ratio - 15.54) < 0.05, JSON.stringify(found['cells: "black"']));
    await page.close();
  });
});

const chapterIds = new Set(course.config.chapters as readonly string[]);
const unlessLeftOut = (id: string): { skip?: string } => (chapterIds.has(id) ? {} : { skip: `the course leaves out /${id}` });

/** Presses Tab (or Shift+Tab) as a keyboard user does until the focused element matches `selector`; fails after `max` presses. */
async function tabTo(page: Page, selector: string, max = 300, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(key);
  }
  assert.fail(`${max} presses of ${key} never reached ${selector}`);
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
  test(
    'the sliding window: Tab reaches the stride and padding sliders and the step button, with a visible focus, and arrow keys and Enter drive the figure',
    unlessLeftOut('stride-and-padding'),
    async () => {
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
    },
  );

  test(
    'a live editor: Tab reaches it with a visible focus, Tab inside indents, Escape moves to its result and Tab then moves on',
    unlessLeftOut('stride-and-padding'),
    async () => {
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
      assert.ok(
        await page.evaluate(() => !document.activeElement?.matches('[data-under-test]') && document.activeElement !== document.body),
        'Tab after Escape went back into the editor',
      );
      await page.close();
    },
  );

  test(
    'the size calculator: Tab reaches its inputs, arrow keys change them, and the size or the error updates in a polite live region',
    unlessLeftOut('stride-and-padding'),
    async () => {
      const page = await browser.newPage();
      await page.goto(`${site.url}/stride-and-padding`, { waitUntil: 'load' });
      const calc = '[data-figure="output-size-calculator"]';
      const live = page.locator(`${calc} [aria-live="polite"]`);
      await live.locator('[data-testid="calc-result"]').waitFor();
      // W = 32, F = 5, S = 1, P = 0 to start: (32 − 5)/1 + 1 = 28
      assert.match((await live.textContent()) ?? '', /= 28: the activation map is 28 × 28/);
      await tabTo(page, `${calc} input[name=s]`);
      await assertFocusVisible(page, 'stride input');
      await page.keyboard.press('ArrowUp'); // S = 2: (32 − 5)/2 = 13.5, not a whole number of steps
      const error = live.locator('[data-testid="calc-error"]');
      await error.waitFor();
      const why = (await error.textContent()) ?? '';
      // worked by hand: the window travels 27, starts at 0, 2, …, 26; the next, at 28, hangs 2 − (27 mod 2) = 1 over; 27's divisors fit
      assert.match(why, /W − F \+ 2P = 27 position\(s\)/);
      assert.match(
        why,
        /start at 0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26; the next would start at 28 and hang S − \(27 mod S\) = 1 position\(s\) over the edge/,
      );
      assert.match(why, /Strides that fit: 1, 3, 9, 27;/);
      await tabTo(page, `${calc} input[name=n]`, 5, 'Shift+Tab');
      await assertFocusVisible(page, 'input width');
      await page.keyboard.press('ArrowDown'); // W = 31: (31 − 5)/2 + 1 = 14
      await live.locator('[data-testid="calc-result"]').waitFor();
      assert.match((await live.textContent()) ?? '', /\(31 − 5 \+ 2·0\) \/ 2 \+ 1 = 14: the activation map is 14 × 14/);
      assert.equal(await error.count(), 0);
      await page.close();
    },
  );

  test('the exercise editor: Tab reaches it with a visible focus, Tab inside indents, and Escape then Tab leaves it', async (t) => {
    const id = course.exercises[0]?.id;
    if (!id) return t.skip('the course has no exercise');
    const page = await browser.newPage();
    await page.goto(`${site.url}/exercises/${id}`, { waitUntil: 'load' });
    const content = '.convkit-editor .cm-content';
    await page.locator(content).waitFor({ timeout: 30_000 });
    await tabTo(page, content);
    // CodeMirror marks itself focused (.cm-focused, which draws the ring) a moment after the focus event:
    // wait for it (a few ms; never, if the ring is missing, and then the check below says so).
    await page
      .locator('.convkit-editor .cm-editor.cm-focused')
      .waitFor({ timeout: 3000 })
      .catch(() => undefined);
    const ring = await page.evaluate(() => {
      const s = getComputedStyle(document.querySelector('.convkit-editor .cm-editor')!);
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    });
    assert.ok(ring.style !== 'none' && ring.width >= 2, `the focused editor shows no focus ring (${JSON.stringify(ring)})`);
    const before = (await page.locator(content).textContent()) ?? '';
    await page.keyboard.press('Tab');
    assert.ok(await page.evaluate((s) => document.activeElement?.matches(s), content), 'Tab left the editor instead of indenting');
    assert.ok(((await page.locator(content).textContent()) ?? '').length > before.length, 'Tab did not indent');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    assert.ok(
      await page.evaluate(() => !document.activeElement?.closest('.cm-editor') && document.activeElement !== document.body),
      'Escape then Tab did not leave the editor',
    );
    await page.close();
  });

  test(
    'the playground: Tab reaches the settings and train, training starts and is announced, and a chosen test digit gets a prediction, without a pointer',
    unlessLeftOut('playground'),
    async () => {
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
      await page.waitForFunction(() => Number(document.querySelector('[data-testid="train-status"]')?.getAttribute('data-step')) > 20, undefined, {
        timeout: 60_000,
      });
      assert.equal(await page.getByTestId('announce').getAttribute('aria-live'), 'polite');
      await tabTo(page, '[data-testid="train-toggle"]', 5);
      await page.keyboard.press('Space'); // pause
      await page.getByTestId('announce').filter({ hasText: 'training paused' }).waitFor();
      // An evaluation the worker posted just before it saw the pause arrives after it: it must not replace
      // "training paused" (it did, in about one run of four). A worker chunk is 60 ms; 1 s is ample.
      await page.waitForTimeout(1000);
      assert.equal(await page.getByTestId('announce').textContent(), 'training paused');
      await tabTo(page, 'select[name=test-digit]');
      await assertFocusVisible(page, 'test digit list');
      await page.keyboard.press('ArrowDown'); // the first digit, 0
      await page.getByTestId('prediction').waitFor({ timeout: 20_000 });
      assert.match((await page.getByTestId('prediction').textContent()) ?? '', /^\d$/);
      await page
        .getByTestId('announce')
        .filter({ hasText: /^prediction: \d$/ })
        .waitFor();
      // the prediction's probabilities reach a screen reader as numbers, ten of them summing to 1
      const probs = ((await page.locator('[data-figure="prediction-probabilities"] .sr-only').textContent()) ?? '').match(/\d: (0|1)\.\d\d/g) ?? [];
      assert.equal(probs.length, 10);
      assert.ok(Math.abs(probs.reduce((a, p) => a + Number(p.slice(3)), 0) - 1) < 0.06, probs.join(' '));

      // draw a digit with the keyboard: clear, then the drawing area, a pen moved by arrow keys and put down with Space
      await tabTo(page, '[data-testid="draw-clear"]', 5, 'Shift+Tab');
      await page.keyboard.press('Enter');
      await page.getByTestId('announce').filter({ hasText: 'drawing cleared' }).waitFor();
      assert.equal(await page.getByTestId('prediction').count(), 0);
      await tabTo(page, '[data-testid="draw-canvas"]', 5, 'Shift+Tab');
      await assertFocusVisible(page, 'drawing area');
      const pen = page.getByTestId('draw-pen');
      await pen.waitFor();
      // the pen starts in the middle of a 14×14 grid on the 280 px canvas: cell (7, 7), centre (150, 150)
      for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowUp'); // row 3: y = 3.5 × 20 = 70
      const box = (await page.getByTestId('draw-canvas').boundingBox())!;
      const penBox = (await pen.boundingBox())!;
      assert.ok(
        Math.abs(penBox.x + penBox.width / 2 - (box.x + 1 + 150)) < 3 && Math.abs(penBox.y + penBox.height / 2 - (box.y + 1 + 70)) < 3,
        `pen drawn at ${JSON.stringify(penBox)} on the canvas at ${JSON.stringify(box)}`,
      );
      await page.keyboard.press('Space');
      await page.getByTestId('draw-announce').filter({ hasText: 'pen down at column 8, row 4' }).waitFor();
      for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowDown'); // to row 11: y = 230
      await page.keyboard.press('Space'); // lifting the pen ends the stroke: a prediction
      await page.getByTestId('prediction').waitFor({ timeout: 20_000 });
      await page
        .getByTestId('announce')
        .filter({ hasText: /^prediction: \d$/ })
        .waitFor();
      // the stroke on the canvas: a 20 px wide line from (150, 70) to (150, 230) with round ends, white on black
      const ink = await page.evaluate(() => {
        const c = document.querySelector<HTMLCanvasElement>('[data-testid="draw-canvas"]')!;
        const ctx = c.getContext('2d')!;
        return Object.fromEntries(
          ['150,150', '150,62', '142,150', '150,238', '150,45', '150,255', '165,150', '100,150'].map((k) => {
            const [x, y] = k.split(',').map(Number);
            return [k, ctx.getImageData(x, y, 1, 1).data[0]];
          }),
        );
      });
      assert.deepEqual(ink, { '150,150': 255, '150,62': 255, '142,150': 255, '150,238': 255, '150,45': 0, '150,255': 0, '165,150': 0, '100,150': 0 });
      await page.close();
    },
  );
});
