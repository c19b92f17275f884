/**
 * `pnpm grade --watch` as a student runs it: through pnpm, on a copy of the exercises
 * (CONVKIT_EXERCISES_DIR), saved the ways editors save, then stopped with SIGTERM to pnpm.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exerciseOfFile, isExerciseCode } from '../src/watch.ts';
import { planGrade, repoRoot } from '../src/plan.ts';
import { fixture } from './helpers.ts';

describe('--watch maps a saved file to its exercise', () => {
  const targets = planGrade({});
  it('exercises/02-conv-forward/conv-forward.ts → 02-conv-forward', () => {
    expect(exerciseOfFile('02-conv-forward/conv-forward.ts', targets)?.exercise.id).toBe('02-conv-forward');
  });
  it('a solution file in --self-check → its exercise; other files → none', () => {
    expect(exerciseOfFile('07-conv-backward.ts', targets)?.exercise.id).toBe('07-conv-backward');
    expect(exerciseOfFile('manifest.ts', targets)).toBeUndefined();
  });
  it("the stub and other .ts files count; tests, sed's and JetBrains' temp files and vim swap files do not", () => {
    const conv = targets.find((t) => t.exercise.id === '02-conv-forward')!;
    expect(isExerciseCode('conv-forward.ts', conv)).toBe(true);
    expect(isExerciseCode('helpers.ts', conv)).toBe(true);
    for (const name of ['conv-forward.test.ts', 'sedX3k9aQ', 'conv-forward.ts___jb_tmp___', '.conv-forward.ts.swp', '4913']) {
      expect(isExerciseCode(name, conv), name).toBe(false);
    }
  });
});

/** The pids of `root` and all its descendants, from /proc. */
function tree(root: number): number[] {
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      /* gone */
    }
  }
  const out = [root];
  for (let i = 0; i < out.length; i++) for (const [pid, ppid] of parent) if (ppid === out[i]) out.push(pid);
  return out.filter((pid) => parent.has(pid));
}
const alive = (pid: number): boolean => {
  try {
    return !/^\S+ \([^)]*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8')); // a zombie is dead
  } catch {
    return false;
  }
};
const cmdline = (pid: number): string => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
};

describe('pnpm grade --watch, as a student runs it', () => {
  it('re-grades after an atomic save (rename over), a plain save after it (debounced), a delete and a re-create; SIGTERM to pnpm ends the whole tree', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'convkit-watch-'));
    mkdirSync(join(dir, '01-output-size'));
    copyFileSync(join(repoRoot, 'exercises', 'not-implemented.ts'), join(dir, 'not-implemented.ts'));
    const stub = join(dir, '01-output-size', 'output-size.ts');
    copyFileSync(join(repoRoot, 'exercises', '01-output-size', 'output-size.ts'), stub);
    const child = spawn('pnpm', ['grade', '--watch', '01'], {
      cwd: repoRoot,
      env: { ...process.env, NO_COLOR: '1', CONVKIT_EXERCISES_DIR: dir },
      detached: true,
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const count = (text: string): number => out.split(text).length - 1;
    const waitFor = async (what: string, ok: () => boolean): Promise<void> => {
      for (const start = Date.now(); Date.now() - start < 45_000; await new Promise((r) => setTimeout(r, 50))) if (ok()) return;
      throw new Error(`--watch: expected ${what} within 45 s, got:\n${out}`);
    };
    const AGAIN = '01-output-size changed, grading it again';
    const WATCHING = 'for saves…';
    try {
      await waitFor('the first grade', () => count(WATCHING) === 1);
      expect(out).toContain('0/13 tests passed (not started)');

      // 1. An atomic save, as JetBrains' safe write or sed -i: a temp file renamed over the stub.
      writeFileSync(`${stub}___jb_tmp___`, readFileSync(fixture('buggy/floors-output-size.ts')));
      renameSync(`${stub}___jb_tmp___`, stub);
      await waitFor('a grade after the atomic save', () => count(WATCHING) === 2);
      expect(count(AGAIN)).toBe(1);
      expect(out).toContain('the results above are out of date');
      expect(out).toMatch(/✗ 01-output-size .* tests passed\n/);

      // 2. Then plain saves (three in a row: one grade) of the reference solution.
      const solution = readFileSync(join(repoRoot, 'exercises', '01-output-size', '.meta', 'solution.ts'));
      for (let i = 0; i < 3; i++) writeFileSync(stub, solution);
      await waitFor('a grade after the plain save', () => count(WATCHING) === 3);
      expect(count(AGAIN)).toBe(2);
      expect(out).toContain('✓ 01-output-size  Output size of a sliding window  5/5 · 13/13 tests passed');

      // 3. Deleted: no stale result, a note instead; re-created: graded again.
      unlinkSync(stub);
      await waitFor('the note about the deleted file', () => out.includes('is gone (deleted or renamed)'));
      writeFileSync(stub, solution);
      await waitFor('a grade after the re-create', () => count(AGAIN) === 3 && count(WATCHING) === 5);

      // 4. Stopped while a sandbox is busy: SIGTERM to pnpm (which passes it to its child only) ends every process.
      writeFileSync(stub, 'export function outputSize(): number { return new Promise(() => {}) as unknown as number; }\n');
      let before: number[] = [];
      await waitFor('a busy sandbox', () => {
        before = tree(child.pid!);
        return before.some((pid) => cmdline(pid).includes('sandbox/child.ts'));
      });
      process.kill(child.pid!, 'SIGTERM');
      await waitFor('every process of the tree to end', () => before.every((pid) => !alive(pid)));
    } finally {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
