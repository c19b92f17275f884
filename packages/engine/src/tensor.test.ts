import { describe, expect, it } from 'vitest';
import { Tensor, allocate, index4, sizeOf, type DType } from './tensor.ts';
import { loose } from './testing/loose.ts';

describe('Tensor construction', () => {
  it('shape [2,3] with 6 values: row-major, float32 by default', () => {
    const t = new Tensor([2, 3], [1, 2, 3, 4, 5, 6]);
    expect(t.shape).toEqual([2, 3]);
    expect(t.dtype).toBe('float32');
    expect(t.data).toBeInstanceOf(Float32Array);
    expect(t.size).toBe(6);
    expect(t.rank).toBe(2);
    expect(t.get(1, 0)).toBe(4);
  });

  it('infers float64 from a Float64Array and keeps that buffer; converts a Float32Array when told float64', () => {
    const buf = new Float64Array([0.1, 0.2]);
    const t = new Tensor([2], buf);
    expect(t.dtype).toBe('float64');
    expect(t.data).toBe(buf);
    const converted = new Tensor([2], new Float32Array([0.5, 1.5]), 'float64');
    expect(converted.data).toBeInstanceOf(Float64Array);
    expect(Array.from(converted.data)).toEqual([0.5, 1.5]);
  });

  it('float32 rounds: 0.1 is stored as 0.10000000149011612', () => {
    expect(new Tensor([1], [0.1]).data[0]).toBe(0.10000000149011612);
    expect(new Tensor([1], [0.1], 'float64').data[0]).toBe(0.1);
  });

  it('the shape is frozen and copied: mutating the argument later changes nothing', () => {
    const shape = [2, 2];
    const t = Tensor.zeros(shape);
    shape[0] = 5;
    expect(t.shape).toEqual([2, 2]);
    expect(Object.isFrozen(t.shape)).toBe(true);
  });

  it('a scalar shape [] holds one value; a shape with a 0 holds none', () => {
    expect(new Tensor([], [7]).toArray()).toBe(7);
    expect(Tensor.zeros([2, 0, 3]).size).toBe(0);
  });

  it.each<[string, () => unknown, string]>([
    ['data of length 5 for [2,3]', () => new Tensor([2, 3], [1, 2, 3, 4, 5]), 'Tensor: expected data of length 6 for shape [2, 3], got 5'],
    ['negative dimension', () => Tensor.zeros([2, -1]), 'Tensor: expected shape of non-negative integers, got [2, -1]'],
    ['fractional dimension', () => Tensor.zeros([1.5]), 'Tensor: expected shape of non-negative integers, got [1.5]'],
    ['shape not an array', () => loose(Tensor.zeros)(3), 'Tensor: expected shape to be an array of non-negative integers, got number'],
    ['unknown dtype', () => Tensor.zeros([2], 'int32' as DType), `Tensor: expected dtype 'float32' or 'float64', got "int32"`],
  ])('rejects %s', (_name, call, message) => {
    expect(call).toThrow(message);
  });
});

describe('Tensor.from and toArray', () => {
  it('reads the shape [2,2,3] from the nesting and round-trips', () => {
    // biome-ignore format: a tensor literal, kept on one line
    const nested = [[[1, 2, 3], [4, 5, 6]], [[7, 8, 9], [10, 11, 12]]];
    const t = Tensor.from(nested, 'float64');
    expect(t.shape).toEqual([2, 2, 3]);
    expect(t.get(1, 0, 2)).toBe(9);
    expect(t.toArray()).toEqual(nested);
  });

  it('rejects ragged nesting and non-numbers, naming where', () => {
    expect(() => Tensor.from([[1, 2], [3]])).toThrow('Tensor.from: expected an array of length 2 at values[1], got length 1 (ragged nesting)');
    expect(() => Tensor.from([[1, 2], 3])).toThrow('Tensor.from: expected an array of length 2 at values[1], got number (ragged nesting)');
    expect(() => Tensor.from([1, [2]])).toThrow('Tensor.from: expected a number at values[1], got an array (ragged nesting)');
    expect(() => loose(Tensor.from)([1, 'a'])).toThrow('Tensor.from: expected a number at values[1], got string');
  });
});

describe('Tensor helpers', () => {
  it('zeros, ones, full, zerosLike of [2,2]', () => {
    // biome-ignore format: a tensor literal, kept on one line
    expect(Tensor.zeros([2, 2]).toArray()).toEqual([[0, 0], [0, 0]]);
    // biome-ignore format: a tensor literal, kept on one line
    expect(Tensor.ones([2, 2], 'float64').toArray()).toEqual([[1, 1], [1, 1]]);
    // biome-ignore format: a tensor literal, kept on one line
    expect(Tensor.full([2, 2], -3).toArray()).toEqual([[-3, -3], [-3, -3]]);
    const like = Tensor.zerosLike(Tensor.ones([2, 2], 'float64'));
    expect([like.shape, like.dtype, Array.from(like.data)]).toEqual([[2, 2], 'float64', [0, 0, 0, 0]]);
  });

  it('clone copies the buffer; reshape shares it', () => {
    const t = new Tensor([2, 3], [1, 2, 3, 4, 5, 6]);
    const copy = t.clone();
    copy.data[0] = 100;
    expect(t.data[0]).toBe(1);
    const flat = t.reshape([6]);
    flat.data[0] = 100;
    expect(t.data[0]).toBe(100);
    expect(() => t.reshape([4])).toThrow('Tensor.reshape: expected a shape of 6 elements, got [4] (4 elements)');
  });

  it('astype converts between dtypes, and is the same tensor when the dtype matches', () => {
    const t = new Tensor([2], [0.1, 0.2], 'float64');
    expect(t.astype('float64')).toBe(t);
    const f = t.astype('float32');
    expect(f.dtype).toBe('float32');
    expect(f.data[0]).toBe(Math.fround(0.1));
  });

  it('get/set check the index, naming the axis', () => {
    const t = Tensor.zeros([2, 3]);
    t.set(1, 2, 5);
    expect(t.get(1, 2)).toBe(5);
    expect(t.data[5]).toBe(5);
    expect(() => t.get(2, 0)).toThrow('Tensor.get: expected index 0 in [0, 2), got 2');
    expect(() => t.get(0, -1)).toThrow('Tensor.get: expected index 1 in [0, 3), got -1');
    expect(() => t.get(0)).toThrow('Tensor.get: expected 2 indices for shape [2, 3], got 1');
    expect(() => t.get(0.5, 0)).toThrow('Tensor.get: expected index 0 in [0, 2), got 0.5');
  });

  it('index4 on [2,3,4,5] counts w fastest, then h, c, n, and agrees with get', () => {
    const shape = [2, 3, 4, 5];
    expect(index4(shape, 0, 0, 0, 1)).toBe(1);
    expect(index4(shape, 0, 0, 1, 0)).toBe(5);
    expect(index4(shape, 0, 1, 0, 0)).toBe(20);
    expect(index4(shape, 1, 0, 0, 0)).toBe(60);
    const t = new Tensor(
      shape,
      Array.from({ length: 120 }, (_, i) => i),
    );
    expect(t.get(1, 2, 3, 4)).toBe(index4(shape, 1, 2, 3, 4));
    expect(index4(shape, 1, 2, 3, 4)).toBe(119);
  });

  it('sizeOf and allocate', () => {
    expect(sizeOf([2, 3, 4])).toBe(24);
    expect(sizeOf([])).toBe(1);
    expect(allocate('float64', 3)).toEqual(new Float64Array(3));
    expect(allocate('float32', 2)).toBeInstanceOf(Float32Array);
  });

  it('toString names dtype and shape', () => {
    expect(String(Tensor.zeros([1, 28, 28]))).toBe('Tensor(float32, [1, 28, 28])');
  });
});
