/**
 * `pnpm grade --watch`: grades the chosen exercises once, then re-grades an exercise each time one of
 * its files is saved, and says which exercise comes next.
 *
 * It watches each exercise's FOLDER (not the file): editors that save atomically (write a temp file,
 * rename it over the stub: JetBrains' safe write, vim's backupcopy, `sed -i`) replace the file's inode,
 * which silences a watcher on the file, while the folder's watcher sees every rename. A folder that
 * is deleted or replaced is noticed (its inode changes) and watched again when it is back. Saves are
 * debounced; the old result is cleared (or marked out of date) before grading again.
 */
import { existsSync, statSync, watch as watchFs, type FSWatcher } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { Writable } from 'node:stream';
import { canRedraw } from '@convkit/engine/node';
import { grade, gradeExercise, type GradeTarget } from './run.ts';
import { repoRoot } from './plan.ts';
import { PrettyReporter } from './reporters/pretty.ts';
import { totals, type ExerciseResult } from './report.ts';

export interface WatchOptions {
  targets: GradeTarget[];
  selfCheck?: boolean;
  verbose?: boolean;
  /** `--seed N`: random tests draw their cases from seed N. */
  seed?: number;
  /** Where to write (process.stdout by default). */
  stream?: Writable & { isTTY?: boolean };
  /** Quiet time after the last save before grading (ms). */
  debounceMs?: number;
}

/** Which exercise a changed file belongs to (by its folder, or by the solution file name). */
export function exerciseOfFile(path: string, targets: readonly GradeTarget[]): GradeTarget | undefined {
  const first = path.split(/[\\/]/)[0];
  return targets.find((t) => t.exercise.id === first || t.exercise.id === first.replace(/\.ts$/, ''));
}

/** Is `name`, saved in the folder of `target`'s file, part of that exercise's code? (.ts, not a test, not an editor's temp file) */
export function isExerciseCode(name: string, target: GradeTarget): boolean {
  if (name === basename(target.file)) return true;
  return /^[\w.-]+\.ts$/.test(name) && !name.endsWith('.test.ts') && !name.startsWith('.') && basename(dirname(target.file)) !== '.meta';
}

/**
 * A kept watcher over folders: calls `onSave(target)` (debounced) whenever a file of an exercise is
 * written, renamed over, deleted or re-created, and re-arms itself when a folder is replaced.
 */
export class FolderWatcher {
  private readonly watchers = new Map<string, { watcher: FSWatcher | null; ino: number }>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly health: NodeJS.Timeout;

  constructor(
    private readonly targets: readonly GradeTarget[],
    private readonly onSave: (target: GradeTarget) => void,
    private readonly debounceMs = 200,
  ) {
    for (const dir of new Set(targets.map((t) => dirname(t.file)))) this.arm(dir);
    // Every 300 ms: a folder that was deleted, or replaced by a new one, is watched again.
    this.health = setInterval(() => {
      for (const [dir, w] of this.watchers) {
        const ino = inode(dir);
        if (ino !== w.ino) {
          w.watcher?.close();
          this.watchers.delete(dir);
          this.arm(dir);
          if (ino !== null) this.changedIn(dir, null);
        }
      }
    }, 300);
  }

  private arm(dir: string): void {
    const ino = inode(dir);
    let watcher: FSWatcher | null = null;
    if (ino !== null) {
      try {
        watcher = watchFs(dir, (_event, name) => this.changedIn(dir, name === null ? null : String(name)));
        watcher.on('error', () => {
          watcher?.close();
          this.watchers.set(dir, { watcher: null, ino: -1 }); // re-armed by the health check
        });
      } catch {
        watcher = null;
      }
    }
    this.watchers.set(dir, { watcher, ino: ino ?? -1 });
  }

  private changedIn(dir: string, name: string | null): void {
    for (const target of this.targets) {
      if (dirname(target.file) !== dir || (name !== null && !isExerciseCode(name, target))) continue;
      const id = target.exercise.id;
      clearTimeout(this.timers.get(id));
      // Editors write a file in several steps: wait until the saves settle.
      this.timers.set(
        id,
        setTimeout(() => this.onSave(target), this.debounceMs),
      );
    }
  }

  close(): void {
    clearInterval(this.health);
    for (const t of this.timers.values()) clearTimeout(t);
    for (const w of this.watchers.values()) w.watcher?.close();
    this.watchers.clear();
  }
}

function inode(path: string): number | null {
  try {
    return statSync(path).ino;
  } catch {
    return null;
  }
}

export async function watch({
  targets,
  selfCheck = false,
  verbose = false,
  seed,
  stream = process.stdout,
  debounceMs = 200,
}: WatchOptions): Promise<FolderWatcher> {
  const reporter = new PrettyReporter({ verbose, stream });
  const live = canRedraw(stream); // a TTY that is not TERM=dumb: the screen can be cleared
  reporter.start(
    targets.length,
    `convkit grade --watch${selfCheck ? ' --self-check' : ''}: grading once, then again on every save (Ctrl+C to stop)`,
    targets.map((t) => t.exercise.id),
  );
  const results = new Map<string, ExerciseResult>();
  const first = await grade(targets, { onEvent: reporter.onEvent, seed });
  for (const e of first.exercises) results.set(e.id, e);
  reporter.summary(first);

  const shown = (file: string): string => relative(process.env.INIT_CWD ?? process.cwd(), file) || file;
  const waiting = (): void => {
    stream.write(`\nwatching ${targets.length === 1 ? shown(targets[0].file) : `${shown(join(repoRoot, 'exercises'))}${sep}`} for saves… (Ctrl+C to stop)\n`);
  };
  let running: Promise<void> = Promise.resolve();
  const queued = new Set<string>();
  const regrade = (target: GradeTarget): void => {
    if (queued.has(target.exercise.id)) return;
    queued.add(target.exercise.id);
    running = running
      .then(async () => {
        queued.delete(target.exercise.id);
        const when = new Date().toLocaleTimeString();
        // The result on screen is out of date from now on: clear it (a terminal) or say so (a log).
        if (live) stream.write('\x1b[2J\x1b[3J\x1b[H');
        else stream.write(`\n${'─'.repeat(8)} the results above are out of date ${'─'.repeat(8)}\n`);
        if (!existsSync(target.file)) {
          results.delete(target.exercise.id);
          stream.write(`— ${when} ${shown(target.file)} is gone (deleted or renamed): waiting for it to come back —\n`);
          waiting();
          return;
        }
        stream.write(`— ${when} ${target.exercise.id} changed, grading it again —\n\n`);
        const result = await gradeExercise(target, { onEvent: reporter.onEvent, seed });
        results.set(result.id, result);
        reporter.summary(totals(targets.map((t) => results.get(t.exercise.id)).filter((r): r is ExerciseResult => r !== undefined)));
        waiting();
      })
      .catch((error: unknown) => {
        stream.write(`pnpm grade --watch: could not grade ${target.exercise.id}: ${error instanceof Error ? error.message : String(error)}\n`);
      });
  };
  const watcher = new FolderWatcher(targets, regrade, debounceMs);
  waiting();
  return watcher;
}
