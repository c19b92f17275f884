import { describe, expect, it } from 'vitest';
import { exerciseOfFile } from '../src/watch.ts';
import { planGrade } from '../src/plan.ts';

describe('--watch maps a saved file to its exercise', () => {
  const targets = planGrade({});
  it('exercises/02-conv-forward/conv-forward.ts → 02-conv-forward', () => {
    expect(exerciseOfFile('02-conv-forward/conv-forward.ts', targets)?.exercise.id).toBe('02-conv-forward');
  });
  it('a solution file in --self-check → its exercise; other files → none', () => {
    expect(exerciseOfFile('07-conv-backward.ts', targets)?.exercise.id).toBe('07-conv-backward');
    expect(exerciseOfFile('manifest.ts', targets)).toBeUndefined();
  });
});
