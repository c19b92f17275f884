/**
 * `pnpm hint <exercise>`: shows the next hint of an exercise, one more each time, and remembers how
 * many you have seen in exercises/.hints-progress.json (git-ignored).
 *
 *   pnpm hint 02            the next hint of 02-conv-forward
 *   pnpm hint 02 --all      every hint you have seen so far again
 *   pnpm hint 02 --reset    start over
 *   pnpm hint               how many hints you have seen, per exercise
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { exercises, findExercise, type Exercise } from '../../../exercises/manifest.ts';
import { repoRoot } from './plan.ts';

export type HintProgress = Record<string, number>;

export const progressFile = join(repoRoot, 'exercises', '.hints-progress.json');

export function readProgress(file = progressFile): HintProgress {
  if (!existsSync(file)) return {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return typeof parsed === 'object' && parsed !== null ? (parsed as HintProgress) : {};
  } catch {
    return {}; // a damaged progress file only costs the count
  }
}

/** The text to show and the new progress after asking for the next hint of `exercise`. */
export function nextHint(exercise: Exercise, progress: HintProgress): { text: string; progress: HintProgress } {
  const seen = Math.min(progress[exercise.id] ?? 0, exercise.hints.length);
  const total = exercise.hints.length;
  if (seen >= total) {
    return {
      text: `${exercise.id}: you have seen all ${total} hints. Run pnpm hint ${exercise.id} --all to read them again, or re-read exercises/${exercise.readme}.`,
      progress,
    };
  }
  return {
    text: `${exercise.id} — hint ${seen + 1} of ${total}:\n\n  ${exercise.hints[seen]}\n${seen + 1 < total ? `\nStill stuck? pnpm hint ${exercise.id} shows the next one.` : ''}`,
    progress: { ...progress, [exercise.id]: seen + 1 },
  };
}

function main(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { all: { type: 'boolean', default: false }, reset: { type: 'boolean', default: false } },
  });
  const progress = readProgress();
  if (positionals.length === 0) {
    process.stdout.write('Usage: pnpm hint <exercise> [--all | --reset]\n\n');
    for (const e of exercises) process.stdout.write(`  ${e.id.padEnd(24)} ${progress[e.id] ?? 0}/${e.hints.length} hints seen\n`);
    return 0;
  }
  const exercise = findExercise(positionals[0]);
  if (!exercise) {
    process.stderr.write(`pnpm hint: unknown exercise "${positionals[0]}"; the exercises are: ${exercises.map((e) => e.id).join(', ')}\n`);
    return 2;
  }
  if (values.reset) {
    writeFileSync(progressFile, `${JSON.stringify({ ...progress, [exercise.id]: 0 }, null, 2)}\n`);
    process.stdout.write(`${exercise.id}: hints reset.\n`);
    return 0;
  }
  if (values.all) {
    const seen = progress[exercise.id] ?? 0;
    if (seen === 0) process.stdout.write(`${exercise.id}: no hints seen yet. Run pnpm hint ${exercise.id}.\n`);
    exercise.hints.slice(0, seen).forEach((h, i) => process.stdout.write(`${i + 1}. ${h}\n`));
    return 0;
  }
  const next = nextHint(exercise, progress);
  writeFileSync(progressFile, `${JSON.stringify(next.progress, null, 2)}\n`);
  process.stdout.write(`${next.text}\n`);
  return 0;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) process.exitCode = main(process.argv.slice(2));
