/**
 * Solving and grading exercises on the site, in Chromium: the workbench under each exercise's instructions
 * (src/components/exercise/), graded in the page by @convkit/grader/browser from the recorded checks.
 * Build first: `pnpm --filter @convkit/docs build`. Follows the course the site was built for (as
 * site.test.mts): exercises the course leaves out or hides are skipped with the reason.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { siteAddress } from '@convkit/course-config';
import { loadCourse } from '@convkit/course-config/node';
import { gradeExercise } from '@convkit/grader';
import { serve } from './server.mts';
import { launch, watch, type PageLog } from './browser.mts';

const repoRoot = join(import.meta.dirname, '..', '..');
const build = process.env.CONVKIT_SITE_DIR ? resolve(process.env.CONVKIT_SITE_DIR) : join(import.meta.dirname, '..', 'build');
const course = await loadCourse(repoRoot);
const baseUrl = process.env.DOCS_BASE_URL ?? siteAddress(course.config).baseUrl;
const exercise = (id: string) => course.exercises.find((e) => e.id === id);
/** Skip unless the course has this exercise with its tests visible. */
const needs = (...ids: string[]): { skip?: string } => {
  const missing = ids.filter((id) => !exercise(id)?.visibleTests);
  return missing.length ? { skip: `the course leaves out or hides ${missing.join(', ')}` } : {};
};
const hidden = course.exercises.filter((e) => !e.visibleTests);
const reference = (id: string): string => readFileSync(join(repoRoot, 'exercises', id, '.meta', 'solution.ts'), 'utf8');
/** The exercise most tests use: 01 when the course has it, else the first visible one whose reference imports no other exercise. */
const solo =
  course.exercises.find((e) => e.id === '01-output-size' && e.visibleTests) ??
  course.exercises.find((e) => e.visibleTests && !/from '\.\.?\//.test(reference(e.id)));
const soloNeeds = (): { skip?: string } => (solo ? {} : { skip: 'the course has no visible exercise with a self-contained reference' });

let site: { url: string; close: () => Promise<void> };
let browser: BrowserContext;
const scratch = mkdtempSync(join(tmpdir(), 'convkit-e2e-'));
/** Where pnpm grade reads an editor's text from: below docs/ (so @convkit/engine resolves), with 02's import of the student's 01 pointed at the reference of 01. */
const gradedDir = join(import.meta.dirname, `tmp-${process.pid}`);
function onDisk(code: string): string {
  mkdirSync(gradedDir, { recursive: true });
  const file = join(gradedDir, `graded-${Date.now()}.ts`);
  writeFileSync(file, code.replace("'../01-output-size/output-size.ts'", `'${join(repoRoot, 'exercises', '01-output-size', '.meta', 'solution.ts')}'`));
  return file;
}

/** Requests of every page and worker that left 127.0.0.1 (a page's own log misses its workers' requests). */
const external: string[] = [];

before(async () => {
  assert.ok(existsSync(join(build, 'index.html')), `${build} is missing: run \`pnpm --filter @convkit/docs build\` first`);
  site = await serve(build, baseUrl);
  browser = await launch();
  browser.on('request', (r) => {
    const url = new URL(r.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.hostname !== '127.0.0.1') external.push(r.url());
  });
});

after(async () => {
  await browser?.close();
  await site?.close();
  rmSync(scratch, { recursive: true, force: true });
  rmSync(gradedDir, { recursive: true, force: true });
});

/** The reference of 02 as a student writes it in the kit: outputSize from their own exercise 01. */
const conv02 = (): string => reference('02-conv-forward').replace("'../../01-output-size/.meta/solution.ts'", "'../01-output-size/output-size.ts'");
/** Exercise 02 ignoring padding: the window starts at i·stride instead of i·stride − pad. */
const ignoresPadding = (): string => {
  const code = conv02()
    .replace('const row = i * stride - pad + p;', 'const row = i * stride + p;')
    .replace('const col = j * stride - pad + q;', 'const col = j * stride + q;');
  assert.ok(!code.includes('- pad +'), 'the buggy 02 must not subtract the padding anywhere');
  return code;
};

async function openExercise(id: string): Promise<{ page: Page; log: PageLog }> {
  const page = await browser.newPage();
  const log = watch(page);
  await page.goto(`${site.url}/exercises/${id}`, { waitUntil: 'load' });
  await page.locator('.convkit-editor .cm-content').waitFor({ timeout: 30_000 });
  return { page, log };
}

/** Replaces the editor's text as a student would paste it (CodeMirror's own input handling). */
async function setCode(page: Page, code: string): Promise<void> {
  await page.locator('.convkit-editor .cm-content').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
  await page.waitForFunction(
    (n) => (document.querySelector('.convkit-editor .cm-content') as HTMLElement | null)?.innerText.replace(/\s/g, '').length === n,
    code.replace(/\s/g, '').length,
    { timeout: 10_000 },
  );
}

interface Shown {
  status: string;
  score: number;
  max: number;
  headline: string;
  tests: { status: string; text: string }[];
}

/** Clicks Run tests and waits for the report. */
async function runTests(page: Page, timeout = 60_000): Promise<Shown> {
  await page.locator('#convkit-run').click();
  await page.waitForFunction(
    () => {
      const r = document.querySelector('.convkit-report');
      return r !== null && r.getAttribute('data-status') !== 'running' && !(document.querySelector('#convkit-run') as HTMLButtonElement).disabled;
    },
    null,
    { timeout },
  );
  const report = page.locator('.convkit-report');
  const headline = (await report.locator('.convkit-headline').textContent()) ?? '';
  const [, score, max] = /(\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)/.exec(headline) ?? [];
  const tests = await report
    .locator('.convkit-test')
    .evaluateAll((els) => els.map((e) => ({ status: e.getAttribute('data-status') ?? '', text: (e as HTMLElement).innerText })));
  return { status: (await report.getAttribute('data-status')) ?? '', score: Number(score), max: Number(max), headline, tests };
}

const clean = (log: PageLog, what: string): void => {
  assert.deepEqual([...log.external, ...external], [], `${what}: requests left the site (pages or their workers)`);
  assert.deepEqual(log.errors, [], `${what}: console errors`);
};

describe('solving an exercise in the browser', () => {
  test(
    "the reference typed into the editor gets full marks (01, then 02 importing the student's own 01), and the score matches pnpm grade for the same file",
    needs('01-output-size', '02-conv-forward'),
    async () => {
      const { page, log } = await openExercise('01-output-size');
      await setCode(page, reference('01-output-size'));
      const one = await runTests(page);
      assert.equal(one.status, 'passed', one.headline);
      assert.equal(one.score, exercise('01-output-size')!.points, one.headline);
      await page.goto(`${site.url}/exercises/02-conv-forward`, { waitUntil: 'load' });
      await page.locator('.convkit-editor .cm-content').waitFor({ timeout: 30_000 });
      await setCode(page, conv02());
      const two = await runTests(page);
      assert.equal(
        two.status,
        'passed',
        `${two.headline}\n${two.tests
          .filter((t) => t.status !== 'passed')
          .map((t) => t.text)
          .join('\n')}`,
      );
      assert.equal(two.score, exercise('02-conv-forward')!.points);
      assert.ok(two.tests.length > 5 && two.tests.every((t) => t.status === 'passed'));
      // the same file graded by pnpm grade (the repository's grader, in its Node sandbox)
      const graded = await gradeExercise({ exercise: exercise('02-conv-forward')!, file: onDisk(conv02()) });
      assert.equal(two.score, graded.score);
      clean(log, '02');
      await page.close();
    },
  );

  test(
    'a solution that ignores padding fails with the input, the expected and the actual values; its score matches pnpm grade',
    needs('02-conv-forward'),
    async () => {
      const { page, log } = await openExercise('02-conv-forward');
      await setCode(page, ignoresPadding());
      const shown = await runTests(page);
      assert.equal(shown.status, 'failed');
      const failed = shown.tests.find((t) => t.status === 'failed');
      assert.ok(failed, 'no failed test shown');
      assert.match(failed.text, /p=1/, `the first failure is a padded case:\n${failed.text}`);
      assert.match(failed.text, /expected -?\d[\d.e-]*, got -?\d[\d.e-]*/, failed.text);
      assert.ok(
        shown.tests.some((t) => t.status === 'passed'),
        'unpadded cases still pass',
      );
      assert.ok(shown.score > 0 && shown.score < shown.max, shown.headline);
      const random = shown.tests.find((t) => /random/.test(t.text) && t.status === 'failed');
      if (random) assert.match(random.text, /seed \d+/, 'a failing random test names its seed');
      // pnpm grade on the same file
      const graded = await gradeExercise({ exercise: exercise('02-conv-forward')!, file: onDisk(ignoresPadding()) });
      assert.equal(shown.score, graded.score, `browser ${shown.score}, pnpm grade ${graded.score}`);
      const first = graded.tests.find((t) => t.status !== 'passed')!;
      assert.ok(
        failed.text.includes(first.message.split('\n')[0]),
        `the first failure message of pnpm grade:\n${first.message}\nis not shown:\n${failed.text}`,
      );
      clean(log, 'ignores padding');
      await page.close();
    },
  );

  test(
    'an infinite loop is stopped with a time-limit message while the page stays responsive; then a throw, a huge allocation and while(true) at the top level; the next run works',
    soloNeeds(),
    async () => {
      const { id, timeLimitMs: limit, functions } = solo!;
      const { page, log } = await openExercise(id);
      const fn = functions[0];
      await setCode(page, `export function ${fn}(...args: unknown[]): unknown {\n  while (true) {}\n}\n`);
      const started = Date.now();
      await page.locator('#convkit-run').click();
      // while the worker spins, the page answers: timers fire on time and the editor takes input
      const lag = await page.evaluate(
        () =>
          new Promise<number>((done) => {
            const t0 = performance.now();
            setTimeout(() => done(performance.now() - t0 - 200), 200);
          }),
      );
      assert.ok(lag < 150, `a 200 ms timer fired ${lag.toFixed(0)} ms late while the student's loop ran`);
      await page.locator('.convkit-editor .cm-content').press('End');
      const loop = await runTestsDone(page);
      const timedOut = loop.tests.find((t) => t.status === 'timeout');
      assert.ok(timedOut, loop.headline);
      assert.match(timedOut.text, new RegExp(`${limit} ms time limit`));
      assert.equal(loop.score, 0);
      assert.ok(Date.now() - started < 3 * limit + 20_000, 'later calls of a function that timed out are not run (one limit is waited out, not one per test)');

      for (const [what, code, expected] of [
        ['a throw', `export function ${fn}(): number {\n  throw new RangeError('boom');\n}\n`, /threw RangeError: boom/],
        [
          'a huge allocation',
          `export function ${fn}(): number {\n  const a: Float64Array[] = [];\n  for (;;) a.push(new Float64Array(1 << 27));\n}\n`,
          /time limit|memory|RangeError|stopped/i,
        ],
        ['while (true) at the top level', `while (true) {}\nexport function ${fn}(): number {\n  return 1;\n}\n`, /time limit/],
      ] as const) {
        await setCode(page, code);
        const shown = await runTests(page);
        assert.equal(shown.score, 0, `${what}: ${shown.headline}`);
        assert.match(shown.tests.map((t) => t.text).join('\n'), expected, `${what}: ${shown.tests[0]?.text}`);
        assert.equal(await page.evaluate(() => 1 + 1), 2, `${what}: the page no longer answers`);
      }
      await setCode(page, reference(id));
      const fixed = await runTests(page);
      assert.equal(fixed.status, 'passed', `the run after the hostile ones: ${fixed.headline}`);
      clean(log, 'hostile code');
      await page.close();
    },
  );

  test('the code is kept across a reload and shows in the progress strip; hints one at a time; reset; export and import of all work', soloNeeds(), async () => {
    const { id, file: stubFile, hints } = solo!;
    const page = await browser.newPage();
    const log = watch(page);
    await page.goto(`${site.url}/exercises/${id}`, { waitUntil: 'load' });
    await page.evaluate(() => localStorage.clear());
    await page.reload({ waitUntil: 'load' });
    await page.locator('.convkit-editor .cm-content').waitFor({ timeout: 30_000 });
    const strip = page.locator(`.convkit-progress [data-exercise="${id}"]`);
    assert.equal(await strip.getAttribute('data-progress'), 'not-started');
    const mine = `${reference(id)}\n// kept ${Date.now()}\n`;
    await setCode(page, mine);
    await runTests(page);
    await page.waitForFunction((x) => document.querySelector(`.convkit-progress [data-exercise="${x}"]`)?.getAttribute('data-progress') === 'passed', id);
    await page.reload({ waitUntil: 'load' });
    await page.locator('.convkit-editor .cm-content').waitFor({ timeout: 30_000 });
    const text = await page.evaluate(() => (document.querySelector('.convkit-editor .cm-content') as HTMLElement).innerText);
    assert.equal(text.replace(/\s/g, ''), mine.replace(/\s/g, ''), 'the code after a reload');
    assert.equal(await strip.getAttribute('data-progress'), 'passed');
    // every other exercise of the course is in the strip, not started
    assert.equal(await page.locator('.convkit-progress-item').count(), course.exercises.length);

    await page.getByRole('button', { name: /^Hint/ }).click();
    assert.deepEqual(await page.locator('.convkit-hints li').allTextContents(), [hints[0]]);
    if (hints.length > 1) {
      await page.getByRole('button', { name: /^Hint/ }).click();
      assert.deepEqual(await page.locator('.convkit-hints li').allTextContents(), hints.slice(0, 2));
    }

    // export all work, wipe this browser's storage, import the file back
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export all work' }).click()]);
    const exported = join(scratch, 'work.json');
    await download.saveAs(exported);
    const work = JSON.parse(readFileSync(exported, 'utf8')) as { format: string; exercises: Record<string, { code?: string; status?: string }> };
    assert.equal(work.format, 'convkit-work/1');
    assert.equal(work.exercises[id].status, 'passed');
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Reset' }).click();
    await page.waitForFunction(() => (document.querySelector('.convkit-editor .cm-content') as HTMLElement).innerText.includes('NotImplemented'));
    await page.evaluate(() => localStorage.clear());
    await page.locator('input[type=file]').setInputFiles(exported);
    await page.getByText(/imported the work of 1 exercise/).waitFor();
    const restored = await page.evaluate(() => (document.querySelector('.convkit-editor .cm-content') as HTMLElement).innerText);
    assert.equal(restored.replace(/\s/g, ''), mine.replace(/\s/g, ''), 'the code after importing the exported work');

    // Download gives the file to drop into exercises/01-output-size/
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Download / }).click()]);
    assert.equal(file.suggestedFilename(), stubFile.split('/').pop());
    assert.match(await page.locator('.convkit-workbench').innerText(), /official marks come from pnpm grade or your course's autograder/i);
    clean(log, 'kept work');
    await page.close();
  });

  test('the exercise kit the site ships holds expected outputs, never the answer key: no line of a reference solution or spec that the stub does not have', async () => {
    const kitDir = join(build, 'exercise-kit');
    const shipped = readdirSync(kitDir)
      .map((f) => readFileSync(join(kitDir, f), 'utf8'))
      .join('\n');
    const leaks: string[] = [];
    for (const e of course.exercises) {
      const stub = readFileSync(join(repoRoot, 'exercises', e.file), 'utf8');
      for (const secret of ['solution.ts', 'spec.ts']) {
        const lines = readFileSync(join(repoRoot, 'exercises', e.id, '.meta', secret), 'utf8')
          .split('\n')
          .map((l) => l.trim());
        // code lines long enough to be distinctive, that the stub (which ships) does not also have
        for (const line of lines.filter((l) => l.length >= 30 && !l.startsWith('*') && !l.startsWith('//') && !l.startsWith('/*') && !stub.includes(l))) {
          if (shipped.includes(JSON.stringify(line).slice(1, -1))) leaks.push(`${e.id}/.meta/${secret}: ${line}`);
        }
      }
    }
    assert.deepEqual(leaks, []);
  });

  test('a hidden exercise ships no checks: its page says the instructor grades it', hidden.length ? {} : { skip: 'the course hides no exercise' }, async () => {
    const id = hidden[0].id;
    const kit = JSON.parse(readFileSync(join(build, 'exercise-kit', `${id}.json`), 'utf8')) as { recorded: unknown };
    assert.equal(kit.recorded, null);
    const { page, log } = await openExercise(id);
    assert.equal(await page.locator('#convkit-run').isDisabled(), true);
    await page.getByText(/tests of this exercise are hidden/).waitFor();
    clean(log, id);
    await page.close();
  });
});

describe('page weight', () => {
  test('the editor, the compiler and the grader load only on exercise pages; their gzipped size is reported', soloNeeds(), async () => {
    /** The scripts a visit loads, the page's and its workers' (the context sees both), split by who asked. */
    const scripts = async (path: string, act?: (page: Page) => Promise<void>): Promise<{ all: Set<string>; worker: Set<string> }> => {
      const page = await browser.newPage();
      const all = new Set<string>();
      const fromPage = new Set<string>();
      const js = (u: string): string | null => (new URL(u).pathname.endsWith('.js') ? new URL(u).pathname : null);
      page.on('request', (r) => void (js(r.url()) && fromPage.add(js(r.url())!)));
      const onRequest = (r: { url(): string }): void => void (js(r.url()) && all.add(js(r.url())!));
      browser.on('request', onRequest);
      const workers: string[] = [];
      page.on('worker', (w) => workers.push(new URL(w.url()).pathname));
      await page.goto(site.url + path, { waitUntil: 'networkidle' });
      await act?.(page);
      await page.close();
      browser.off('request', onRequest);
      return { all, worker: new Set([...workers, ...[...all].filter((p) => !fromPage.has(p))]) };
    };
    const chapter = await scripts(course.config.chapters.includes('index') ? '/' : `/${course.config.chapters[0]}`);
    // the exercises' index is a docs page like an exercise page, without the workbench
    const plainDoc = await scripts('/exercises');
    const exercisePage = await scripts(`/exercises/${solo!.id}`, async (page) => {
      await page.locator('.convkit-editor .cm-content').waitFor({ timeout: 30_000 });
      await runTests(page);
    });
    const text = (p: string): string => readFileSync(join(build, p.slice(baseUrl.length)), 'utf8');
    // the chunks the worker loads with importScripts (not always reported as requests): named in its entry script
    const jsDir = join(build, 'assets', 'js');
    for (const entry of [...exercisePage.worker]) {
      for (const [, id] of text(entry).matchAll(/"(\d+)"/g)) {
        for (const f of readdirSync(jsDir).filter((f) => f.startsWith(`${id}.`) && f.endsWith('.js'))) {
          const path = `${baseUrl}assets/js/${f}`;
          exercisePage.worker.add(path);
          exercisePage.all.add(path);
        }
      }
    }
    const added = [...exercisePage.all].filter((p) => !chapter.all.has(p) && !plainDoc.all.has(p));
    const gz = (p: string): number => gzipSync(readFileSync(join(build, p.slice(baseUrl.length)))).length;
    const part = (p: string): 'compiler + sandbox (worker)' | 'editor' | 'grader + workbench' =>
      exercisePage.worker.has(p) ? 'compiler + sandbox (worker)' : /EditorView|createEditor|cm-content/.test(text(p)) ? 'editor' : 'grader + workbench';
    const parts = new Map<string, number>();
    for (const p of added) parts.set(part(p), (parts.get(part(p)) ?? 0) + gz(p));
    assert.ok(parts.get('editor'), 'no chunk with CodeMirror was loaded on the exercise page');
    assert.ok(parts.get('compiler + sandbox (worker)'), 'the sandbox worker loaded no script');
    for (const p of added) {
      assert.ok(!chapter.all.has(p), `a chapter page loaded ${p}`);
    }
    const total = [...parts.values()].reduce((a, b) => a + b, 0);
    const workerAll = [...exercisePage.worker].reduce((a, p) => a + gz(p), 0);
    console.log(
      `# the workbench adds ${(total / 1024).toFixed(0)} KiB gzipped to an exercise page (${[...parts].map(([k, v]) => `${k} ${(v / 1024).toFixed(0)} KiB`).join(', ')}: ` +
        `${added.map((p) => `${p.split('/').pop()} ${(gz(p) / 1024).toFixed(1)}`).join(', ')}); the worker's scripts are ${(workerAll / 1024).toFixed(0)} KiB in all, ` +
        `the rest shared with chapter pages (sucrase, which live code blocks use too); chapter pages load none of the added scripts`,
    );
  });
});

/** Waits for a run already started (by a click) to end, and reads the report. */
async function runTestsDone(page: Page): Promise<Shown> {
  await page.waitForFunction(
    () => {
      const r = document.querySelector('.convkit-report');
      return r !== null && r.getAttribute('data-status') !== 'running' && !(document.querySelector('#convkit-run') as HTMLButtonElement).disabled;
    },
    null,
    { timeout: 60_000 },
  );
  const report = page.locator('.convkit-report');
  const headline = (await report.locator('.convkit-headline').textContent()) ?? '';
  const [, score, max] = /(\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)/.exec(headline) ?? [];
  const tests = await report
    .locator('.convkit-test')
    .evaluateAll((els) => els.map((e) => ({ status: e.getAttribute('data-status') ?? '', text: (e as HTMLElement).innerText })));
  return { status: (await report.getAttribute('data-status')) ?? '', score: Number(score), max: Number(max), headline, tests };
}
