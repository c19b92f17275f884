import { describe, expect, it } from 'vitest';
import { Rng, heNormal, randomNormal, randomUniform, xavierUniform } from './random.ts';
import type { Tensor } from './tensor.ts';

const mean = (xs: ArrayLike<number>): number => Array.from(xs).reduce((a, v) => a + v, 0) / xs.length;
const std = (xs: ArrayLike<number>): number => {
  const m = mean(xs);
  return Math.sqrt(Array.from(xs).reduce((a, v) => a + (v - m) ** 2, 0) / xs.length);
};
const values = (t: Tensor): number[] => Array.from(t.data);

describe('Rng (mulberry32)', () => {
  it('the same seed gives the same sequence; another seed another one', () => {
    const a = new Rng(7);
    const b = new Rng(7);
    const c = new Rng(8);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
  });

  it('matches the reference mulberry32 for seed 42 (first value 0.6011037519201636)', () => {
    // The published mulberry32 (Tommy Ettinger), written out independently here.
    let state = 42;
    const reference = (): number => {
      state = (state + 0x6d2b79f5) | 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const rng = new Rng(42);
    for (let i = 0; i < 100; i++) expect(rng.next()).toBe(reference());
    expect(new Rng(42).next()).toBe(0.6011037519201636);
  });

  it('next in [0, 1), uniform in [low, high), int in [0, n) over 10,000 draws', () => {
    const rng = new Rng(1);
    for (let i = 0; i < 10_000; i++) {
      const u = rng.next();
      expect(u >= 0 && u < 1).toBe(true);
      const v = rng.uniform(-2, 3);
      expect(v >= -2 && v < 3).toBe(true);
      const k = rng.int(10);
      expect(Number.isInteger(k) && k >= 0 && k < 10).toBe(true);
    }
  });

  it('int(10) hits every value with roughly equal frequency (10,000 draws, each 1,000 ± 150)', () => {
    const rng = new Rng(3);
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 10_000; i++) counts[rng.int(10)]++;
    for (const c of counts) expect(Math.abs(c - 1000)).toBeLessThan(150);
  });

  it('normal(2, 3) over 20,000 draws: mean ≈ 2, std ≈ 3, always finite', () => {
    const rng = new Rng(5);
    const xs = Array.from({ length: 20_000 }, () => rng.normal(2, 3));
    expect(xs.every(Number.isFinite)).toBe(true);
    expect(Math.abs(mean(xs) - 2)).toBeLessThan(0.1);
    expect(Math.abs(std(xs) - 3)).toBeLessThan(0.1);
  });

  it('shuffle returns a permutation of the same items, deterministically', () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    const a = new Rng(9).shuffle([...items]);
    expect([...a].sort((p, q) => p - q)).toEqual(items);
    expect(a).not.toEqual(items);
    expect(new Rng(9).shuffle([...items])).toEqual(a);
  });

  it('rejects a non-finite seed', () => {
    expect(() => new Rng(NaN)).toThrow('Rng: expected a finite seed, got NaN');
  });
});

describe('random tensors and initialisers', () => {
  it('randomUniform [100,100] in [-1, 1): mean ≈ 0, keeps the dtype', () => {
    const t = randomUniform([100, 100], new Rng(1), -1, 1, 'float64');
    expect(t.dtype).toBe('float64');
    expect(values(t).every((v) => v >= -1 && v < 1)).toBe(true);
    expect(Math.abs(mean(t.data))).toBeLessThan(0.03);
  });

  it('randomNormal [100,100] (mean 1, std 0.5)', () => {
    const t = randomNormal([100, 100], new Rng(2), 1, 0.5);
    expect(t.dtype).toBe('float32');
    expect(Math.abs(mean(t.data) - 1)).toBeLessThan(0.02);
    expect(Math.abs(std(t.data) - 0.5)).toBeLessThan(0.02);
  });

  it('heNormal w=[32,16,3,3], fanIn 144: std ≈ sqrt(2 / 144)', () => {
    const t = heNormal([32, 16, 3, 3], 144, new Rng(3));
    expect(Math.abs(std(t.data) / Math.sqrt(2 / 144) - 1)).toBeLessThan(0.05);
  });

  it('xavierUniform w=[200,100]: inside ±sqrt(6 / 300), std ≈ limit / sqrt(3)', () => {
    const limit = Math.sqrt(6 / 300);
    const t = xavierUniform([200, 100], 200, 100, new Rng(4));
    expect(values(t).every((v) => Math.abs(v) <= limit)).toBe(true);
    expect(Math.abs(std(t.data) / (limit / Math.sqrt(3)) - 1)).toBeLessThan(0.05);
  });

  it('the same seed gives the same weights', () => {
    expect(heNormal([4, 4], 4, new Rng(11)).data).toEqual(heNormal([4, 4], 4, new Rng(11)).data);
  });
});
