import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exerciseOfFile } from '../src/watch.ts';
import { planGrade, repoRoot } from '../src/plan.ts';

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

describe('pnpm grade --watch, as a user runs it', () => {
  it('grades 01 once, then again when its file is saved (same bytes written back: nothing changes on disk)', async () => {
    const stub = join(repoRoot, 'exercises', '01-output-size', 'output-size.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', 'packages/grader/src/cli.ts', '--watch', '01'], {
      cwd: repoRoot,
      env: { ...process.env, NO_COLOR: '1' },
      detached: true,
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const waitFor = async (text: string, count = 1): Promise<void> => {
      for (const start = Date.now(); Date.now() - start < 45_000; await new Promise((r) => setTimeout(r, 50))) {
        if (out.split(text).length - 1 >= count) return;
      }
      throw new Error(`--watch: expected ${count}× "${text}" within 45 s, got:\n${out}`);
    };
    try {
      await waitFor('watching exercises');
      expect(out).toContain('01-output-size');
      const summaries = out.split('Next up: 01-output-size').length - 1;
      writeFileSync(stub, readFileSync(stub));
      await waitFor('01-output-size changed, grading it again');
      await waitFor('Next up: 01-output-size', summaries + 1);
    } finally {
      process.kill(-child.pid!, 'SIGKILL');
    }
  }, 60_000);
});
