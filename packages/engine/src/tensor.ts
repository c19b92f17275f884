/**
 * A tensor is an n-dimensional array of numbers: a `shape` and one flat,
 * contiguous, row-major buffer `data`. CNN volumes use the NCHW layout
 * (batch N, channels C — the notes' "depth" —, height H, width W), as in
 * CS231n and PyTorch; {@link index4} maps (n, c, h, w) to the flat offset.
 */

export type DType = 'float32' | 'float64';
export type TypedArray = Float32Array | Float64Array;

/** A nested array of numbers, as `Tensor.from` accepts and `toArray` returns. */
export type NestedArray = number | NestedArray[];

/** A shape as every message of the kit writes it: `[2, 3, 4, 4]`. */
export function fmtShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/** Allocates a zeroed buffer of the given dtype. */
export function allocate(dtype: DType, size: number): TypedArray {
  return dtype === 'float64' ? new Float64Array(size) : new Float32Array(size);
}

/** Number of elements of a shape: the product of its dimensions (1 for a scalar shape `[]`). */
export function sizeOf(shape: readonly number[]): number {
  let size = 1;
  for (const d of shape) size *= d;
  return size;
}

/**
 * The one index helper for the NCHW layout: the flat offset of element
 * (n, c, h, w) of a volume whose shape is [N, C, H, W].
 * Row-major: w varies fastest, then h, then c, then n.
 */
export function index4(shape: readonly number[], n: number, c: number, h: number, w: number): number {
  return ((n * shape[1] + c) * shape[2] + h) * shape[3] + w;
}

function checkShape(shape: readonly number[]): void {
  if (!Array.isArray(shape)) {
    throw new Error(`Tensor: expected shape to be an array of non-negative integers, got ${shape === null ? 'null' : typeof shape}`);
  }
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) {
      throw new Error(`Tensor: expected shape of non-negative integers, got ${fmtShape(shape)}`);
    }
  }
}

export class Tensor {
  readonly shape: readonly number[];
  readonly data: TypedArray;
  readonly dtype: DType;

  /**
   * @param shape dimensions, e.g. `[N, C, H, W]`
   * @param data  flat row-major values; copied into a buffer of `dtype` when given as an array
   *              or as a typed array of the other dtype. A zeroed buffer when omitted.
   * @param dtype `'float32'` (default, or the dtype of `data` when it is a typed array) or `'float64'`
   */
  constructor(shape: readonly number[], data?: ArrayLike<number> | TypedArray, dtype?: DType) {
    checkShape(shape);
    const size = sizeOf(shape);
    const inferred: DType = dtype ?? (data instanceof Float64Array ? 'float64' : 'float32');
    if (inferred !== 'float32' && inferred !== 'float64') {
      throw new Error(`Tensor: expected dtype 'float32' or 'float64', got ${JSON.stringify(inferred)}`);
    }
    if (data !== undefined && data.length !== size) {
      throw new Error(`Tensor: expected data of length ${size} for shape ${fmtShape(shape)}, got ${data.length}`);
    }
    this.shape = Object.freeze([...shape]);
    this.dtype = inferred;
    if (data === undefined) {
      this.data = allocate(inferred, size);
    } else if ((inferred === 'float64' && data instanceof Float64Array) || (inferred === 'float32' && data instanceof Float32Array)) {
      this.data = data;
    } else {
      const buf = allocate(inferred, size);
      for (let i = 0; i < size; i++) buf[i] = data[i];
      this.data = buf;
    }
  }

  /** Number of elements. */
  get size(): number {
    return this.data.length;
  }

  /** Number of dimensions. */
  get rank(): number {
    return this.shape.length;
  }

  /** Builds a tensor from a nested array such as `[[1, 2], [3, 4]]`; the shape is read from the nesting. */
  static from(values: NestedArray, dtype: DType = 'float32'): Tensor {
    const shape: number[] = [];
    let probe: NestedArray = values;
    while (Array.isArray(probe)) {
      shape.push(probe.length);
      probe = probe.length > 0 ? probe[0] : 0;
    }
    const flat: number[] = [];
    const walk = (v: NestedArray, depth: number, path: string): void => {
      if (depth === shape.length) {
        if (typeof v !== 'number') {
          throw new Error(`Tensor.from: expected a number at ${path}, got ${Array.isArray(v) ? 'an array (ragged nesting)' : typeof v}`);
        }
        flat.push(v);
        return;
      }
      if (!Array.isArray(v) || v.length !== shape[depth]) {
        const got = Array.isArray(v) ? `length ${v.length}` : typeof v;
        throw new Error(`Tensor.from: expected an array of length ${shape[depth]} at ${path}, got ${got} (ragged nesting)`);
      }
      v.forEach((item, i) => walk(item, depth + 1, `${path}[${i}]`));
    };
    walk(values, 0, 'values');
    return new Tensor(shape, flat, dtype);
  }

  static zeros(shape: readonly number[], dtype: DType = 'float32'): Tensor {
    return new Tensor(shape, undefined, dtype);
  }

  static ones(shape: readonly number[], dtype: DType = 'float32'): Tensor {
    return Tensor.full(shape, 1, dtype);
  }

  static full(shape: readonly number[], value: number, dtype: DType = 'float32'): Tensor {
    const t = new Tensor(shape, undefined, dtype);
    t.data.fill(value);
    return t;
  }

  /** Zeros with the shape and dtype of `other`. */
  static zerosLike(other: Tensor): Tensor {
    return new Tensor(other.shape, undefined, other.dtype);
  }

  /** A copy with its own buffer. */
  clone(): Tensor {
    return new Tensor(this.shape, this.data.slice(), this.dtype);
  }

  /** Same data, new shape of the same size (the buffer is shared, not copied). */
  reshape(shape: readonly number[]): Tensor {
    checkShape(shape);
    if (sizeOf(shape) !== this.size) {
      throw new Error(`Tensor.reshape: expected a shape of ${this.size} elements, got ${fmtShape(shape)} (${sizeOf(shape)} elements)`);
    }
    return new Tensor(shape, this.data, this.dtype);
  }

  /** A copy in the other dtype (or the same tensor when the dtype already matches). */
  astype(dtype: DType): Tensor {
    return dtype === this.dtype ? this : new Tensor(this.shape, this.data, dtype);
  }

  /** Flat offset of a multi-index; throws when the index has the wrong rank or is out of bounds. */
  offset(index: readonly number[]): number {
    if (index.length !== this.shape.length) {
      throw new Error(`Tensor.get: expected ${this.shape.length} indices for shape ${fmtShape(this.shape)}, got ${index.length}`);
    }
    let off = 0;
    for (let d = 0; d < index.length; d++) {
      const i = index[d];
      if (!Number.isInteger(i) || i < 0 || i >= this.shape[d]) {
        throw new Error(`Tensor.get: expected index ${d} in [0, ${this.shape[d]}), got ${i}`);
      }
      off = off * this.shape[d] + i;
    }
    return off;
  }

  get(...index: number[]): number {
    return this.data[this.offset(index)];
  }

  /** `t.set(n, c, h, w, value)`: the last argument is the value. */
  set(...indexAndValue: number[]): void {
    const value = indexAndValue[indexAndValue.length - 1];
    this.data[this.offset(indexAndValue.slice(0, -1))] = value;
  }

  /** The values as nested arrays following the shape (a number for rank 0). */
  toArray(): NestedArray {
    const build = (depth: number, start: number): NestedArray => {
      if (depth === this.shape.length) return this.data[start];
      const stride = sizeOf(this.shape.slice(depth + 1));
      const out: NestedArray[] = [];
      for (let i = 0; i < this.shape[depth]; i++) out.push(build(depth + 1, start + i * stride));
      return out;
    };
    return build(0, 0);
  }

  toString(): string {
    return `Tensor(${this.dtype}, ${fmtShape(this.shape)})`;
  }
}
