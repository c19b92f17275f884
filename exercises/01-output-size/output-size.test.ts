import { expect, it } from 'vitest';
import { step } from '../steps.ts';
import { outputSize } from './output-size.ts';

step('1. the formula without stride or padding', () => {
  it('a 3×3 window on a 5×5 input fits in 3 positions per row: outputSize(5, 3, 1, 0) = 3', () => {
    expect(outputSize(5, 3, 1, 0)).toBe(3);
  });
});

step('2. stride', () => {
  it('stride 2 skips every other position: outputSize(7, 3, 2, 0) = 3', () => {
    expect(outputSize(7, 3, 2, 0)).toBe(3);
  });
  it("CS231n's AlexNet conv1: outputSize(227, 11, 4, 0) = 55", () => {
    expect(outputSize(227, 11, 4, 0)).toBe(55);
  });
});

step('3. padding', () => {
  it("pad 2 keeps a 5×5 filter's output at 32: outputSize(32, 5, 1, 2) = 32", () => {
    expect(outputSize(32, 5, 1, 2)).toBe(32);
  });
});

step('4. invalid sizes throw an Error instead of rounding', () => {
  it('outputSize(10, 3, 2, 0) would be (10 − 3)/2 + 1 = 4.5', () => {
    expect(() => outputSize(10, 3, 2, 0)).toThrow(Error);
  });
  it('a window larger than the padded input: outputSize(3, 5, 1, 0)', () => {
    expect(() => outputSize(3, 5, 1, 0)).toThrow(Error);
  });
  it('stride 0', () => {
    expect(() => outputSize(5, 3, 0, 0)).toThrow(Error);
  });
});
