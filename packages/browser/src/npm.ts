/**
 * The Chromium of the npm package @sparticuz/chromium (a headless shell for Linux x64, Brotli-compressed in
 * its bin/), unpacked once per machine and version into $TMPDIR/convkit-chromium-<version>/: the browser,
 * the NSS libraries it links (lib/, so no system package is needed), SwiftShader, and a font with its
 * fontconfig file. One process at a time unpacks (a lock folder beside it; the others wait), into another
 * name that is then renamed into place, so no process ever sees half a browser. Only the package's files
 * are used, not its code (which sets up AWS Lambda and wants Node 22).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

/**
 * Our fonts.conf (the package's names /tmp/fonts): the system's font folders if any, then the package's font,
 * appended to every pattern as the last resort. Without a font for every family, headless Chromium aborts
 * (Skia's FontConfigInterface: "Not implemented") on the first form control, e.g. a <textarea>.
 */
function fontsConf(final: string): string {
  const dirs = ['/usr/share/fonts', '/usr/local/share/fonts', join(final, 'fonts-pack', 'fonts')];
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
${dirs.map((d) => `  <dir>${d}</dir>`).join('\n')}
  <cachedir>${join(final, 'fonts-cache')}</cachedir>
  <match target="pattern"><edit name="family" mode="append_last"><string>Open Sans</string></edit></match>
</fontconfig>
`;
}

/** Unpacks into `dir`, which is renamed to `final` afterwards. */
async function unpackInto(bin: string, dir: string, final: string): Promise<void> {
  const br = (name: string): Promise<Buffer> => inflate(readFileSync(join(bin, name)));
  untar(await br('al2023.tar.br'), dir, 'al2023.tar.br'); // lib/: libnss3, libnspr4, libexpat…
  untar(await br('swiftshader.tar.br'), dir, 'swiftshader.tar.br'); // beside the browser, where it looks for them
  untar(await br('fonts.tar.br'), join(dir, 'fonts-pack'), 'fonts.tar.br');
  writeFileSync(join(dir, 'fonts-pack', 'fonts.conf'), fontsConf(final));
  writeFileSync(join(dir, 'chromium'), await br('chromium.br'), { mode: 0o755 });
}

/** A lock older than this was left by a process that died (an unpack takes seconds, under a minute on a loaded machine). */
const STALE_LOCK_MS = 5 * 60_000;

/** Unpacks into a fresh folder beside `dir`, then renames it to `dir`: `dir` is complete whenever it exists. */
async function unpack(bin: string, dir: string, what: string): Promise<void> {
  const staging = mkdtempSync(`${dir}.partial-`);
  const t0 = performance.now();
  process.stderr.write(`@convkit/browser: unpacking the npm Chromium (${what}) into ${dir}, once per machine…\n`);
  try {
    await unpackInto(bin, staging, dir);
    renameSync(staging, dir);
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error(`unpacking ${what} into ${dir}: ${(e as Error).message}`, { cause: e });
  }
  process.stderr.write(`@convkit/browser: unpacked in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}

/** The folder the npm Chromium is unpacked to below `base` (it may not exist yet). */
export function npmChromiumDir(base: string = tmpdir()): string {
  return join(base, `convkit-chromium-${packageRoot().version}`);
}

/**
 * Unpacks the npm Chromium below `base` (default the OS temp folder) unless it is there already. Where the
 * machine has no fontconfig setup (`systemFonts` false), the browser gets ours through FONTCONFIG_PATH.
 */
export async function unpackNpmChromium(base: string = tmpdir(), systemFonts = existsSync('/etc/fonts/fonts.conf')): Promise<NpmChromium> {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`${PACKAGE} ships Chromium for linux x64 only, this is ${process.platform} ${process.arch}`);
  }
  const { root, version } = packageRoot();
  const dir = join(base, `convkit-chromium-${version}`);
  // One process unpacks (it holds the lock folder); the others wait for the browser to appear.
  const lock = `${dir}.lock`;
  while (!existsSync(join(dir, 'chromium'))) {
    try {
      mkdirSync(lock);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true }); // its process died while unpacking
      await new Promise((resolve) => setTimeout(resolve, 250));
      continue;
    }
    try {
      if (!existsSync(join(dir, 'chromium'))) await unpack(join(root, 'bin'), dir, `${PACKAGE} ${version}`);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  const lib = join(dir, 'lib');
  const env: Record<string, string> = { LD_LIBRARY_PATH: [lib, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':') };
  if (!systemFonts && process.env.FONTCONFIG_PATH === undefined) env.FONTCONFIG_PATH = join(dir, 'fonts-pack');
  return { path: join(dir, 'chromium'), env };
}
