/**
 * Visible tests that unlock step by step (like rustlings): `step('2. depth', () => { it(...) })`.
 * Once a test of one step fails, the tests of the later steps are skipped with a note, so the first
 * red test is always the simplest thing to fix next.
 */
import { beforeEach, describe } from 'vitest';

let blockedBy: string | null = null;

export function step(title: string, body: () => void): void {
  describe(title, () => {
    beforeEach((ctx) => {
      if (blockedBy !== null && blockedBy !== title) ctx.skip(`locked until "${blockedBy}" passes`);
      ctx.onTestFailed(() => {
        blockedBy ??= title;
      });
    });
    body();
  });
}
