/**
 * report.html in a real browser: the class outputs are written for a class of hand-made reports and
 * submissions (no grading: fast), then headless Chromium (@convkit/browser) opens report.html from disk
 * through playwright-core with every host name unresolvable. The page must draw its figures with no console
 * error and no request but its own file, name the test failed most, pair the renamed copy, and show a
 * student's hostile name and code as text without running them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, type Browser, type Page } from '@convkit/browser';
import type { Status } from '@convkit/grader';
import { loadCourse } from '@convkit/course-config/node';
import type { StudentReport } from './gradebook.ts';
import { REFERENCE_NAME, writeClassOutputs, type ClassOutputs } from './outputs.ts';
import { findSubmissions } from './submissions.ts';

const root = join(import.meta.dirname, '..', '..', '..', '..');
const fixture = (name: string): string => readFileSync(join(import.meta.dirname, '..', '..', 'test-fixtures', 'similarity', `${name}.ts`), 'utf8');
const HOSTILE = '<img src=x onerror=window.__pwned=1>';

let dir: string;
let outputs: ClassOutputs;
let classReports: StudentReport[];
let browser: Browser;
let page: Page;
const log = { errors: [] as string[], requests: [] as string[], dialogs: [] as string[] };

/** A report for exercises 01 (5 points, 2 tests) and 02 (15 points, 3 tests), tests given as [status, message]. */
function report(student: string, t01: Array<[Status, string]>, t02: Array<[Status, string]>): StudentReport {
  const names01 = ['n=5 f=3 s=1 p=0', 'n=10 f=3 s=2 p=0 must throw'];
  const names02 = ['one filter, one channel', 'x=[1,1,5,5] w=[1,1,3,3] s=2 p=0 (stride 2)', 'random shapes'];
  const exercise = (id: string, points: number, names: string[], tests: Array<[Status, string]>) => {
    const each = points / names.length;
    const results = names.map((name, i) => ({ name, status: tests[i][0], score: tests[i][0] === 'passed' ? each : 0, maxScore: each, message: tests[i][1] }));
    const score = results.reduce((s, r) => s + r.score, 0);
    const status: Status = results.every((r) => r.status === 'passed')
      ? 'passed'
      : results.every((r) => r.status === results[0].status)
        ? results[0].status
        : 'failed';
    return { id, title: id, score, maxScore: points, status, tests: results };
  };
  const e1 = exercise('01-output-size', 5, names01, t01);
  const e2 = exercise('02-conv-forward', 15, names02, t02);
  return { student, submitted: [], error: null, seconds: 3 + student.length / 10, score: e1.score + e2.score, maxScore: 20, exercises: [e1, e2] };
}
const pass: [Status, string] = ['passed', ''];
const stride = 'conv2dForward([1,1,5,5], stride 2): expected [1,1,2,2], got [1,1,3,3]';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'convkit-report-'));
  const subs = join(dir, 'submissions');
  const put = (student: string, text: string): void => {
    mkdirSync(join(subs, student, 'exercises', '02-conv-forward'), { recursive: true });
    writeFileSync(join(subs, student, 'exercises', '02-conv-forward', 'conv-forward.ts'), text);
  };
  const stub = readFileSync(join(root, 'exercises', '02-conv-forward', 'conv-forward.ts'), 'utf8');
  put('ann', fixture('ann'));
  put('ben', fixture('ben')); // ann's, renamed, recommented, reordered
  put('cat', fixture('cat')); // independent
  put('dan', stub);
  put('eve', stub);
  // gus: the public reference solution with its names changed.
  const reference = readFileSync(join(root, 'exercises', '02-conv-forward', '.meta', 'solution.ts'), 'utf8');
  put(
    'gus',
    reference
      .replace(/\bsum\b/g, 'acc')
      .replace(/\bout\b/g, 'result')
      .replace(/\brow\b/g, 'r')
      .replace(/\bcol\b/g, 'c2')
      .replace(/\/\/.*$/gm, ''),
  );
  put(HOSTILE, `${fixture('cat').replace('return out;', 'return out; // </script><script>window.__pwned = 2</script>')}`);
  // biome-ignore format: a tensor literal, kept on one line
  const reports = [
    report('ann', [pass, pass], [pass, pass, pass]),
    report('ben', [pass, pass], [pass, ['failed', stride], pass]),
    report('cat', [pass, ['failed', 'expected outputSize to throw an Error, got the number 4.5']], [pass, ['failed', stride], pass]),
    report('dan', [pass, pass], [['not-started', 'conv2dForward is not started yet'], ['not-started', 'conv2dForward is not started yet'], ['not-started', 'conv2dForward is not started yet']]),
    report('eve', [['timeout', 'outputSize ran out of its 2000 ms time limit'], ['timeout', 'not run']], [pass, ['failed', 'conv2dForward threw TypeError: x.data is undefined'], pass]),
    report('gus', [pass, pass], [pass, pass, pass]),
    report(HOSTILE, [pass, pass], [pass, ['failed', `${stride} <img src=x onerror="window.__pwned=3">`], pass]),
  ];
  classReports = reports;
  const course = await loadCourse(root);
  mkdirSync(join(dir, 'out', 'reports'), { recursive: true });
  outputs = writeClassOutputs({
    outDir: join(dir, 'out'),
    title: 'Report test </title><script>window.__pwned=4</script>',
    exercises: course.exercises.filter((e) => ['01-output-size', '02-conv-forward'].includes(e.id)),
    reports,
    fileNames: new Map(reports.map((r) => [r.student, r.student === HOSTILE ? '_img' : r.student])),
    submissions: findSubmissions(subs),
    stubsDir: join(root, 'exercises'),
    late: { deadline: '2026-12-01T23:59:00Z', perDay: 0.1, max: 0.3 },
    similarityThreshold: 0.6,
    referenceDir: join(root, 'exercises'),
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') log.errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => log.errors.push(`pageerror: ${e.message}`));
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('dialog', (d) => {
    log.dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(`file://${join(dir, 'out', 'report.html')}`);
  await page.waitForSelector('html[data-rendered=yes]', { timeout: 20_000 });
}, 120_000); // the first launch on a machine with no system Chromium unpacks the npm one

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the class outputs (no browser)', () => {
  it('pair the renamed copy with its original and never an untouched stub', () => {
    const pairs = outputs.flagged.map((p) => [p.left, p.right].sort().join(' + '));
    expect(pairs).toContain('ann + ben');
    expect(pairs.some((p) => /dan|eve/.test(p))).toBe(false);
  });
  it('pair a renamed copy of the public reference solution with it', () => {
    const pairs = outputs.flagged.map((p) => [p.left, p.right].sort().join(' + '));
    expect(pairs).toContain(`${REFERENCE_NAME} + gus`);
    expect(pairs.filter((p) => p.includes(REFERENCE_NAME))).toEqual([`${REFERENCE_NAME} + gus`]);
  });
  it('escape everything in the per-student pages', () => {
    const page = readFileSync(join(dir, 'out', 'reports', '_img.html'), 'utf8');
    expect(page).not.toMatch(/<img src=x/);
    expect(page).toContain('&#60;img src=x onerror=window.__pwned=1&#62;');
  });
  it('keep the data block from closing its <script> element', () => {
    const html = readFileSync(join(dir, 'out', 'report.html'), 'utf8');
    const data = html.slice(html.indexOf('<script type="application/json"'), html.indexOf('</script>', html.indexOf('<script type="application/json"')));
    expect(data).toContain('\\u003c/script>\\u003cscript>window.__pwned = 2');
    expect(html).not.toMatch(/src="https?:|href="https?:|@import|url\(http/);
  });
});

describe("submission times from a timestamps CSV (Gradescope's export)", () => {
  it("penalises by the CSV's time, says so, and leaves students the CSV lacks unknown", async () => {
    const out = join(dir, 'out-ts');
    mkdirSync(join(out, 'reports'), { recursive: true });
    // ann 2.5 days late (10%/day, cap 30%: −6 of 20); ben within the hour; the others absent.
    writeFileSync(
      join(dir, 'times.csv'),
      'Name,SID,Email,Submission ID,Submission Time\nann,1,a@x,11,2026-12-04 03:59:00 -0800\nben,2,b@x,12,2026-12-01 16:30:00 -0800\n',
    );
    const course = await loadCourse(root);
    const o = writeClassOutputs({
      outDir: out,
      title: 't',
      exercises: course.exercises.filter((e) => ['01-output-size', '02-conv-forward'].includes(e.id)),
      reports: classReports,
      fileNames: new Map(classReports.map((r) => [r.student, r.student === HOSTILE ? '_img' : r.student])),
      submissions: findSubmissions(join(dir, 'submissions')),
      stubsDir: join(root, 'exercises'),
      late: { deadline: '2026-12-01T23:59:00Z', perDay: 0.1, max: 0.3, graceMinutes: 60 },
      timestampsPath: join(dir, 'times.csv'),
    });
    const row = (s: string) => o.rows.find((r) => r.student === s)!;
    expect([row('ann').time.source, row('ann').late.days, row('ann').penalty, row('ann').final]).toEqual(['timestamps CSV', 3, 6, 14]);
    expect([row('ben').time.source, row('ben').penalty]).toEqual(['timestamps CSV', 0]); // 31 minutes late, within the grace hour
    expect([row('cat').time, row('cat').penalty]).toEqual([{ at: null, source: 'unknown' }, 0]);
  });
});

describe('a large class of copies', () => {
  it('lists the 300 most similar pairs, counts the rest, and carries the files of the first 60 only', async () => {
    const big = mkdtempSync(join(tmpdir(), 'convkit-report-big-'));
    const names = Array.from({ length: 30 }, (_, i) => `s${String(i).padStart(2, '0')}`); // 30 copies: 435 pairs
    for (const n of names) {
      mkdirSync(join(big, 'subs', n), { recursive: true });
      writeFileSync(join(big, 'subs', n, 'conv-forward.ts'), fixture('ann'));
    }
    mkdirSync(join(big, 'out', 'reports'), { recursive: true });
    const course = await loadCourse(root);
    const reports = names.map((n) => report(n, [pass, pass], [pass, pass, pass]));
    writeClassOutputs({
      outDir: join(big, 'out'),
      title: 'big',
      exercises: course.exercises.filter((e) => ['01-output-size', '02-conv-forward'].includes(e.id)),
      reports,
      fileNames: new Map(names.map((n) => [n, n])),
      submissions: findSubmissions(join(big, 'subs')),
      stubsDir: join(root, 'exercises'),
    });
    const html = readFileSync(join(big, 'out', 'report.html'), 'utf8');
    const at = html.indexOf('id="class-data">') + 'id="class-data">'.length;
    const data = JSON.parse(html.slice(at, html.indexOf('</script>', at))) as {
      similarity: { all: unknown[]; flagged: Array<{ regions: unknown[] }>; more: number; sources: Record<string, string> };
    };
    expect(data.similarity.all.length).toBe(435);
    expect(data.similarity.flagged.length).toBe(300);
    expect(data.similarity.more).toBe(135);
    expect(data.similarity.flagged.filter((p) => p.regions.length > 0).length).toBe(60);
    expect(Object.keys(data.similarity.sources).length).toBeLessThanOrEqual(120);
    rmSync(big, { recursive: true, force: true });
  }, 60_000);
});

describe('report.html in headless Chromium', () => {
  it('renders with no console error and requests nothing but its own file', () => {
    expect(log.errors).toEqual([]);
    expect(log.requests).toEqual([`file://${join(dir, 'out', 'report.html')}`]);
  });
  it('draws the figures with Observable Plot: scores overall and per exercise, failed tests, outcomes, times, similarity', async () => {
    expect(await page.locator('.figure svg').count()).toBeGreaterThanOrEqual(6);
    expect(await page.locator('.figure .warn').count()).toBe(0);
    expect(await page.locator('#scores + .figure svg rect').count()).toBeGreaterThan(0); // the overall histogram's bars
  });
  it('names the test failed most, with its most common message and how many students got it', async () => {
    const first = page.locator('#failed-tests-table tbody tr').first();
    expect(await first.locator('td').nth(1).textContent()).toBe('x=[1,1,5,5] w=[1,1,3,3] s=2 p=0 (stride 2)');
    // ben, cat, eve (a TypeError) and the hostile student: 4, two of them with the same message.
    expect(await first.locator('td').nth(2).textContent()).toBe('4');
    expect(await first.locator('.msg').first().textContent()).toBe(`×2  ${stride}`);
  });
  it('counts timeouts and links each student to their report', async () => {
    expect(await page.locator('[data-card=timeouts] b').textContent()).toBe('1');
    expect(await page.locator('#students-table a[href="reports/ann.html"]').textContent()).toBe('ann');
  });
  it('shows a hostile name, message and code as text and runs none of them', async () => {
    expect(log.dialogs).toEqual([]);
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('#students-table a[href="reports/_img.html"]').textContent()).toBe(HOSTILE);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.title()).toBe('Report test </title><script>window.__pwned=4</script>: class report');
  });
  it('lists the copy side by side, matching lines marked, and no stub', async () => {
    const pair = page.locator('details.pair[data-left="ann"][data-right="ben"], details.pair[data-left="ben"][data-right="ann"]');
    expect(await pair.count()).toBe(1);
    expect(await pair.locator('span.hit').count()).toBeGreaterThan(20);
    expect(
      await page
        .locator('details.pair[data-left="dan"], details.pair[data-right="dan"], details.pair[data-left="eve"], details.pair[data-right="eve"]')
        .count(),
    ).toBe(0);
  });
});
