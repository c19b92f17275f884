/**
 * The last step of direct-conv.ts, in WebAssembly SIMD: the tap kernels leave
 * C with one row per filter (or channel) and the output positions laid out
 * with the planes' row length `cols` ≥ outWidth. `compact` keeps the first
 * outWidth of every `cols` positions, adds the bias, and writes each filter's
 * `rows` rows contiguously from dstPtr + 4·filter·filterStride (so a chunk of
 * rows lands inside a whole [F, outHeight, outWidth] image), and JavaScript
 * copies the image out of wasm memory with one `set` instead of an element loop.
 *
 *   compact(cPtr, Np, cols, rows, outWidth, F, biasPtr, hasBias, dstPtr, filterStride)
 */
import { FunctionBuilder, V128, I32, signature } from './wasm-encoder.ts';

export const COMPACT = signature(['cPtr', 'Np', 'cols', 'rows', 'outWidth', 'F', 'biasPtr', 'hasBias', 'dstPtr', 'filterStride']);

export function emitCompact(): FunctionBuilder<typeof COMPACT> {
  const f = new FunctionBuilder(COMPACT);
  const { cPtr, Np, cols, rows, outWidth, F, biasPtr, hasBias, dstPtr, filterStride } = f.param;
  const filter = f.local(I32, 'filter'),
    r = f.local(I32, 'r'),
    s = f.local(I32, 's'),
    d = f.local(I32, 'd'),
    q = f.local(I32, 'q');
  const bias = f.local(V128, 'bias');
  f.i32(0).set(filter);
  f.loop();
  {
    f.get(dstPtr).get(filter).get(filterStride).i32Mul().i32(2).i32Shl().i32Add().set(d); // this filter's rows, one after another
    f.get(hasBias).if();
    f.get(biasPtr).get(filter).i32(2).i32Shl().i32Add().v128Load32Splat().set(bias);
    f.else();
    f.f32Const(0).f32x4Splat().set(bias);
    f.end();
    f.i32(0).set(r);
    f.loop();
    {
      // s = cPtr + 4·(filter·Np + r·cols)
      f.get(cPtr).get(filter).get(Np).i32Mul().get(r).get(cols).i32Mul().i32Add().i32(2).i32Shl().i32Add().set(s);
      f.get(outWidth).set(q);
      f.block().loop(); // four at a time
      f.get(q).i32(4).i32LtS().brIf(1);
      f.get(d).get(s).v128Load().get(bias).f32x4Add().v128Store();
      f.get(s).i32(16).i32Add().set(s).get(d).i32(16).i32Add().set(d).get(q).i32(4).i32Sub().set(q);
      f.br(0).end().end();
      f.block().loop(); // the rest one by one
      f.get(q).i32Eqz().brIf(1);
      f.get(d).get(s).f32Load().get(bias).f32x4ExtractLane(0).f32Add().f32Store();
      f.get(s).i32(4).i32Add().set(s).get(d).i32(4).i32Add().set(d).get(q).i32(1).i32Sub().set(q);
      f.br(0).end().end();
      f.get(r).i32(1).i32Add().tee(r).get(rows).i32LtU().brIf(0);
    }
    f.end();
    f.get(filter).i32(1).i32Add().tee(filter).get(F).i32LtU().brIf(0);
  }
  f.end();
  return f;
}
