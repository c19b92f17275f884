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
import { FunctionBuilder, I32, V128 } from './wasm-encoder.ts';

interface Tile {
  f: FunctionBuilder;
  acc: number[][];
  /** Byte stride between rows of C. */
  rowBytes: number;
}

function declareTile(f: FunctionBuilder, MR: number, NR: number): Tile {
  const acc: number[][] = [];
  for (let r = 0; r < MR; r++) acc.push(Array.from({ length: NR / 4 }, () => f.local(V128)));
  return { f, acc, rowBytes: f.local(I32) };
}

/** acc = accumulate ? C tile at cp : 0 */
function loadTile({ f, acc, rowBytes }: Tile, cp: number, accumulate: number): void {
  f.get(accumulate).i32Eqz().if();
  for (const row of acc) for (const v of row) f.f32Const(0).f32x4Splat().set(v);
  f.else();
  acc.forEach((row, r) => row.forEach((v, q) => f.get(cp).get(rowBytes).i32(r).i32Mul().i32Add().v128Load(16 * q).set(v)));
  f.end();
}

function storeTile({ f, acc, rowBytes }: Tile, cp: number): void {
  acc.forEach((row, r) => row.forEach((v, q) => f.get(cp).get(rowBytes).i32(r).i32Mul().i32Add().get(v).v128Store(16 * q)));
}

/** tapsB(Mp, Np, K, aPtr, xPtr, tabPtr, cPtr, accumulate) */
export function emitTapsB(MR: number, NR: number): FunctionBuilder {
  const f = new FunctionBuilder(8);
  const [Mp, Np, K, aPtr, xPtr, tabPtr, cPtr, accumulate] = [0, 1, 2, 3, 4, 5, 6, 7];
  const j = f.local(I32), i = f.local(I32), ap = f.local(I32), tp = f.local(I32), xj = f.local(I32);
  const cp = f.local(I32), kk = f.local(I32), xb = f.local(I32);
  const tile = declareTile(f, MR, NR);
  const b = Array.from({ length: NR / 4 }, () => f.local(V128));
  const a = f.local(V128);
  f.get(Np).i32(2).i32Shl().set(tile.rowBytes);
  f.i32(0).set(j);
  f.loop(); // j: panels of NR output positions
  f.i32(0).set(i);
  f.loop(); // i: panels of MR rows of A
  f.get(aPtr).get(i).get(K).i32Mul().i32(2).i32Shl().i32Add().set(ap);
  f.get(xPtr).get(j).i32(2).i32Shl().i32Add().set(xj);
  f.get(cPtr).get(i).get(Np).i32Mul().get(j).i32Add().i32(2).i32Shl().i32Add().set(cp);
  f.get(tabPtr).set(tp);
  loadTile(tile, cp, accumulate);
  f.get(K).set(kk);
  f.loop(); // k: one rank-1 update of the tile
  f.get(xj).get(tp).i32Load().i32Add().set(xb);
  b.forEach((v, q) => f.get(xb).v128Load(16 * q).set(v));
  tile.acc.forEach((row, r) => {
    f.get(ap).v128Load32Splat(4 * r).set(a);
    row.forEach((v, q) => f.get(v).get(a).get(b[q]).f32x4Mul().f32x4Add().set(v));
  });
  f.get(ap).i32(4 * MR).i32Add().set(ap);
  f.get(tp).i32(4).i32Add().set(tp);
  f.get(kk).i32(1).i32Sub().tee(kk).brIf(0);
  f.end();
  storeTile(tile, cp);
  f.get(i).i32(MR).i32Add().tee(i).get(Mp).i32LtU().brIf(0);
  f.end();
  f.get(j).i32(NR).i32Add().tee(j).get(Np).i32LtU().brIf(0);
  f.end();
  return f;
}

/** tapsA(Mp, Np, K, xPtr, tabPtr, bPtr, cPtr, accumulate) */
export function emitTapsA(MR: number, NR: number): FunctionBuilder {
  const f = new FunctionBuilder(8);
  const [Mp, Np, K, xPtr, tabPtr, bPtr, cPtr, accumulate] = [0, 1, 2, 3, 4, 5, 6, 7];
  const j = f.local(I32), i = f.local(I32), bp = f.local(I32), cp = f.local(I32), kk = f.local(I32);
  const rows = Array.from({ length: MR }, () => f.local(I32));
  const tile = declareTile(f, MR, NR);
  const b = Array.from({ length: NR / 4 }, () => f.local(V128));
  const a = f.local(V128);
  f.get(Np).i32(2).i32Shl().set(tile.rowBytes);
  f.i32(0).set(j);
  f.loop(); // j: panels of NR columns of B
  f.i32(0).set(i);
  f.loop(); // i: panels of MR rows, each row read from the planes at its tap offset
  rows.forEach((row, r) => f.get(xPtr).get(tabPtr).get(i).i32(r).i32Add().i32(2).i32Shl().i32Add().i32Load().i32Add().set(row));
  f.get(bPtr).get(j).get(K).i32Mul().i32(2).i32Shl().i32Add().set(bp);
  f.get(cPtr).get(i).get(Np).i32Mul().get(j).i32Add().i32(2).i32Shl().i32Add().set(cp);
  loadTile(tile, cp, accumulate);
  f.get(K).set(kk);
  f.loop();
  b.forEach((v, q) => f.get(bp).v128Load(16 * q).set(v));
  tile.acc.forEach((row, r) => {
    f.get(rows[r]).v128Load32Splat().set(a);
    f.get(rows[r]).i32(4).i32Add().set(rows[r]);
    row.forEach((v, q) => f.get(v).get(a).get(b[q]).f32x4Mul().f32x4Add().set(v));
  });
  f.get(bp).i32(4 * NR).i32Add().set(bp);
  f.get(kk).i32(1).i32Sub().tee(kk).brIf(0);
  f.end();
  storeTile(tile, cp);
  f.get(i).i32(MR).i32Add().tee(i).get(Mp).i32LtU().brIf(0);
  f.end();
  f.get(j).i32(NR).i32Add().tee(j).get(Np).i32LtU().brIf(0);
  f.end();
  return f;
}
