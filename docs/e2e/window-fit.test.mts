/**
 * The size calculator's explanation (src/lib/window-fit.ts) on cases worked out by hand: write the
 * input's columns 0 … W + 2P − 1, place windows of F at 0, S, 2S, … and count how far the first window
 * that does not fit reaches past the last column. Runs without a build (node --test, with test:e2e).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { windowFit } from '../src/lib/window-fit.ts';

test('W=7 F=3 S=3 P=0: windows at 0 and 3, the next at 6 covers columns 6–8 of 0–6, so it hangs 2 over', () => {
  assert.deepEqual(windowFit(7, 3, 3, 0), { travel: 4, starts: [0, 3], nextStart: 6, overhang: 2, stridesThatFit: [1, 2, 4] });
});

test('W=6 F=3 S=2 P=0: windows at 0 and 2, the next at 4 covers 4–6 of 0–5: 1 over; strides 1 and 3 fit', () => {
  assert.deepEqual(windowFit(6, 3, 2, 0), { travel: 3, starts: [0, 2], nextStart: 4, overhang: 1, stridesThatFit: [1, 3] });
});

test('W=8 F=3 S=3 P=0: windows at 0 and 3, the next at 6 covers 6–8 of 0–7: 1 over (travel mod S would say 2)', () => {
  const fit = windowFit(8, 3, 3, 0);
  assert.equal(fit.travel, 5);
  assert.equal(fit.overhang, 1);
});

test('W=10 F=3 S=5 P=0: windows at 0 and 5, the next at 10 covers 10–12 of 0–9: 3 over', () => {
  assert.deepEqual([windowFit(10, 3, 5, 0).nextStart, windowFit(10, 3, 5, 0).overhang], [10, 3]);
});

test('W=32 F=5 S=2 P=0 (14.5 positions): the travel 27 is odd, the last window hangs 1 over', () => {
  assert.equal(windowFit(32, 5, 2, 0).overhang, 1);
});

test('W=6 F=3 S=2 P=1: padding makes the travel 5 (padded columns 0–7); windows at 0, 2, 4, the next at 6 covers 6–8: 1 over', () => {
  assert.deepEqual([windowFit(6, 3, 2, 1).starts, windowFit(6, 3, 2, 1).overhang], [[0, 2, 4], 1]);
});

test('a stride that divides the travel fits: W=7 F=3 S=2, windows at 0, 2, 4 and no overhang', () => {
  assert.deepEqual(windowFit(7, 3, 2, 0), { travel: 4, starts: [0, 2, 4], nextStart: null, overhang: 0, stridesThatFit: [1, 2, 4] });
});
