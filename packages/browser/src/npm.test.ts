/**
 * The npm Chromium on this machine, as a machine without a system browser gets it: unpacked from scratch
 * (twice at once, as parallel test files do), chosen when the system paths are hidden, launched headless
 * with the offline flags and with no fontconfig setup of the machine's (its own font only), and made to
 * render a page with form controls (which aborted Chromium with the package's own fonts.conf).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { chromiumExecutable } from './find.ts';
import { launchChromium } from './launch.ts';
import { npmChromiumDir, unpackNpmChromium } from './npm.ts';

const base = mkdtempSync(join(tmpdir(), 'convkit-npm-chromium-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('the npm Chromium (@sparticuz/chromium)', () => {
  it('is unpacked from scratch once when two unpacks start together (one waits for the other), with its own NSS libraries', async () => {
    const t0 = performance.now();
    const said: string[] = [];
    const write = vi.spyOn(process.stderr, 'write').mockImplementation((line) => said.push(String(line)) > 0);
    const [a, b] = await Promise.all([unpackNpmChromium(base, false), unpackNpmChromium(base, false)]).finally(() => write.mockRestore());
    expect(said.filter((l) => l.includes('unpacking the npm Chromium'))).toHaveLength(1);
    console.log(`npm Chromium unpacked in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    expect(a).toEqual(b);
    expect(a.path).toBe(join(npmChromiumDir(base), 'chromium'));
    expect(statSync(a.path).mode & 0o111).not.toBe(0);
    expect(statSync(a.path).size).toBeGreaterThan(100e6);
    expect(existsSync(join(npmChromiumDir(base), 'lib', 'libnss3.so'))).toBe(true);
    expect(a.env.LD_LIBRARY_PATH.split(':')[0]).toBe(join(npmChromiumDir(base), 'lib'));
    if (process.env.FONTCONFIG_PATH === undefined) expect(a.env.FONTCONFIG_PATH).toBe(join(npmChromiumDir(base), 'fonts-pack'));
    expect(readFileSync(join(npmChromiumDir(base), 'fonts-pack', 'fonts.conf'), 'utf8')).toContain(
      `<dir>${join(npmChromiumDir(base), 'fonts-pack', 'fonts')}</dir>`,
    );
  }, 120_000); // seconds on an idle machine; 27 s at load average 20 on 2 cores

  it('is chosen with no system Chromium, launches headless and renders a page, offline but for 127.0.0.1', async () => {
    const executable = await chromiumExecutable({ env: {}, system: [], npm: () => unpackNpmChromium(base, false) });
    expect(executable.source).toBe('npm');
    const browser = await launchChromium({ executable });
    try {
      expect(browser.version()).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
      const page = await browser.newPage();
      // a 10×10 canvas filled rgb(255,0,0) reads back (255,0,0,255); a 40px-tall block lays out 40px tall
      await page.setContent(
        '<canvas width=10 height=10></canvas><div style="height:40px">convkit</div><textarea>x</textarea><select><option>a</option></select>',
      );
      const seen = await page.evaluate(() => {
        const g = document.querySelector('canvas')!.getContext('2d')!;
        g.fillStyle = 'rgb(255,0,0)';
        g.fillRect(0, 0, 10, 10);
        return { pixel: [...g.getImageData(5, 5, 1, 1).data], height: document.querySelector('div')!.getBoundingClientRect().height };
      });
      expect(seen).toEqual({ pixel: [255, 0, 0, 255], height: 40 });
      expect(await page.textContent('div')).toBe('convkit');
      expect(await page.inputValue('textarea')).toBe('x');
      // --host-resolver-rules: any host name but 127.0.0.1 does not resolve
      await expect(page.goto('http://example.com/')).rejects.toThrow(/ERR_NAME_NOT_RESOLVED/);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
