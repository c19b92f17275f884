/**
 * Two variants of the SIMD micro-kernel of gemm-wasm.ts for direct
 * convolution (see direct-conv.ts): one operand is not packed but read
 * straight from the (padded) input planes through a table of tap offsets,
 * so no im2col matrix is ever written.
 *
 * The trick: lay the output positions out with the row length of the input
 * planes (p = outRow·planeWidth + outCol). Then, for filter tap kk, the input
 * values the positions p … p+7 see are 8 CONSECUTIVE floats of the planes,
 * starting at tap[kk] + p. (Positions with outCol ≥ outWidth are computed
 * too and thrown away: a few percent of extra work for no copy at all.)
 *
 *   tapsB: C[Mp×Np] (+)= A[Mp×K] · B,  B[k][j] = mem[x + tab[k] + 4j]   (forward, input gradient)
 *   tapsA: C[Mp×Np] (+)= A · B[K×Np],  A[i][k] = mem[x + tab[i] + 4k]   (weight gradient)
 *
 * A (tapsB) and B (tapsA) are packed in panels as gemm.ts packs them; `tab`
 * holds byte offsets (i32); C is row-major with row length Np. With
 * `accumulate` ≠ 0 the sums continue from what C holds.
 */
import { FunctionBuilder, I32, V128, signature, type Signature } from './wasm-encoder.ts';

/** What each kernel adds to the shared loop nest of emitTiles. */
interface TileHooks {
  /** Sets the kernel's pointers for the tile at row panel `i`, column panel `j` (both locals). */
  setup(i: number, j: number): void;
  /** Leaves B[k][j … j+NR) in the locals `b` (NR/4 vectors). */
  loadB(b: number[]): void;
  /** Leaves A[i + r][k], splatted to four lanes, on the stack. */
  splatA(r: number): void;
  /** Moves the pointers on to the next k. */
  advance(): void;
}

/**
 * The loop nest both kernels share: for each panel j of NR columns, for each
 * panel i of MR rows, the MR×NR tile of C starts from 0 (or, with
 * `accumulate`, from C), gets K rank-1 updates in v128 locals, and is stored.
 */
function emitTiles(f: FunctionBuilder<Signature>, MR: number, NR: number, [Mp, Np, K, cPtr, accumulate]: number[], hooks: TileHooks): void {
  const j = f.local(I32, 'j'),
    i = f.local(I32, 'i'),
    cp = f.local(I32, 'cp'),
    kk = f.local(I32, 'kk'),
    rowBytes = f.local(I32, 'rowBytes');
  const acc = Array.from({ length: MR }, (_, r) => Array.from({ length: NR / 4 }, (_, v) => f.local(V128, `c${r}${v}`)));
  const b = Array.from({ length: NR / 4 }, (_, v) => f.local(V128, `b${v}`));
  const a = f.local(V128, 'a');
  const rowOfC = (r: number) => f.get(cp).get(rowBytes).i32(r).i32Mul().i32Add(); // address of row r of the tile
  f.get(Np).i32(2).i32Shl().set(rowBytes);
  f.i32(0).set(j).loop();
  f.i32(0).set(i).loop();
  hooks.setup(i, j);
  f.get(cPtr).get(i).get(Np).i32Mul().get(j).i32Add().i32(2).i32Shl().i32Add().set(cp);
  f.get(accumulate).i32Eqz().if();
  for (const row of acc) for (const v of row) f.f32Const(0).f32x4Splat().set(v);
  f.else();
  acc.forEach((row, r) =>
    row.forEach((v, q) =>
      rowOfC(r)
        .v128Load(16 * q)
        .set(v),
    ),
  );
  f.end();
  f.get(K).set(kk).loop(); // k: one rank-1 update of the tile
  hooks.loadB(b);
  acc.forEach((row, r) => {
    hooks.splatA(r);
    f.set(a);
    row.forEach((v, q) => f.get(v).get(a).get(b[q]).f32x4Mul().f32x4Add().set(v));
  });
  hooks.advance();
  f.get(kk).i32(1).i32Sub().tee(kk).brIf(0).end();
  acc.forEach((row, r) =>
    row.forEach((v, q) =>
      rowOfC(r)
        .get(v)
        .v128Store(16 * q),
    ),
  );
  f.get(i).i32(MR).i32Add().tee(i).get(Mp).i32LtU().brIf(0).end();
  f.get(j).i32(NR).i32Add().tee(j).get(Np).i32LtU().brIf(0).end();
}

/** B read from the planes at x through the tap table (forward, input gradient). */
export const TAPS_B = signature(['Mp', 'Np', 'K', 'aPtr', 'xPtr', 'tabPtr', 'cPtr', 'accumulate']);
/** A read from the planes at x through the tap table (weight gradient). */
export const TAPS_A = signature(['Mp', 'Np', 'K', 'xPtr', 'tabPtr', 'bPtr', 'cPtr', 'accumulate']);

export function emitTapsB(MR: number, NR: number): FunctionBuilder<typeof TAPS_B> {
  const f = new FunctionBuilder(TAPS_B);
  const { Mp, Np, K, aPtr, xPtr, tabPtr, cPtr, accumulate } = f.param;
  const ap = f.local(I32, 'ap'),
    tp = f.local(I32, 'tp'),
    xj = f.local(I32, 'xj'),
    xb = f.local(I32, 'xb');
  emitTiles(f, MR, NR, [Mp, Np, K, cPtr, accumulate], {
    setup(i, j) {
      f.get(aPtr).get(i).get(K).i32Mul().i32(2).i32Shl().i32Add().set(ap);
      f.get(xPtr).get(j).i32(2).i32Shl().i32Add().set(xj);
      f.get(tabPtr).set(tp);
    },
    loadB(b) {
      f.get(xj).get(tp).i32Load().i32Add().set(xb); // row k of B starts at its tap's offset
      b.forEach((v, q) =>
        f
          .get(xb)
          .v128Load(16 * q)
          .set(v),
      );
    },
    splatA: (r) => f.get(ap).v128Load32Splat(4 * r),
    advance() {
      f.get(ap)
        .i32(4 * MR)
        .i32Add()
        .set(ap);
      f.get(tp).i32(4).i32Add().set(tp);
    },
  });
  return f;
}

export function emitTapsA(MR: number, NR: number): FunctionBuilder<typeof TAPS_A> {
  const f = new FunctionBuilder(TAPS_A);
  const { Mp, Np, K, xPtr, tabPtr, bPtr, cPtr, accumulate } = f.param;
  const bp = f.local(I32, 'bp');
  const rows = Array.from({ length: MR }, (_, r) => f.local(I32, `row${r}`));
  emitTiles(f, MR, NR, [Mp, Np, K, cPtr, accumulate], {
    setup(i, j) {
      // each of the MR rows is read from the planes at its own tap offset
      rows.forEach((row, r) => f.get(xPtr).get(tabPtr).get(i).i32(r).i32Add().i32(2).i32Shl().i32Add().i32Load().i32Add().set(row));
      f.get(bPtr).get(j).get(K).i32Mul().i32(2).i32Shl().i32Add().set(bp);
    },
    loadB: (b) =>
      b.forEach((v, q) =>
        f
          .get(bp)
          .v128Load(16 * q)
          .set(v),
      ),
    splatA: (r) => f.get(rows[r]).v128Load32Splat().get(rows[r]).i32(4).i32Add().set(rows[r]),
    advance: () =>
      f
        .get(bp)
        .i32(4 * NR)
        .i32Add()
        .set(bp),
  });
  return f;
}
