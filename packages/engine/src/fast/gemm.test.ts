import { describe, expect, it, afterAll } from 'vitest';
import { Rng } from '../random.ts';
import { gemm, kernelSet, matrix, setGemmBackend, transposed, type MatrixView } from './gemm.ts';
import { sleb, uleb } from './wasm-encoder.ts';

/** The textbook triple loop in float64: the independent reference. */
function naiveProduct(M: number, N: number, K: number, a: MatrixView, b: MatrixView): Float64Array {
  const c = new Float64Array(M * N);
  const at = (v: MatrixView, i: number, j: number): number => v.data[v.offset + i * v.rowStride + j * v.colStride];
  for (let i = 0; i < M; i++)
    for (let j = 0; j < N; j++) {
      let s = 0;
      for (let k = 0; k < K; k++) s += at(a, i, k) * at(b, k, j);
      c[i * N + j] = s;
    }
  return c;
}

function randomArray(rng: Rng, n: number): Float32Array {
  return Float32Array.from({ length: n }, () => rng.normal());
}

function maxScaledError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  let diff = 0,
    scale = 1e-12;
  for (let i = 0; i < expected.length; i++) {
    diff = Math.max(diff, Math.abs(actual[i] - expected[i]));
    scale = Math.max(scale, Math.abs(expected[i]));
  }
  return diff / scale;
}

// (M, N, K): ragged edges (not multiples of the 4×8 tile), K = 1, and K > 256 (several K blocks).
// biome-ignore format: a tensor literal, kept on one line
const shapes: [number, number, number][] = [[1, 1, 1], [3, 5, 7], [4, 8, 16], [13, 29, 1], [33, 17, 300], [64, 100, 600], [7, 130, 513]];

// biome-ignore format: a tensor literal, kept on one line
describe.each(['auto', 'typescript'] as const)('gemm (backend %s)', (choice) => {
  setGemmBackend(choice);
  afterAll(() => setGemmBackend('auto'));

  it(`runs on the expected backend`, () => {
    setGemmBackend(choice);
    // Node 20 has WebAssembly SIMD, so 'auto' must pick it here.
    expect(kernelSet().name).toBe(choice === 'auto' ? 'wasm-simd' : 'ts');
  });

  for (const [M, N, K] of shapes) {
    for (const [ta, tb] of [[false, false], [true, false], [false, true], [true, true]]) {
      it(`C[${M}×${N}] = A${ta ? 'ᵀ' : ''}·B${tb ? 'ᵀ' : ''} with K=${K}`, () => {
        setGemmBackend(choice);
        const rng = new Rng(M * 1000 + N * 10 + K);
        const aData = randomArray(rng, M * K + 3), bData = randomArray(rng, K * N + 5);
        // Stored transposed when ta/tb, then viewed back: exercises the strided packing. Offsets 3 and 5 too.
        const a = ta ? transposed(matrix(aData, M, 3)) : matrix(aData, K, 3);
        const b = tb ? transposed(matrix(bData, K, 5)) : matrix(bData, N, 5);
        const expected = naiveProduct(M, N, K, a, b);
        const c = new Float32Array(M * N + 2).fill(Number.NaN);
        gemm(M, N, K, a, b, { data: c, offset: 2, rowStride: N });
        expect(maxScaledError(c.subarray(2), expected)).toBeLessThan(1e-5);
        expect(Number.isNaN(c[0]) && Number.isNaN(c[1])).toBe(true); // nothing written before the offset
      });
    }
  }

  it('accumulate adds A·B to C; rowStride leaves the gap columns untouched: C[5×6] in a 5×9 buffer, K=40', () => {
    setGemmBackend(choice);
    const rng = new Rng(7);
    const [M, N, K, ld] = [5, 6, 40, 9];
    const a = matrix(randomArray(rng, M * K), K), b = matrix(randomArray(rng, K * N), N);
    const product = naiveProduct(M, N, K, a, b);
    const c = randomArray(rng, M * ld);
    const before = c.slice();
    gemm(M, N, K, a, b, { data: c, offset: 0, rowStride: ld }, true);
    for (let i = 0; i < M; i++) for (let j = 0; j < ld; j++) {
      const want = j < N ? before[i * ld + j] + product[i * N + j] : before[i * ld + j];
      expect(c[i * ld + j]).toBeCloseTo(want, 4);
    }
  });

  it('K=0 gives zeros (an empty sum), or leaves C as is when accumulating', () => {
    setGemmBackend(choice);
    const c = new Float32Array([1, 2, 3, 4]);
    const empty = matrix(new Float32Array(0), 0);
    gemm(2, 2, 0, empty, matrix(new Float32Array(0), 2), { data: c, offset: 0, rowStride: 2 }, true);
    expect([...c]).toEqual([1, 2, 3, 4]);
    gemm(2, 2, 0, empty, matrix(new Float32Array(0), 2), { data: c, offset: 0, rowStride: 2 });
    expect([...c]).toEqual([0, 0, 0, 0]);
  });
});

describe('wasm encoder LEB128 (values from the DWARF/Wikipedia LEB128 examples)', () => {
  it('unsigned: 624485 → e5 8e 26, 0 → 00, 127 → 7f, 128 → 80 01', () => {
    expect(uleb(624485)).toEqual([0xe5, 0x8e, 0x26]);
    expect(uleb(0)).toEqual([0x00]);
    expect(uleb(127)).toEqual([0x7f]);
    expect(uleb(128)).toEqual([0x80, 0x01]);
  });
  it('signed: -123456 → c0 bb 78, 64 → c0 00, -1 → 7f', () => {
    expect(sleb(-123456)).toEqual([0xc0, 0xbb, 0x78]);
    expect(sleb(64)).toEqual([0xc0, 0x00]);
    expect(sleb(-1)).toEqual([0x7f]);
  });
});
