/**
 * ReLU and 2×2/2 max pooling as WebAssembly SIMD kernels, on data that
 * JavaScript copies into wasm memory (one `set`) and back. Four lanes at a
 * time and no branch on the data: a JavaScript loop over an activation map
 * mispredicts on its random signs and maxima. Every kernel returns 1 when it
 * met NaN or ±Infinity (a running sum of v·0 becomes NaN), so the caller can
 * fall back to the reference op and its error message.
 *
 *   reluForward(ptr, n)              in place, n a multiple of 4: max(v, 0)
 *   reluBackward(xPtr, gPtr, n)      in place into g: g where x > 0, else 0
 *   maxPool(src, dst, planes, H, W)  2×2 windows, stride 2, H and W even
 *   maxPoolBackward(x, g, dx, planes, H, W)
 *       each window's gradient to its FIRST maximum in row-major order (the
 *       reference's rule: the first element equal to the maximum), 0 elsewhere
 */
import { F32, FunctionBuilder, I32, V128, signature } from './wasm-encoder.ts';

export const RELU_FORWARD = signature(['ptr', 'n'], [I32]);
export const RELU_BACKWARD = signature(['xPtr', 'gPtr', 'n'], [I32]);
export const MAX_POOL = signature(['src', 'dst', 'planes', 'H', 'W'], [I32]);
export const MAX_POOL_BACKWARD = signature(['x', 'g', 'dx', 'planes', 'H', 'W'], [I32]);

/** Leaves 1 on the stack when the lanes of `acc` hold a NaN. */
function nonFinite(f: FunctionBuilder, acc: number): void {
  f.get(acc).f32x4ExtractLane(0).get(acc).f32x4ExtractLane(1).f32Add();
  f.get(acc).f32x4ExtractLane(2).f32Add().get(acc).f32x4ExtractLane(3).f32Add();
  const s = f.local(F32, 's');
  f.tee(s).get(s).f32Ne();
}

/** acc += v · 0 for the v128 on the stack. */
function track(f: FunctionBuilder, acc: number, zero: number): void {
  f.get(zero).f32x4Mul().get(acc).f32x4Add().set(acc);
}

export function emitReluForward(): FunctionBuilder<typeof RELU_FORWARD> {
  const f = new FunctionBuilder(RELU_FORWARD);
  const { ptr, n } = f.param;
  const end = f.local(I32, 'end'),
    v = f.local(V128, 'v'),
    zero = f.local(V128, 'zero'),
    acc = f.local(V128, 'acc');
  f.get(ptr).get(n).i32(2).i32Shl().i32Add().set(end);
  f.loop();
  f.get(ptr).v128Load().tee(v);
  track(f, acc, zero);
  f.get(ptr).get(v).get(zero).f32x4Max().v128Store();
  f.get(ptr).i32(16).i32Add().tee(ptr).get(end).i32LtU().brIf(0);
  f.end();
  nonFinite(f, acc);
  return f;
}

export function emitReluBackward(): FunctionBuilder<typeof RELU_BACKWARD> {
  const f = new FunctionBuilder(RELU_BACKWARD);
  const { xPtr, gPtr, n } = f.param;
  const end = f.local(I32, 'end'),
    x = f.local(V128, 'x'),
    g = f.local(V128, 'g'),
    zero = f.local(V128, 'zero'),
    acc = f.local(V128, 'acc');
  f.get(gPtr).get(n).i32(2).i32Shl().i32Add().set(end);
  f.loop();
  f.get(xPtr).v128Load().tee(x).get(gPtr).v128Load().tee(g).f32x4Add();
  track(f, acc, zero);
  f.get(gPtr).get(g).get(x).get(zero).f32x4Gt().v128And().v128Store();
  f.get(xPtr).i32(16).i32Add().set(xPtr);
  f.get(gPtr).i32(16).i32Add().tee(gPtr).get(end).i32LtU().brIf(0);
  f.end();
  nonFinite(f, acc);
  return f;
}

/** for (row = 0; row < planes·H/2; row++) body(), with row0/row1 at the two input rows of each output row. */
function overWindowRows(f: FunctionBuilder, planes: number, H: number, W: number, row0: number, row1: number, body: () => void): void {
  const rows = f.local(I32, 'rows'),
    rowBytes = f.local(I32, 'rowBytes');
  f.get(W).i32(2).i32Shl().set(rowBytes);
  f.get(planes).get(H).i32Mul().i32(1).i32ShrU().set(rows);
  f.loop();
  f.get(row0).get(rowBytes).i32Add().set(row1);
  body();
  f.get(row0).get(rowBytes).i32Add().set(row0); // row0 moved along one row in body(): skip row1
  f.get(rows).i32(1).i32Sub().tee(rows).brIf(0);
  f.end();
}

export function emitMaxPool(): FunctionBuilder<typeof MAX_POOL> {
  const f = new FunctionBuilder(MAX_POOL);
  const { src, dst, planes, H, W } = f.param;
  const row1 = f.local(I32, 'row1'),
    q = f.local(I32, 'q'),
    zero = f.local(V128, 'zero'),
    acc = f.local(V128, 'acc');
  const t0 = f.local(V128, 't0'),
    t1 = f.local(V128, 't1'),
    b0 = f.local(V128, 'b0'),
    b1 = f.local(V128, 'b1'),
    m0 = f.local(V128, 'm0'),
    m1 = f.local(V128, 'm1');
  overWindowRows(f, planes, H, W, src, row1, () => {
    f.get(W).i32(1).i32ShrU().set(q); // windows in this row
    f.block().loop(); // four windows at a time
    f.get(q).i32(4).i32LtU().brIf(1);
    f.get(src).v128Load().set(t0).get(src).v128Load(16).set(t1).get(row1).v128Load().set(b0).get(row1).v128Load(16).set(b1);
    f.get(t0).get(t1).f32x4Add().get(b0).f32x4Add().get(b1).f32x4Add();
    track(f, acc, zero);
    f.get(t0).get(b0).f32x4Max().set(m0).get(t1).get(b1).f32x4Max().set(m1);
    f.get(dst).get(m0).get(m1).f32x4Shuffle(0, 2, 4, 6).get(m0).get(m1).f32x4Shuffle(1, 3, 5, 7).f32x4Max().v128Store();
    f.get(src).i32(32).i32Add().set(src).get(row1).i32(32).i32Add().set(row1).get(dst).i32(16).i32Add().set(dst);
    f.get(q).i32(4).i32Sub().set(q).br(0).end().end();
    f.block().loop(); // the rest one window at a time: [a b] over [c e] as two lanes each
    f.get(q).i32Eqz().brIf(1);
    f.get(src).v128Load64Splat().set(t0).get(row1).v128Load64Splat().set(b0);
    f.get(t0).get(b0).f32x4Add();
    track(f, acc, zero);
    f.get(dst).get(t0).get(b0).f32x4Max().tee(m0).f32x4ExtractLane(0).get(m0).f32x4ExtractLane(1).f32Max().f32Store();
    f.get(src).i32(8).i32Add().set(src).get(row1).i32(8).i32Add().set(row1).get(dst).i32(4).i32Add().set(dst);
    f.get(q).i32(1).i32Sub().set(q).br(0).end().end();
  });
  nonFinite(f, acc);
  return f;
}

export function emitMaxPoolBackward(): FunctionBuilder<typeof MAX_POOL_BACKWARD> {
  const f = new FunctionBuilder(MAX_POOL_BACKWARD);
  const { x, g, dx, planes, H, W } = f.param;
  const row1 = f.local(I32, 'row1'),
    dxRow1 = f.local(I32, 'dxRow1'),
    q = f.local(I32, 'q'),
    rowBytes = f.local(I32, 'rowBytes'),
    step = f.local(I32, 'step');
  const zero = f.local(V128, 'zero'),
    acc = f.local(V128, 'acc'),
    t = f.local(V128, 't'),
    b = f.local(V128, 'b'),
    grad = f.local(V128, 'grad');
  const mm = f.local(V128, 'mm'),
    eqT = f.local(V128, 'eqT'),
    eqB = f.local(V128, 'eqB'),
    sum = f.local(V128, 'sum');
  f.get(W).i32(2).i32Shl().set(rowBytes);
  overWindowRows(f, planes, H, W, x, row1, () => {
    f.get(dx).get(rowBytes).i32Add().set(dxRow1);
    f.get(W).i32(1).i32ShrU().set(q);
    f.block().loop(); // two windows at a time (a pair of lanes each), or the last one alone
    f.get(q).i32Eqz().brIf(1);
    f.get(x).v128Load().set(t).get(row1).v128Load().set(b);
    f.get(g).v128Load64Splat().get(g).v128Load64Splat().f32x4Shuffle(0, 0, 1, 1).set(grad); // [g0 g0 g1 g1]
    f.get(t).get(b).f32x4Add().get(grad).f32x4Add().set(sum);
    // One window left: lanes 2–3 hold the next row (or what follows x) and are neither checked nor stored.
    f.i32(16).set(step);
    f.get(q).i32(1).i32Eq().if();
    f.get(sum).get(zero).f32x4Shuffle(0, 1, 4, 5).set(sum).i32(8).set(step);
    f.end();
    f.get(sum);
    track(f, acc, zero);
    // the window maximum in both of its lanes
    f.get(t).get(b).f32x4Max().tee(mm).get(mm).get(mm).f32x4Shuffle(1, 0, 3, 2).f32x4Max().set(mm);
    f.get(t).get(mm).f32x4Eq().set(eqT).get(b).get(mm).f32x4Eq().set(eqB);
    // top row: a if a is a maximum; b if b is and a is not
    f.get(eqT).get(eqT).get(zero).f32x4Shuffle(4, 0, 4, 2).v128AndNot().get(grad).v128And().set(t);
    // bottom row: c or e only when neither a nor b is a maximum; e only when c is not
    f.get(eqB).get(eqT).get(eqT).f32x4Shuffle(1, 0, 3, 2).get(eqT).v128Or().v128AndNot();
    f.get(eqB).get(zero).f32x4Shuffle(4, 0, 4, 2).v128AndNot().get(grad).v128And().set(b);
    f.get(step).i32(8).i32Eq().if();
    f.get(dx).get(t).f32x4ExtractLane(0).f32Store().get(dx).get(t).f32x4ExtractLane(1).f32Store(4);
    f.get(dxRow1).get(b).f32x4ExtractLane(0).f32Store().get(dxRow1).get(b).f32x4ExtractLane(1).f32Store(4);
    f.i32(2).set(q);
    f.else();
    f.get(dx).get(t).v128Store().get(dxRow1).get(b).v128Store();
    f.end();
    f.get(x).get(step).i32Add().set(x).get(row1).get(step).i32Add().set(row1);
    f.get(dx).get(step).i32Add().set(dx).get(dxRow1).get(step).i32Add().set(dxRow1);
    f.get(g).get(step).i32(1).i32ShrU().i32Add().set(g);
    f.get(q).i32(2).i32Sub().set(q).br(0).end().end();
    f.get(dx).get(rowBytes).i32Add().set(dx); // dx moved along one row: skip the second
  });
  nonFinite(f, acc);
  return f;
}
