/**
 * What the bench does where no Chromium can be found (here: CHROMIUM_PATH names no file, which @convkit/browser
 * never falls back from): a plain run goes on with a line saying why, --browser fails.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FULL } from '../workloads.ts';
import { chromiumTargets, formatChromium } from './format.ts';
import { runChromium } from './run.ts';

describe('bench with no Chromium found', () => {
  const saved = process.env.CHROMIUM_PATH;
  const missing = '/nonexistent/convkit-test/chromium';
  beforeEach(() => void (process.env.CHROMIUM_PATH = missing));
  afterEach(() => {
    if (saved === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = saved;
  });

  it('a plain run skips the Chromium part with the reason on one line and checks no Chromium target', async () => {
    const report = await runChromium({ train: FULL.train, peak: { iterations: 1, trials: 1 }, required: false });
    expect(report.skipped).toBe(`chromiumExecutable: expected CHROMIUM_PATH to name a Chromium executable, got ${missing}, no such file`);
    expect(report.executable).toBeNull();
    expect(report.peers).toEqual({});
    expect(report.errors).toEqual([]);
    expect(formatChromium(report, FULL.train)).toBe(`chromium: not run: ${report.skipped}`);
    expect(chromiumTargets(report)).toEqual([]);
  });

  it('--browser (required) is an error naming the path it expected', async () => {
    await expect(runChromium({ train: FULL.train, peak: { iterations: 1, trials: 1 }, required: true })).rejects.toThrow(
      `bench --browser: chromiumExecutable: expected CHROMIUM_PATH to name a Chromium executable, got ${missing}, no such file`,
    );
  });
});
