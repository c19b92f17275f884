import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Each test grades real submissions in child processes; on a busy 2-core machine that takes seconds.
    testTimeout: 120_000,
    // Each sandbox is a Node process: more than a few at once only slows every one of them down.
    maxConcurrency: 3,
  },
});
