/** One MNIST test digit per class (generated at build time), shared by the chapters' figures and live blocks. */
import { useEffect, useState } from 'react';
import useBaseUrl from '@docusaurus/useBaseUrl';
import { Tensor } from '@convkit/engine';
import type { MnistSample } from './mnist.ts';

let cache: Promise<MnistSample[]> | undefined;

/** The samples file (static/data/mnist-samples.json), fetched once per page. */
export function loadSamples(url: string): Promise<MnistSample[]> {
  cache ??= fetch(url).then((r) => {
    if (!r.ok) throw new Error(`fetching ${url}: HTTP ${r.status}`);
    return r.json() as Promise<MnistSample[]>;
  });
  return cache;
}

/**
 * The test digit of class `label` as a Tensor [1, 1, 28, 28] with values in 0..1, or undefined while it loads.
 * Usable in live code blocks: `const x = useDigit(7); if (!x) return 'loading…';`
 */
export function useDigit(label: number): Tensor | undefined {
  const url = useBaseUrl('/data/mnist-samples.json');
  const [digit, setDigit] = useState<Tensor>();
  useEffect(() => {
    let live = true;
    void loadSamples(url).then((samples) => {
      const s = samples.find((d) => d.label === label);
      if (live && s)
        setDigit(
          new Tensor(
            [1, 1, 28, 28],
            s.pixels.map((p) => p / 255),
          ),
        );
    });
    return () => {
      live = false;
    };
  }, [url, label]);
  return digit;
}
