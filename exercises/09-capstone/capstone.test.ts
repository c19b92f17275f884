import { expect, it } from 'vitest';
import { takeExamples } from '@convkit/engine';
import { loadMnist } from '@convkit/engine/node';
import { step } from '../steps.ts';
import { trainAndPredict } from './capstone.ts';

step('1. a quick smoke run (the grader trains on far more images)', () => {
  it('trains on 500 images and gets more than half of 100 test images right', () => {
    const split = loadMnist({ testSize: 100, seed: 3 });
    const train = takeExamples(split.train, 500);
    const predictions = trainAndPredict({ x: train.x, y: train.y }, split.test.x, { seed: 3, timeBudgetMs: 30_000 });
    expect(predictions).toHaveLength(100);
    for (const p of predictions) expect(Number.isInteger(p) && p >= 0 && p <= 9).toBe(true);
    const right = predictions.filter((p, i) => p === split.test.y[i]).length;
    expect(right).toBeGreaterThan(50);
  }, 300_000); // a few seconds of training; far more on a busy machine
});
