/**
 * Names the common mistakes from the values alone: a constant factor (N×, ½×, the batch size), a
 * flipped sign, a transposed matrix, a window shifted by one position, differences only at the
 * border (padding), or only in one example or channel. Each test returns a sentence in plain words,
 * or null; {@link diagnose} returns the first that fits. Pure functions of the numbers (no engine),
 * so the in-browser grader can use them too.
 */

/** Values that agree to within `rtol` relative to the larger magnitude (and `atol` absolutely). */
const close = (a: number, b: number, rtol: number, atol: number): boolean => Math.abs(a - b) <= Math.max(atol, rtol * Math.max(Math.abs(a), Math.abs(b)));

function maxAbs(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) m = Math.max(m, Math.abs(values[i]));
  return m;
}

/** `k` when `x` is (very nearly) the integer k, else null. */
function nearInteger(x: number): number | null {
  const k = Math.round(x);
  return k !== 0 && Math.abs(x - k) <= 1e-6 * Math.abs(k) ? k : null;
}

/** The strides of a row-major shape. */
function strides(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length).fill(1);
  for (let d = shape.length - 2; d >= 0; d--) s[d] = s[d + 1] * shape[d + 1];
  return s;
}

function ratioWords(r: number, shape: readonly number[]): string | null {
  const every = shape.length === 0 ? 'your value' : 'every value';
  const n = shape.length >= 2 ? shape[0] : undefined;
  if (close(r, -1, 1e-6, 0))
    return `${every} has the opposite sign of the expected one (sign flipped: a subtraction the wrong way round, e.g. y − p instead of p − y, or a + that should be a −?)`;
  const k = nearInteger(r);
  const inv = nearInteger(1 / r);
  const sign = r < 0 ? ' and with the opposite sign' : '';
  if (k !== null && Math.abs(k) >= 2) {
    const batch =
      n !== undefined && n === Math.abs(k) && n > 1
        ? ` ${Math.abs(k)} is the batch size N: did you forget to divide by N (average over the batch)?`
        : ' Is something added twice, or a factor missing?';
    return `${every} is exactly ${Math.abs(k)}× the expected one${sign}.${batch}`;
  }
  if (inv !== null && Math.abs(inv) >= 2) {
    const frac = Math.abs(inv) === 2 ? '½' : `1/${Math.abs(inv)}`;
    const batch =
      n !== undefined && n === Math.abs(inv) && n > 1
        ? ` ${Math.abs(inv)} is the batch size N: did you average over the batch where the expected value is a sum (or divide by N twice)?`
        : ' Is a factor divided twice, or a sum taken as a mean?';
    return `${every} is exactly ${frac} of the expected one (${frac}×)${sign}.${batch}`;
  }
  return null;
}

/** A constant ratio between actual and expected values (the same factor everywhere). */
export function constantFactor(expected: ArrayLike<number>, actual: ArrayLike<number>, shape: readonly number[]): string | null {
  const scale = maxAbs(expected);
  if (scale === 0 || expected.length < 1) return null;
  const atol = 1e-9 * scale;
  let r: number | null = null;
  let support = 0;
  for (let i = 0; i < expected.length; i++) {
    if (Math.abs(expected[i]) <= atol) {
      if (Math.abs(actual[i]) > 1e-6 * maxAbs(actual) + atol) return null;
      continue;
    }
    const q = actual[i] / expected[i];
    if (r === null) r = q;
    else if (!close(q, r, 1e-6, 0)) return null;
    support++;
  }
  if (r === null || support < 1 || close(r, 1, 1e-6, 0)) return null;
  return ratioWords(r, shape);
}

/** The last two axes swapped: for a square matrix (or square last two axes), actual ≈ expectedᵀ. */
export function transposed(expected: ArrayLike<number>, actual: ArrayLike<number>, shape: readonly number[], tolerance: number): string | null {
  if (shape.length < 2) return null;
  const R = shape[shape.length - 2];
  const C = shape[shape.length - 1];
  if (R !== C || R < 2) return null;
  const atol = 1e-9 * maxAbs(expected);
  let symmetric = true;
  for (let base = 0; base < expected.length; base += R * C) {
    for (let i = 0; i < R; i++) {
      for (let j = 0; j < C; j++) {
        if (!close(actual[base + i * C + j], expected[base + j * C + i], tolerance, atol)) return null;
        if (!close(expected[base + i * C + j], expected[base + j * C + i], tolerance, atol)) symmetric = false;
      }
    }
  }
  if (symmetric) return null;
  return `your values are the TRANSPOSE of the expected ones (rows and columns swapped): check the order of the two last indices${shape.length > 2 ? ' (row, column)' : ''}, e.g. xᵀ·dout instead of doutᵀ·x`;
}

/** An expected tensor of shape [A, B] and a returned one of shape [B, A] holding its transpose. */
export function transposedShape(
  expected: ArrayLike<number>,
  expectedShape: readonly number[],
  actual: ArrayLike<number>,
  actualShape: readonly number[],
  tolerance: number,
): string | null {
  if (expectedShape.length !== 2 || actualShape.length !== 2) return null;
  const [A, B] = expectedShape;
  if (actualShape[0] !== B || actualShape[1] !== A || A === B || actual.length !== A * B) return null;
  const atol = 1e-9 * maxAbs(expected);
  for (let i = 0; i < A; i++) for (let j = 0; j < B; j++) if (!close(actual[j * A + i], expected[i * B + j], tolerance, atol)) return null;
  return `your values are the TRANSPOSE of the expected [${A}, ${B}] tensor: swap the two indices (e.g. xᵀ·dout [D, M], not doutᵀ·x [M, D])`;
}

const AXIS_NAMES = ['H (rows)', 'W (columns)'];

/** actual[..., i, j] ≈ expected[..., i+di, j+dj] for a shift by one along one of the last two axes. */
export function shiftedWindow(expected: ArrayLike<number>, actual: ArrayLike<number>, shape: readonly number[], tolerance: number): string | null {
  if (shape.length < 2) return null;
  const H = shape[shape.length - 2];
  const W = shape[shape.length - 1];
  const atol = 1e-9 * maxAbs(expected);
  for (const [axis, di, dj] of [
    [0, 1, 0],
    [0, -1, 0],
    [1, 0, 1],
    [1, 0, -1],
  ] as const) {
    if ((axis === 0 ? H : W) < 3) continue;
    let compared = 0;
    let ok = true;
    for (let base = 0; base < expected.length && ok; base += H * W) {
      for (let i = 0; i < H && ok; i++) {
        for (let j = 0; j < W && ok; j++) {
          const si = i + di;
          const sj = j + dj;
          if (si < 0 || si >= H || sj < 0 || sj >= W) continue;
          if (!close(actual[base + i * W + j], expected[base + si * W + sj], tolerance, atol)) ok = false;
          compared++;
        }
      }
    }
    if (ok && compared >= 2) {
      const d = axis === 0 ? di : dj;
      return `your output is the expected one shifted by one position along ${AXIS_NAMES[axis]} (yours[${axis === 0 ? 'i' : 'j'}] = expected[${axis === 0 ? 'i' : 'j'} ${d > 0 ? '+' : '−'} 1]): an off-by-one in where a window starts (i·stride − pad)?`;
    }
  }
  return null;
}

/** Indices (flat) where the values differ. */
function differing(expected: ArrayLike<number>, actual: ArrayLike<number>, tolerance: number): number[] {
  const atol = 1e-9 * maxAbs(expected);
  const out: number[] = [];
  for (let i = 0; i < expected.length; i++) if (!close(actual[i], expected[i], tolerance, atol)) out.push(i);
  return out;
}

/** Every difference on the border of the last two axes (row 0 or H−1, column 0 or W−1) and none inside. */
export function borderOnly(diff: readonly number[], shape: readonly number[]): string | null {
  if (shape.length < 2 || diff.length === 0) return null;
  const H = shape[shape.length - 2];
  const W = shape[shape.length - 1];
  if (H < 3 || W < 3) return null;
  const onBorder = (flat: number): boolean => {
    const j = flat % W;
    const i = Math.floor(flat / W) % H;
    return i === 0 || i === H - 1 || j === 0 || j === W - 1;
  };
  return diff.every(onBorder)
    ? 'only values at the border differ, the inside is right: the padding is probably wrong (positions outside the input count as zeros and are skipped, on every side)'
    : null;
}

/** Every difference in one example (axis 0) or one channel (axis 1) of a tensor with several. */
export function oneSlice(diff: readonly number[], shape: readonly number[]): string | null {
  if (shape.length < 2 || diff.length === 0) return null;
  const s = strides(shape);
  const names = shape.length === 4 ? ['example n', 'channel c'] : ['row (example) n', 'column'];
  for (const axis of [0, 1]) {
    const size = shape[axis];
    if (size < 2 || axis >= shape.length - (shape.length === 2 ? 0 : 2)) continue;
    const at = (flat: number): number => Math.floor(flat / s[axis]) % size;
    const k = at(diff[0]);
    if (!diff.every((f) => at(f) === k)) continue;
    const which = k === size - 1 ? `the last ${names[axis]} = ${k}` : k === 0 ? `the first ${names[axis]} = 0` : `${names[axis]} = ${k}`;
    const bound = (shape.length === 4 ? ['N', 'C'] : ['N', 'M'])[axis];
    const hint =
      k === size - 1
        ? ` (a loop bound: < ${bound}, not < ${bound} − 1? or a value carried over from the one before?)`
        : k === 0
          ? ' (something left over from initialisation?)'
          : '';
    return `only ${which} of ${size} is wrong, the others are right${hint}`;
  }
  return null;
}

/**
 * A mistake the values alone cannot show, named when the answer equals what it computes on the same
 * inputs (a spec's `mistakes`): a true convolution, i.e. cross-correlation with the kernel rotated 180°.
 */
export const FLIPPED_KERNEL =
  'you computed a true convolution, with the kernel rotated 180° (flipped top to bottom and left to right): ' +
  'a CNN layer slides the kernel as it is (cross-correlation): out[i, j] = Σ x[i·stride − pad + p, j·stride − pad + q] · w[p, q], ' +
  'not w[HH − 1 − p, WW − 1 − q]';

/**
 * The first mistake pattern that fits, as a sentence; null when none does. `expected` and `actual`
 * have the same shape (row-major).
 */
export function diagnose(expected: ArrayLike<number>, actual: ArrayLike<number>, shape: readonly number[], tolerance: number): string | null {
  const factor = constantFactor(expected, actual, shape);
  if (factor) return factor;
  const t = transposed(expected, actual, shape, tolerance);
  if (t) return t;
  const shifted = shiftedWindow(expected, actual, shape, tolerance);
  if (shifted) return shifted;
  const diff = differing(expected, actual, tolerance);
  return borderOnly(diff, shape) ?? oneSlice(diff, shape);
}
