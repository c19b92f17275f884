/**
 * `pnpm grade --watch`: grades the chosen exercises once, then re-grades an exercise each time one of
 * its files is saved, and says which exercise comes next.
 */
import { watch as watchFiles } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { grade, gradeExercise, type GradeTarget } from './run.ts';
import { repoRoot } from './plan.ts';
import { PrettyReporter } from './reporters/pretty.ts';
import type { ExerciseResult } from './report.ts';

export interface WatchOptions {
  targets: GradeTarget[];
  selfCheck?: boolean;
  verbose?: boolean;
}

/** Which exercise a changed file belongs to (by its folder, or by the solution file name). */
export function exerciseOfFile(path: string, targets: readonly GradeTarget[]): GradeTarget | undefined {
  const first = path.split(/[\\/]/)[0];
  return targets.find((t) => t.exercise.id === first || t.exercise.id === first.replace(/\.ts$/, ''));
}

export async function watch({ targets, selfCheck = false, verbose = false }: WatchOptions): Promise<void> {
  const reporter = new PrettyReporter({ verbose });
  reporter.start(targets.length, 'convkit grade --watch: grading once, then again on every save (Ctrl+C to stop)', targets.map((t) => t.exercise.id));
  const results = new Map<string, ExerciseResult>();
  const first = await grade(targets, { onEvent: reporter.onEvent });
  for (const e of first.exercises) results.set(e.id, e);
  reporter.summary(first);

  const folder = join(repoRoot, 'exercises');
  let running: Promise<void> = Promise.resolve();
  const queued = new Set<string>();
  const timers = new Map<string, NodeJS.Timeout>();
  const regrade = (target: GradeTarget): void => {
    if (queued.has(target.exercise.id)) return;
    queued.add(target.exercise.id);
    running = running.then(async () => {
      queued.delete(target.exercise.id);
      process.stdout.write(`\n— ${new Date().toLocaleTimeString()} ${target.exercise.id} changed, grading it again —\n\n`);
      const result = await gradeExercise(target, { onEvent: reporter.onEvent });
      results.set(result.id, result);
      const ordered = targets.map((t) => results.get(t.exercise.id)).filter((r): r is ExerciseResult => r !== undefined);
      reporter.summary({
        score: Math.round(ordered.reduce((s, e) => s + e.score, 0) * 100) / 100,
        maxScore: ordered.reduce((s, e) => s + e.maxScore, 0),
        exercises: ordered,
      });
    });
  };
  watchFiles(folder, { recursive: true }, (_event, name) => {
    if (!name || !name.endsWith('.ts') || name.endsWith('.test.ts')) return;
    const target = exerciseOfFile(name.split(sep).join('/'), targets);
    if (!target) return;
    // Editors write a file in several steps: wait until the saves settle.
    clearTimeout(timers.get(target.exercise.id));
    timers.set(target.exercise.id, setTimeout(() => regrade(target), 150));
  });
  process.stdout.write(`\nwatching ${relative(process.cwd(), folder) || folder}${sep} for changes to ${targets.length} exercise${targets.length === 1 ? '' : 's'}…\n`);
  await new Promise(() => {});
}
