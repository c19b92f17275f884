/**
 * The data movement of direct-conv.ts, in WebAssembly: after JavaScript
 * copies one image into wasm memory (a single `set`), these lay it out for
 * the tap kernels. Both read every value through `select(address, zeroPtr,
 * inside)`, so a position in the padding loads the 0 stored at zeroPtr: no
 * branch on the data, no out-of-bounds load.
 *
 *   planes(src, channels, H, W, stride, padTop, padLeft, rows, cols, dst, zeroPtr)
 *     plane (c, a, b) row r col q = src[c, r·stride + a − padTop, q·stride + b − padLeft] or 0
 *   packDoutT(src, F, outHeight, outWidth, cols, Fp, dst, zeroPtr)
 *     NR-filter panels, one row of NR per position (r, q < cols): src[f, r, q] or 0 (q ≥ outWidth, f ≥ F)
 */
import { FunctionBuilder, I32, signature } from './wasm-encoder.ts';

export const PLANES = signature(['src', 'channels', 'H', 'W', 'stride', 'padTop', 'padLeft', 'rows', 'cols', 'dst', 'zeroPtr']);
export const PACK_DOUT_T = signature(['src', 'F', 'outHeight', 'outWidth', 'cols', 'Fp', 'dst', 'zeroPtr']);

export function emitPlanes(): FunctionBuilder<typeof PLANES> {
  const f = new FunctionBuilder(PLANES);
  const { src, channels, H, W, stride, padTop, padLeft, rows, cols, dst, zeroPtr } = f.param;
  const c = f.local(I32, 'c'),
    a = f.local(I32, 'a'),
    b = f.local(I32, 'b'),
    r = f.local(I32, 'r'),
    q = f.local(I32, 'q');
  const y = f.local(I32, 'y'),
    rowInside = f.local(I32, 'rowInside'),
    rowPtr = f.local(I32, 'rowPtr'),
    x = f.local(I32, 'x'),
    d = f.local(I32, 'd');
  f.get(dst).set(d);
  f.i32(0).set(c).loop();
  f.i32(0).set(a).loop();
  f.i32(0).set(b).loop();
  f.i32(0).set(r).loop();
  {
    f.get(r).get(stride).i32Mul().get(a).i32Add().get(padTop).i32Sub().tee(y).get(H).i32LtU().set(rowInside);
    f.get(src).get(c).get(H).i32Mul().get(y).i32Add().get(W).i32Mul().i32(2).i32Shl().i32Add().set(rowPtr);
    f.get(b).get(padLeft).i32Sub().set(x);
    f.i32(0).set(q).loop();
    {
      f.get(d);
      f.get(rowPtr).get(x).i32(2).i32Shl().i32Add().get(zeroPtr);
      f.get(rowInside).get(x).get(W).i32LtU().i32And().select();
      f.f32Load().f32Store();
      f.get(d).i32(4).i32Add().set(d).get(x).get(stride).i32Add().set(x);
      f.get(q).i32(1).i32Add().tee(q).get(cols).i32LtU().brIf(0);
    }
    f.end();
    f.get(r).i32(1).i32Add().tee(r).get(rows).i32LtU().brIf(0);
  }
  f.end();
  f.get(b).i32(1).i32Add().tee(b).get(stride).i32LtU().brIf(0).end();
  f.get(a).i32(1).i32Add().tee(a).get(stride).i32LtU().brIf(0).end();
  f.get(c).i32(1).i32Add().tee(c).get(channels).i32LtU().brIf(0).end();
  return f;
}

export function emitPackDoutT(NR: number): FunctionBuilder<typeof PACK_DOUT_T> {
  const f = new FunctionBuilder(PACK_DOUT_T);
  const { src, F, outHeight, outWidth, cols, Fp, dst, zeroPtr } = f.param;
  const f0 = f.local(I32, 'f0'),
    r = f.local(I32, 'r'),
    q = f.local(I32, 'q'),
    d = f.local(I32, 'd'),
    at = f.local(I32, 'at'),
    plane = f.local(I32, 'plane');
  f.get(outHeight).get(outWidth).i32Mul().i32(2).i32Shl().set(plane); // bytes between filters
  f.get(dst).set(d);
  f.i32(0).set(f0).loop();
  f.i32(0).set(r).loop();
  f.i32(0).set(q).loop();
  {
    // at = src + 4·((f0·outHeight + r)·outWidth + q): filter f0 + lane is `lane` planes further
    f.get(src).get(f0).get(outHeight).i32Mul().get(r).i32Add().get(outWidth).i32Mul().get(q).i32Add().i32(2).i32Shl().i32Add().set(at);
    for (let lane = 0; lane < NR; lane++) {
      f.get(d);
      f.get(at).get(plane).i32(lane).i32Mul().i32Add().get(zeroPtr);
      f.get(f0).i32(lane).i32Add().get(F).i32LtU().get(q).get(outWidth).i32LtU().i32And().select();
      f.f32Load().f32Store(4 * lane);
    }
    f.get(d)
      .i32(4 * NR)
      .i32Add()
      .set(d);
    f.get(q).i32(1).i32Add().tee(q).get(cols).i32LtU().brIf(0);
  }
  f.end();
  f.get(r).i32(1).i32Add().tee(r).get(outHeight).i32LtU().brIf(0).end();
  f.get(f0).i32(NR).i32Add().tee(f0).get(Fp).i32LtU().brIf(0).end();
  return f;
}
