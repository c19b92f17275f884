/** Reference solution of exercise 01 (graded by `pnpm grade --self-check`). */

/**
 * Number of positions a window of size `f` takes sliding with `stride` over an input of size `n`
 * padded with `pad` zeros on each side: (n − f + 2·pad) / stride + 1. Throws when that is not a
 * positive integer, instead of silently rounding.
 */
export function outputSize(n: number, f: number, stride: number, pad: number): number {
  const args = { n, f, stride, pad };
  for (const [name, value] of Object.entries(args)) {
    const min = name === 'pad' ? 0 : 1;
    if (!Number.isInteger(value) || value < min) {
      throw new Error(`outputSize: expected ${name} to be an integer ≥ ${min}, got ${value}`);
    }
  }
  const travel = n - f + 2 * pad;
  if (travel < 0) {
    throw new Error(`outputSize: expected f ≤ n + 2*pad = ${n + 2 * pad}, got f = ${f}`);
  }
  if (travel % stride !== 0) {
    throw new Error(
      `outputSize: expected (n - f + 2*pad) / stride + 1 to be an integer, got (${n} - ${f} + ${2 * pad}) / ${stride} + 1 = ${travel / stride + 1}`,
    );
  }
  return travel / stride + 1;
}
