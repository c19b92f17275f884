import { describe, expect, it } from 'vitest';
import { exercises } from '../../../exercises/manifest.ts';
import { nextHint } from '../src/hint.ts';

describe('pnpm hint', () => {
  const conv = exercises.find((e) => e.id === '02-conv-forward')!;

  it('shows hint 1, then 2, counting in the progress', () => {
    const first = nextHint(conv, {});
    expect(first.text).toContain(`02-conv-forward — hint 1 of ${conv.hints.length}:\n\n  ${conv.hints[0]}`);
    expect(first.progress).toEqual({ '02-conv-forward': 1 });
    const second = nextHint(conv, first.progress);
    expect(second.text).toContain(`hint 2 of ${conv.hints.length}`);
    expect(second.progress['02-conv-forward']).toBe(2);
  });

  it('after the last hint, says so instead of repeating', () => {
    const done = nextHint(conv, { '02-conv-forward': conv.hints.length });
    expect(done.text).toContain(`you have seen all ${conv.hints.length} hints`);
  });

  it('every exercise of the manifest has at least 3 hints', () => {
    for (const e of exercises) expect(e.hints.length, e.id).toBeGreaterThanOrEqual(3);
  });
});
