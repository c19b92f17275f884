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
      text: ['W=7 F=3 S=1 P=0 -> 5', 'W=7 F=3 S=2 P=0 -> 3', 'W=32 F=5 S=1 P=0 -> 28', 'W=32 F=5 S=1 P=2 -> 32', 'W=32 F=5 S=3 P=0 -> 10'],
    },
    {
      id: 'floor-sizes',
      // ⌊(W − F + 2P)/S⌋ + 1 and (W − F + 2P) mod S by hand: ⌊4/3⌋ + 1 = 2, 4 mod 3 = 1; ⌊27/2⌋ + 1 = 14, 27 mod 2 = 1; 216/4 + 1 = 55
      text: [
        'W=7 F=3 S=3 P=0: floor 2 (last 1 column(s) never read), engine refuses',
        'W=32 F=5 S=2 P=0: floor 14 (last 1 column(s) never read), engine refuses',
        'W=227 F=11 S=4 P=0: floor 55 (last 0 column(s) never read), engine 55',
      ],
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
    {
      id: 'receptive-field',
      // r ← r + (F − 1)·j, j ← j·S from r = j = 1: conv 3 → 3; conv 3 → 5; pool 2 (S = 2) → 6, j = 2; conv 3 → 6 + 2·2 = 10
      text: ['conv 3×3: 3×3', 'conv 3×3 → conv 3×3: 5×5', 'conv 3×3 → conv 3×3 → pool 2×2: 6×6', 'conv 3×3 → conv 3×3 → pool 2×2 → conv 3×3: 10×10'],
    },
    { id: 'forward-scores', match: /^scores \[1, 10\]: (-?\d+(\.\d+)? ){9}-?\d+(\.\d+)?\nguess: \d$/ },
  ],
  '/backpropagation': [
    {
      id: 'softmax-loss',
      // ln 3 = 1.0986 and (1/3 − 1, 1/3, 1/3); scores shifted by their maximum give the same numbers; 1000 0 0 → log(1 + 2e^−1000) = 0
      text: [
        'loss = 1.0986',
        'dscores = -0.6667 0.3333 0.3333',
        'scores 1000 1000 1000: loss = 1.0986, dscores = -0.6667 0.3333 0.3333',
        'scores 1000 0 0: loss = 0, dscores = 0 0 0',
      ],
    },
    { id: 'dense-backward', text: ['dx: Tensor [1, 3]', 'dw: Tensor [3, 2]', 'db: Tensor [2]'], numbers: [1, 1, 2, 1, 1, 2, 2, 3, 3, 1, 1] },
    {
      id: 'conv-backward',
      text: ['dx: Tensor [1, 1, 3, 3]', 'dw: Tensor [1, 1, 2, 2]', 'db: Tensor [1]'],
      numbers: [1, 0, 0, 0, 1, 0, 0, 0, -2, 3, 8, 0, 3, 3],
    },
    {
      id: 'gradcheck',
      check: (t) => {
        const m = /max relative error over 108 weights: (\S+)/.exec(t);
        return m && Number(m[1]) < 1e-6 ? undefined : `expected a relative error below 1e-6 over 4·3·3·3 = 108 weights, got "${t}"`;
      },
    },
    {
      id: 'conv-backward-full',
      // (H' − 1)·S + F = 2·2 + 3 = 7 = H + 2P; the four steps must agree exactly with conv2dBackward (whole numbers, float64)
      text: ['dx [1, 2, 5, 5] from the full correlation [1, 2, 7, 7] cropped by P = 1', "max |dx − conv2dBackward's dx| = 0"],
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
    {
      id: 'momentum-steps',
      // step k of momentum on a constant gradient 1: η·(1 − μ^k)/(1 − μ) with η = 0.01, μ = 0.9 → 0.01, 0.019, 0.0651, 0.0995, → η/(1 − μ) = 0.1
      text: ['step 1: 0.01', 'step 2: 0.019', 'step 10: 0.0651', 'step 50: 0.0995', 'step 100: 0.1'],
    },
    {
      id: 'adam-steps',
      // SGD: η·g = 0.001·1000 = 1 and 0.001·0.001 = 1e-6; Adam's first step: η·g/(|g| + ε) ≈ η = 0.001 for both
      text: ['SGD: gradient 1000 -> step 1, gradient 0.001 -> step 0.000001', 'Adam: gradient 1000 -> step 0.001, gradient 0.001 -> step 0.001'],
    },
    {
      id: 'zero-init',
      check: (t) => {
        // from zeros only the last biases move, and the classes are balanced: the loss stays at ln 3, accuracy 1/3, hidden weights 0
        const zeros = /zeros: loss ([\d.]+) -> ([\d.]+), accuracy ([\d.]+), largest first-layer weight ([\d.]+)/.exec(t);
        const he = /He: loss ([\d.]+) -> ([\d.]+)/.exec(t);
        if (!zeros || !he) return `expected a He line and a zeros line, got "${t}"`;
        const [start, end, acc, weight] = zeros.slice(1).map(Number);
        if (Math.abs(start - Math.log(3)) > 0.001 || Math.abs(end - Math.log(3)) > 0.01 || Math.abs(acc - 1 / 3) > 0.001 || weight !== 0)
          return `zero init should stay at ln 3 ≈ 1.099, 1/3, 0: "${zeros[0]}"`;
        return Number(he[2]) < Number(he[1]) * 0.5 ? undefined : `He init should learn: "${he[0]}"`;
      },
    },
    {
      id: 'init-scales',
      check: (t) => {
        // RMS after layer 10 of dense(100) + ReLU from unit inputs: √(100·σ²/2)^10 → 0.0707^10 ≈ 3e-12, 0.707^10 ≈ 0.031, 1
        const last = [...t.matchAll(/layer 10: (\S+)/g)].map((m) => Number(m[1]));
        if (last.length !== 3) return `expected three lines, got "${t}"`;
        const [small, noFactor, he] = last;
        return small < 1e-10 && noFactor > 0.01 && noFactor < 0.06 && he > 0.7 && he < 1.4
          ? undefined
          : `expected ≈ 3e-12, 0.03, 1 after 10 layers, got ${last.join(', ')}`;
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
