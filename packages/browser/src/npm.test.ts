/**
 * The npm Chromium on this machine, as a machine without a system browser gets it: unpacked from scratch
 * (twice at once, as parallel test files do), chosen when the system paths are hidden, launched headless
 * with the offline flags, and made to render a page.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumExecutable } from './find.ts';
import { launchChromium } from './launch.ts';
import { npmChromiumDir, unpackNpmChromium } from './npm.ts';

const base = mkdtempSync(join(tmpdir(), 'convkit-npm-chromium-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('the npm Chromium (@sparticuz/chromium)', () => {
  it('is unpacked from scratch, once, by two unpacks at the same time, with its own NSS libraries', async () => {
    const t0 = performance.now();
    const [a, b] = await Promise.all([unpackNpmChromium(base), unpackNpmChromium(base)]);
    console.log(`npm Chromium unpacked in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    expect(a).toEqual(b);
    expect(a.path).toBe(join(npmChromiumDir(base), 'chromium'));
    expect(statSync(a.path).mode & 0o111).not.toBe(0);
    expect(statSync(a.path).size).toBeGreaterThan(100e6);
    expect(existsSync(join(npmChromiumDir(base), 'lib', 'libnss3.so'))).toBe(true);
    expect(a.env.LD_LIBRARY_PATH.split(':')[0]).toBe(join(npmChromiumDir(base), 'lib'));
  }, 60_000);

  it('is chosen with no system Chromium, launches headless and renders a page, offline but for 127.0.0.1', async () => {
    const executable = await chromiumExecutable({ env: {}, system: [], npm: () => unpackNpmChromium(base) });
    expect(executable.source).toBe('npm');
    const browser = await launchChromium({ executable });
    try {
      expect(browser.version()).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
      const page = await browser.newPage();
      // a 10×10 canvas filled rgb(255,0,0) reads back (255,0,0,255); a 40px-tall block lays out 40px tall
      await page.setContent('<canvas width=10 height=10></canvas><div style="height:40px">convkit</div>');
      const seen = await page.evaluate(() => {
        const g = document.querySelector('canvas')!.getContext('2d')!;
        g.fillStyle = 'rgb(255,0,0)';
        g.fillRect(0, 0, 10, 10);
        return { pixel: [...g.getImageData(5, 5, 1, 1).data], height: document.querySelector('div')!.getBoundingClientRect().height };
      });
      expect(seen).toEqual({ pixel: [255, 0, 0, 255], height: 40 });
      expect(await page.textContent('div')).toBe('convkit');
      // --host-resolver-rules: any host name but 127.0.0.1 does not resolve
      await expect(page.goto('http://example.com/')).rejects.toThrow(/ERR_NAME_NOT_RESOLVED/);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
