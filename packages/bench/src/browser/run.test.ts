/** What the bench does where Chromium is missing: a plain run goes on with a line saying why, --browser fails. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FULL } from '../workloads.ts';
import { chromiumTargets, formatChromium } from './format.ts';
import { runChromium } from './run.ts';

describe('bench without Chromium', () => {
  const saved = process.env.CHROMIUM_PATH;
  const missing = '/nonexistent/convkit-test/chromium';
  beforeEach(() => void (process.env.CHROMIUM_PATH = missing));
  afterEach(() => {
    if (saved === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = saved;
  });

  it('a plain run skips the Chromium part with the reason on one line and checks no Chromium target', async () => {
    const report = await runChromium({ train: FULL.train, peak: { iterations: 1, trials: 1 }, required: false });
    expect(report.skipped).toBe(`Chromium not found at ${missing} (install Debian's chromium or set CHROMIUM_PATH)`);
    expect(report.peers).toEqual({});
    expect(report.errors).toEqual([]);
    expect(formatChromium(report, FULL.train)).toBe(`chromium: not run: ${report.skipped}`);
    expect(chromiumTargets(report)).toEqual([]);
  });

  it('--browser (required) is an error naming the path it expected', async () => {
    await expect(runChromium({ train: FULL.train, peak: { iterations: 1, trials: 1 }, required: true }))
      .rejects.toThrow(`bench --browser: expected Chromium at ${missing}, got no such file`);
  });
});
