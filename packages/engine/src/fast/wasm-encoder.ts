/**
 * A minimal WebAssembly binary encoder: just enough to write the SIMD GEMM
 * kernels (gemm-wasm.ts and its siblings, assembled in wasm-module.ts) as TypeScript, so the engine needs no build step
 * and no generated file, and the same bytes load in Node and in the browser.
 *
 * Binary format reference: https://webassembly.github.io/spec/core/binary/
 * Only what the kernel uses is here: i32 arithmetic, structured control flow,
 * and the fixed-width SIMD (v128) loads, stores and f32x4 arithmetic.
 */

/** Value types. */
export const I32 = 0x7f;
export const F32 = 0x7d;
export const V128 = 0x7b;

/**
 * A kernel's signature, the one place it is written: its parameter names (every parameter is an
 * i32, a size or a byte pointer into the shared memory) and its results. The emitter reads its
 * parameters from it (`f.param.K`), the module's type section and name section are encoded from
 * it, and the TypeScript type of the exported function is derived from it ({@link KernelFunction}).
 */
export interface Signature<P extends readonly string[] = readonly string[], R extends readonly number[] = readonly number[]> {
  readonly params: P;
  readonly results: R;
}

/** `signature(['n', 'ptr'], [I32])`: keeps the names as a tuple type, so arity is checked at every call. */
export function signature<const P extends readonly string[], const R extends readonly number[] = readonly []>(params: P, results?: R): Signature<P, R> {
  return { params, results: (results ?? []) as R };
}

/** The JavaScript view of an exported kernel: one number per parameter; void or a number back. */
export type KernelFunction<S> = S extends Signature<infer P, infer R> ? (...args: { [K in keyof P]: number }) => R extends readonly [] ? void : number : never;

/** Unsigned LEB128, the variable-length integer encoding used throughout the format. */
export function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

/** Signed LEB128 (for i32.const immediates). */
export function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    const done = (n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

/** A section or vector body prefixed with its byte length. */
function sized(bytes: number[]): number[] {
  return [...uleb(bytes.length), ...bytes];
}

/**
 * Builds one function body instruction by instruction. Each method appends
 * the opcode and its immediates, so kernel code reads like the text format:
 * `f.get(ptr).v128Load(16)` ≙ `(v128.load offset=16 (local.get $ptr))`.
 */
export class FunctionBuilder<S extends Signature = Signature> {
  readonly code: number[] = [];
  private readonly localTypes: number[] = [];
  /** The local index of each parameter, by name: `f.param.Mp` is 0 when Mp comes first. */
  readonly param: { readonly [K in S['params'][number]]: number };
  private readonly paramCount: number;

  /** Locals 0 … n-1 are the signature's n parameters, in order. */
  constructor(readonly signature: S) {
    this.paramCount = signature.params.length;
    this.param = Object.fromEntries(signature.params.map((name, i) => [name, i])) as { [K in S['params'][number]]: number };
  }

  /** Names of the named locals, by index (written to the module's name section). */
  readonly localNames = new Map<number, string>();

  /** Declares a new local of type `type` and returns its index; `name` shows in the text format as `$name`. */
  local(type: number, name?: string): number {
    this.localTypes.push(type);
    const index = this.paramCount + this.localTypes.length - 1;
    // Names are unique within a function: a helper's local that repeats one gets its index appended.
    if (name !== undefined) this.localNames.set(index, [...this.localNames.values()].includes(name) ? `${name}_${index}` : name);
    return index;
  }

  private op(...bytes: number[]): this {
    this.code.push(...bytes);
    return this;
  }
  private simd(opcode: number, ...imm: number[]): this {
    return this.op(0xfd, ...uleb(opcode), ...imm);
  }

  get(i: number): this {
    return this.op(0x20, ...uleb(i));
  }
  set(i: number): this {
    return this.op(0x21, ...uleb(i));
  }
  tee(i: number): this {
    return this.op(0x22, ...uleb(i));
  }
  i32(n: number): this {
    return this.op(0x41, ...sleb(n));
  }
  i32Add(): this {
    return this.op(0x6a);
  }
  i32Sub(): this {
    return this.op(0x6b);
  }
  i32Mul(): this {
    return this.op(0x6c);
  }
  i32Shl(): this {
    return this.op(0x74);
  }
  i32And(): this {
    return this.op(0x71);
  }
  i32ShrU(): this {
    return this.op(0x76);
  }
  i32LtU(): this {
    return this.op(0x49);
  }
  i32GtS(): this {
    return this.op(0x4a);
  }
  i32Ne(): this {
    return this.op(0x47);
  }
  i32Eqz(): this {
    return this.op(0x45);
  }
  select(): this {
    return this.op(0x1b);
  }
  /** `block`/`loop`/`if` with no result; close each with `end()`. */
  block(): this {
    return this.op(0x02, 0x40);
  }
  loop(): this {
    return this.op(0x03, 0x40);
  }
  if(): this {
    return this.op(0x04, 0x40);
  }
  else(): this {
    return this.op(0x05);
  }
  end(): this {
    return this.op(0x0b);
  }
  brIf(depth: number): this {
    return this.op(0x0d, ...uleb(depth));
  }
  br(depth: number): this {
    return this.op(0x0c, ...uleb(depth));
  }
  i32LtS(): this {
    return this.op(0x48);
  }
  i32GeS(): this {
    return this.op(0x4e);
  }
  f32Add(): this {
    return this.op(0x92);
  }
  f32Mul(): this {
    return this.op(0x94);
  }
  f32Max(): this {
    return this.op(0x97);
  }
  f32Ne(): this {
    return this.op(0x5c);
  }
  f32Gt(): this {
    return this.op(0x5e);
  }
  i32Eq(): this {
    return this.op(0x46);
  }
  f32Load(offset = 0): this {
    return this.op(0x2a, 2, ...uleb(offset));
  }
  f32Store(offset = 0): this {
    return this.op(0x38, 2, ...uleb(offset));
  }

  /** memarg = (log2 alignment, constant byte offset added to the address on the stack). */
  i32Load(offset = 0): this {
    return this.op(0x28, 2, ...uleb(offset));
  }
  v128Load(offset = 0): this {
    return this.simd(0x00, 4, ...uleb(offset));
  }
  v128Store(offset = 0): this {
    return this.simd(0x0b, 4, ...uleb(offset));
  }
  /** Loads one f32 and copies it into all four lanes. */
  v128Load32Splat(offset = 0): this {
    return this.simd(0x09, 2, ...uleb(offset));
  }
  /** Loads two f32 (8 bytes) and repeats them: [a, b, a, b]. */
  v128Load64Splat(offset = 0): this {
    return this.simd(0x0a, 3, ...uleb(offset));
  }
  f32x4Splat(): this {
    return this.simd(0x13);
  }
  f32x4ExtractLane(lane: number): this {
    return this.simd(0x1f, lane);
  }
  f32x4Add(): this {
    return this.simd(0xe4);
  }
  f32x4Max(): this {
    return this.simd(0xe9);
  }
  f32x4Eq(): this {
    return this.simd(0x41);
  }
  f32x4Gt(): this {
    return this.simd(0x44);
  }
  v128And(): this {
    return this.simd(0x4e);
  }
  /** a & ~b */
  v128AndNot(): this {
    return this.simd(0x4f);
  }
  v128Or(): this {
    return this.simd(0x50);
  }
  /** Lane i of the result is byte lanes[i] of the 32-byte concatenation of the two operands. */
  i8x16Shuffle(lanes: readonly number[]): this {
    return this.simd(0x0d, ...lanes);
  }
  /** Picks four f32 lanes (0–3 from the first operand, 4–7 from the second). */
  f32x4Shuffle(l0: number, l1: number, l2: number, l3: number): this {
    return this.i8x16Shuffle([l0, l1, l2, l3].flatMap((l) => [4 * l, 4 * l + 1, 4 * l + 2, 4 * l + 3]));
  }
  f32x4Mul(): this {
    return this.simd(0xe6);
  }
  f32Const(v: number): this {
    const bytes = new Uint8Array(new Float32Array([v]).buffer);
    return this.op(0x43, ...bytes);
  }

  /** The encoded body: local declarations (one run per local, simple and valid) then the code. */
  encode(): number[] {
    const locals = this.localTypes.flatMap((t) => [1, t]);
    return sized([...uleb(this.localTypes.length), ...locals, ...this.code, 0x0b]);
  }
}

export interface ExportedFunction {
  name: string;
  body: FunctionBuilder;
}

/**
 * A module of functions sharing one exported linear memory named `memory` (initial size in 64 KiB
 * pages), with a `name` custom section: each function's name and the names of its parameters and
 * named locals, so that a disassembler (wabt's wasm2wat) and browser devtools show `$gemm (param $Mp i32) …`.
 */
export function encodeModule(functions: ExportedFunction[], memoryPages: number): Uint8Array {
  const section = (id: number, body: number[]): number[] => [id, ...sized(body)];
  const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
  const name = (s: string): number[] => sized([...new TextEncoder().encode(s)]);
  const sig = (f: ExportedFunction): Signature => f.body.signature;

  const types = section(1, vec(functions.map((f) => [0x60, ...vec(sig(f).params.map(() => [I32])), ...vec(sig(f).results.map((r) => [r]))])));
  const funcs = section(3, vec(functions.map((_, i) => uleb(i))));
  const memory = section(5, vec([[0x00, ...uleb(memoryPages)]]));
  const exports = section(7, vec([[...name('memory'), 0x02, 0x00], ...functions.map((f, i) => [...name(f.name), 0x00, ...uleb(i)])]));
  const code = section(10, vec(functions.map((f) => f.body.encode())));
  // https://webassembly.github.io/spec/core/appendix/custom.html#name-section: subsection 1 names
  // the functions, subsection 2 their parameters and named locals.
  const functionNames = [1, ...sized(vec(functions.map((f, i) => [...uleb(i), ...name(f.name)])))];
  const localsOf = (f: ExportedFunction): [number, string][] => [...sig(f).params.map((p, j): [number, string] => [j, p]), ...f.body.localNames];
  const localNames = [2, ...sized(vec(functions.map((f, i) => [...uleb(i), ...vec(localsOf(f).map(([j, n]) => [...uleb(j), ...name(n)]))])))];
  const names = section(0, [...name('name'), ...functionNames, ...localNames]);
  const header = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  return new Uint8Array([...header, ...types, ...funcs, ...memory, ...exports, ...code, ...names]);
}
