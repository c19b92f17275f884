/**
 * What every live example must show, worked out by hand in the chapter text (not copied from the engine's
 * output). `numbers` compares the printed numbers of a tensor (after removing `Tensor [..] dtype` headers
 * and `[n, c]:` slice labels); `text` must appear verbatim; `match` is a pattern; `check` a property.
 */
export interface LiveExpectation {
  id: string;
  text?: string[];
  numbers?: number[];
  match?: RegExp;
  check?: (text: string) => string | undefined;
}

/** Blocks that fail on purpose, to show the engine's error inline: page → substrings of the error. */
export const INTENDED_ERRORS: Record<string, string[][]> = {
  '/stride-and-padding': [['(32 - 5 + 0) / 2 + 1 = 14.5', 'not an integer']],
  '/architecture': [['layer 6 (Conv2D)']],
};

export const LIVE: Record<string, LiveExpectation[]> = {
  '/': [{ id: 'intro-size', text: ['shape [1, 3, 32, 32] holds 3072 numbers'] }],
  '/volumes': [
    { id: 'volumes-index', text: ['index4 = 39, x.get(0, 2, 1, 3) = 39'] },
    { id: 'volumes-digit-shape', match: /^shape \[1, 1, 28, 28\], mean brightness 0\.\d+$/ },
  ],
  '/local-connectivity': [
    { id: 'neuron', text: ['z = -0.5, y = relu(z) = 0'] },
    { id: 'conv-map', text: ['Tensor [1, 1, 3, 3]'], numbers: [9, 19, 21, 11, 9, 19, 21, 11, 9] },
  ],
  '/stride-and-padding': [
    {
      id: 'sizes',
      text: ['N=7 F=3 S=1 P=0 -> 5', 'N=7 F=3 S=2 P=0 -> 3', 'N=32 F=5 S=1 P=0 -> 28', 'N=32 F=5 S=1 P=2 -> 32', 'N=32 F=5 S=3 P=0 -> 10'],
    },
    { id: 'strided-conv', text: ['Tensor [1, 1, 3, 3]'], numbers: [4, 6, 4, 6, 9, 6, 4, 6, 4] },
  ],
  '/depth-and-filters': [
    { id: 'two-filters', text: ['Tensor [1, 2, 2, 2]'], numbers: [4, 0, 0, 4, 3, 4, 4, 3] },
    { id: 'blur-shape', text: ['output [1, 1, 28, 28]'] },
  ],
  '/pooling': [
    { id: 'max-pool', text: ['Tensor [1, 1, 2, 2]'], numbers: [6, 8, 3, 4] },
    { id: 'pool-digit-shape', text: ['[1, 1, 28, 28] → [1, 1, 14, 14]'] },
  ],
  '/flattening': [
    { id: 'flatten', text: ['small: [1, 8] 1 2 3 4 5 6 7 8', 'big: [1, 5120]'] },
    { id: 'dense', text: ['Tensor [1, 2]'], numbers: [4.5, 4] },
  ],
  '/architecture': [
    {
      id: 'architecture-summary',
      // sizes from (N − F + 2P)/S + 1 and parameter counts T·(F·F·C + 1), D·M + M, as in the chapter's table
      match: /24×24×8\s+208[\s\S]*12×12×8\s+0[\s\S]*8×8×16\s+3,216[\s\S]*4×4×16\s+0[\s\S]*256\s+0[\s\S]*10\s+2,570[\s\S]*Total params: 5,994/,
    },
    { id: 'forward-scores', match: /^scores \[1, 10\]: (-?\d+(\.\d+)? ){9}-?\d+(\.\d+)?\nguess: \d$/ },
  ],
  '/backpropagation': [
    { id: 'softmax-loss', text: ['loss = 1.0986', 'dscores = -0.6667 0.3333 0.3333'] },
    { id: 'dense-backward', text: ['dx: Tensor [1, 3]', 'dw: Tensor [3, 2]', 'db: Tensor [2]'], numbers: [1, 1, 2, 1, 1, 2, 2, 3, 3, 1, 1] },
    { id: 'conv-backward', text: ['dx: Tensor [1, 1, 3, 3]', 'dw: Tensor [1, 1, 2, 2]', 'db: Tensor [1]'], numbers: [1, 0, 0, 0, 1, 0, 0, 0, -2, 3, 8, 0, 3, 3] },
    {
      id: 'gradcheck',
      check: (t) => {
        const m = /max relative error over 108 weights: (\S+)/.exec(t);
        return m && Number(m[1]) < 1e-6 ? undefined : `expected a relative error below 1e-6 over 4·3·3·3 = 108 weights, got "${t}"`;
      },
    },
    { id: 'pool-backward', text: ['Tensor [1, 1, 4, 4]'], numbers: [0, 0, 0, 0, 0, 1, 0, 2, 3, 0, 0, 0, 0, 0, 0, 4] },
  ],
  '/gradient-descent': [
    {
      id: 'gd-final',
      check: (t) => {
        const runs = [...t.matchAll(/batch (\d+): loss ([\d.]+) -> ([\d.]+)/g)];
        if (runs.length !== 3) return `expected 3 runs, got "${t}"`;
        const bad = runs.filter((r) => !(Number(r[3]) < Number(r[2]) * 0.7));
        return bad.length ? `expected every run's loss to fall by 30%+, got ${bad.map((r) => r[0]).join('; ')}` : undefined;
      },
    },
  ],
};

/** The numbers of a printed tensor, without its headers and slice labels. */
export function numbersOf(text: string): number[] {
  return text
    .replace(/Tensor \[[^\]]*\] \w+/g, ' ')
    .replace(/^\[[\d, ]*\]:$/gm, ' ')
    .replace(/\b(dx|dw|db):/g, ' ')
    .split(/\s+/)
    .filter((s) => s !== '')
    .map(Number);
}
