/**
 * The exercises in teaching order: the one list the grader (`pnpm grade`), the hints (`pnpm hint`)
 * and the course site read. Browser-safe (no Node imports) so the docs can import it.
 */

export interface Exercise {
  /** Folder name and the id students type: `pnpm grade 02-conv-forward`. */
  readonly id: string;
  readonly title: string;
  /** Points for passing every test; each test earns its share. */
  readonly points: number;
  /** The functions the student writes, named and typed as in the engine's functional API. */
  readonly functions: readonly string[];
  /** The file the student edits, relative to `exercises/`. */
  readonly file: string;
  /** The instructions, relative to `exercises/`. */
  readonly readme: string;
  /** Progressive hints, shown one at a time by `pnpm hint <id>` (the only copy of the hints). */
  readonly hints: readonly string[];
  /**
   * Time limit of ONE call of a student function (for the capstone: the whole training run), in CPU
   * time of the sandbox, so that a busy machine does not fail correct code.
   */
  readonly timeLimitMs: number;
  /** Memory limit of the sandbox process that runs the student's code. */
  readonly memoryLimitMb: number;
}

const folder = (id: string, file: string) => ({ id, file: `${id}/${file}`, readme: `${id}/README.md` });

export const exercises: readonly Exercise[] = [
  {
    ...folder('01-output-size', 'output-size.ts'),
    title: 'Output size of a sliding window',
    points: 5,
    functions: ['outputSize'],
    hints: [
      'Padding adds `pad` zeros on BOTH sides, so the input the window slides over has size n + 2·pad.',
      'The window starts at position 0 and its last start is n + 2·pad − f. Count the starts: (n + 2·pad − f) / stride + 1.',
      'Check the division before returning: `(n - f + 2 * pad) % stride !== 0` means the last window would hang over the edge — throw an Error instead of rounding.',
      'Also throw when f > n + 2·pad (the window does not fit at all) and when an argument is not an integer (stride ≥ 1, pad ≥ 0).',
    ],
    timeLimitMs: 2000,
    memoryLimitMb: 256,
  },
  {
    ...folder('02-conv-forward', 'conv-forward.ts'),
    title: 'Convolution forward pass',
    points: 15,
    functions: ['conv2dForward'],
    hints: [
      'Get the output size first: H\' = outputSize(H, HH, stride, pad), W\' = outputSize(W, WW, stride, pad). Allocate `new Tensor([N, F, Hp, Wp], undefined, x.dtype)`.',
      'Write one loop per index of the output: n, f, i (output row), j (output column). Each output value starts from the bias b[f].',
      'Inside, loop over the window: c (channel), p (row inside the filter), q (column inside the filter). The input row is i·stride − pad + p, the input column j·stride − pad + q.',
      'A position outside the input is a padding zero: skip it with `continue` instead of building a padded copy.',
      'Read values with `x.data[index4(x.shape, n, c, row, col)]` and `w.data[index4(w.shape, f, c, p, q)]`.',
    ],
    timeLimitMs: 3000,
    memoryLimitMb: 512,
  },
  {
    ...folder('03-max-pool-forward', 'max-pool-forward.ts'),
    title: 'Max pooling forward pass',
    points: 10,
    functions: ['maxPool2dForward'],
    hints: [
      'Pooling works on each channel separately: the output has the same N and C, and H\' = (H − size)/stride + 1 (no padding).',
      'For each output (n, c, i, j) the window covers rows i·stride … i·stride + size − 1 and the same for columns.',
      'Start the running maximum at -Infinity, not at 0: every value of a window may be negative.',
    ],
    timeLimitMs: 3000,
    memoryLimitMb: 512,
  },
  {
    ...folder('04-flatten-dense', 'flatten-dense.ts'),
    title: 'Flatten and dense forward pass',
    points: 10,
    functions: ['flattenForward', 'denseForward'],
    hints: [
      'Row-major order already stores each example\'s C·H·W values next to each other: flattening only changes the shape to [N, C·H·W]. Copy the data (`x.data.slice()`) so the output does not share memory with x.',
      'Dense: out[n, m] = b[m] + Σ_d x[n, d] · w[d, m]. The flat index of (n, d) in an [N, D] tensor is n·D + d.',
      'Keep the dtype of x: `new Tensor([N, M], undefined, x.dtype)`.',
    ],
    timeLimitMs: 3000,
    memoryLimitMb: 512,
  },
  {
    ...folder('05-backprop', 'backprop.ts'),
    title: 'Backprop through dense, ReLU and softmax cross-entropy',
    points: 15,
    functions: ['denseBackward', 'reluBackward', 'softmaxCrossEntropy'],
    hints: [
      'ReLU: dx = dout where x > 0, else 0 (at exactly 0 the kit takes slope 0).',
      'Dense: out = x·w + b, so dx = dout·wᵀ [N, D], dw = xᵀ·dout [D, M], and db[m] = Σ_n dout[n, m].',
      'Softmax: subtract each row\'s maximum before `Math.exp` so it never overflows; it does not change the probabilities.',
      'Loss = mean over rows of log Σ_k exp(s_k − max) − (s_y − max). dscores = (softmax − onehot(label)) / N.',
    ],
    timeLimitMs: 3000,
    memoryLimitMb: 512,
  },
  {
    ...folder('06-max-pool-backward', 'max-pool-backward.ts'),
    title: 'Max pooling backward pass',
    points: 10,
    functions: ['maxPool2dBackward'],
    hints: [
      'Only the input that was the maximum of a window influenced the output: the whole gradient of that output goes to it, the others get 0.',
      'Find the position of the maximum again, scanning the window row by row; update the best position only when a value is strictly greater, so a tie keeps the FIRST maximum.',
      'Use += when writing into dx: when windows overlap (stride < size) one input can be the maximum of several windows.',
    ],
    timeLimitMs: 3000,
    memoryLimitMb: 512,
  },
  {
    ...folder('07-conv-backward', 'conv-backward.ts'),
    title: 'Convolution backward pass',
    points: 20,
    functions: ['conv2dBackward'],
    hints: [
      'Start from your forward pass: the same six loops visit every product x[n,c,row,col]·w[f,c,p,q] that went into out[n,f,i,j].',
      'For each of those products, with g = dout[n,f,i,j]: dx[n,c,row,col] += g·w[f,c,p,q] and dw[f,c,p,q] += g·x[n,c,row,col].',
      'db[f] is the sum of dout[n, f, i, j] over n, i and j.',
      'Skip padding positions exactly as in the forward pass: they are not part of x, so they get no gradient.',
    ],
    timeLimitMs: 3000,
    memoryLimitMb: 512,
  },
  {
    ...folder('08-sgd-momentum', 'sgd-momentum.ts'),
    title: 'Mini-batch SGD with momentum',
    points: 5,
    functions: ['sgdMomentumStep'],
    hints: [
      'Each parameter tensor has its own velocity tensor of the same shape; work element by element.',
      'First the velocity: v ← momentum·v − lr·g. Then the parameter: p ← p + v (with the NEW v).',
      'Return new tensors: do not write into the params, grads or velocities you were given.',
    ],
    timeLimitMs: 3000,
    memoryLimitMb: 512,
  },
  {
    ...folder('09-capstone', 'capstone.ts'),
    title: 'Capstone: train your own CNN on MNIST',
    points: 10,
    functions: ['trainAndPredict'],
    hints: [
      'Keep it small, naive loops are slow: 2×2 max pool the 28×28 images to 14×14 first, then conv 3×3 with 16 filters and pad 1 → ReLU → 2×2 max pool → flatten → dense 784 → 10.',
      'Train on mini-batches of 32 images with your sgdMomentumStep (lr ≈ 0.03, momentum 0.9) for 2–3 epochs; shuffle the order each epoch with `rng.shuffle(...)`.',
      'Initialise weights with `heNormal(shape, fanIn, rng, \'float64\')` and biases with zeros; watch the loss go down before tuning anything else.',
      'Keep an eye on the clock: between batches compare the CPU time you used (`process.cpuUsage()`, user + system in µs) with `options.timeBudgetMs` and stop training early rather than run out of time.',
    ],
    timeLimitMs: 180_000,
    memoryLimitMb: 1536,
  },
];

/** The exercise with this id, or the one whose number or slug matches (`2`, `02`, `conv-forward`). */
export function findExercise(query: string): Exercise | undefined {
  const q = query.trim().replace(/\/+$/, '').replace(/^exercises\//, '');
  return exercises.find((e) => e.id === q || e.id.slice(3) === q || Number(e.id.slice(0, 2)) === Number(q));
}
