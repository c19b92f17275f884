/**
 * `pnpm course <command>` and `pnpm new <what> <slug>`: the instructor's side of the kit.
 *
 *   pnpm course check                        validate course.config.ts against the exercises and docs
 *   pnpm course build [--out release] [--skip-site]   site, starter kit, Gradescope zip, Classroom workflow
 *                                            (CONVKIT_SKIP_SITE=1 also skips the site: CI builds it separately)
 *   pnpm course grade-class DIR [--out DIR]  same as pnpm grade --submissions DIR
 *   pnpm course generate-submissions DIR [--count 100] [--only ID]   a test class (correct, wrong, broken, hanging, hostile)
 *   pnpm new exercise <slug> [--title T] [--points N]    scaffold an exercise
 *   pnpm new chapter <slug> [--title T]                  scaffold a docs chapter
 */
import { resolve, join } from 'node:path';
import { parseArgs } from 'node:util';
import { runCommandLine, UsageError } from '@convkit/engine/node';
import { CourseConfigError } from '@convkit/course-config';
import { loadCourse, manifestExercises } from '@convkit/course-config/node';
import { gradeSubmissionsCli } from './class/cli.ts';
import { generateSubmissions } from './class/generate.ts';
import { buildRelease } from './release/build.ts';
import { newExercise } from './scaffold/exercise.ts';
import { newChapter } from './scaffold/chapter.ts';

export const repoRoot = resolve(import.meta.dirname, '..', '..', '..');

const HELP = `Usage:
  pnpm course check
  pnpm course build [--out release] [--skip-site]
  pnpm course grade-class DIR [--out DIR] [--concurrency N] [--skip ID]
  pnpm course generate-submissions DIR [--count 100]
  pnpm new exercise <slug> [--title "…"] [--points N]
  pnpm new chapter <slug> [--title "…"]`;

const NEW_HELP = `Usage:
  pnpm new exercise <slug> [--title "…"] [--points N]   scaffold exercises/NN-<slug>/ (exercise.json, README.md,
                                                        stub, visible test, .meta/spec.ts and .meta/solution.ts)
  pnpm new chapter <slug> [--title "…"]                 scaffold a docs chapter (docs/docs/<slug>.mdx)`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      count: { type: 'string', default: '100' },
      concurrency: { type: 'string' },
      skip: { type: 'string', multiple: true, default: [] },
      only: { type: 'string', multiple: true, default: [] },
      'skip-site': { type: 'boolean', default: false },
      title: { type: 'string' },
      points: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...rest] = positionals;
  const cwd = process.env.INIT_CWD ?? process.cwd();
  if (values.help && command === 'new') {
    process.stdout.write(`${NEW_HELP}\n`);
    return 0;
  }
  if (values.help || command === undefined) {
    process.stdout.write(`${HELP}\n`);
    return command === undefined && !values.help ? 2 : 0;
  }
  switch (command) {
    case 'check': {
      const course = await loadCourse(repoRoot);
      const points = course.exercises.reduce((s, e) => s + e.points, 0);
      process.stdout.write(
        `course.config.ts: ok — "${course.config.title}": ${course.config.chapters.length} chapters, ${course.exercises.length} exercises, ${points} points\n`,
      );
      return 0;
    }
    case 'build': {
      const course = await loadCourse(repoRoot);
      const outDir = resolve(cwd, values.out ?? join(repoRoot, 'release'));
      const t0 = performance.now();
      const result = await buildRelease(course, {
        outDir,
        skipSite: values['skip-site'] || process.env.CONVKIT_SKIP_SITE === '1',
        log: (l) => process.stderr.write(`${l}\n`),
      });
      const parts = Object.entries(result.seconds)
        .map(([k, v]) => `${k} ${v} s`)
        .join(', ');
      process.stdout.write(
        `release written to ${outDir} in ${((performance.now() - t0) / 1000).toFixed(1)} s (${parts})\n${result.files.map((f) => `  ${f}`).join('\n')}\n`,
      );
      return 0;
    }
    case 'grade-class':
      if (!rest[0]) throw new UsageError('grade-class: expected a folder of submissions');
      return gradeSubmissionsCli({
        submissions: rest[0],
        out: values.out,
        root: repoRoot,
        concurrency: values.concurrency ? Number(values.concurrency) : undefined,
        skip: values.skip,
      });
    case 'generate-submissions': {
      if (!rest[0]) throw new UsageError('generate-submissions: expected an output folder');
      const out = resolve(cwd, rest[0]);
      const all = await manifestExercises(repoRoot);
      const only = values.only.map((q) => all.find((e) => e.id === q || e.id.slice(3) === q || Number(e.id.slice(0, 2)) === Number(q))?.id ?? q);
      const made = generateSubmissions(out, join(repoRoot, 'exercises'), all, Number(values.count), only);
      const kinds = new Map<string, number>();
      for (const m of made) kinds.set(m.kind, (kinds.get(m.kind) ?? 0) + 1);
      process.stdout.write(`${made.length} submissions in ${out}: ${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ')}\n`);
      return 0;
    }
    case 'new': {
      const [what, slug] = rest;
      if (what === 'exercise') {
        const points = values.points === undefined ? undefined : Number(values.points);
        if (points !== undefined && !(points >= 0)) throw new UsageError(`--points: expected a number ≥ 0, got ${values.points}`);
        const made = newExercise(repoRoot, slug, await manifestExercises(repoRoot), { title: values.title, points });
        process.stdout.write(
          `created exercise ${made.id} (${made.fn}):\n${made.files.map((f) => `  ${f}`).join('\n')}\n` +
            `next: write the reference in exercises/${made.id}/.meta/solution.ts, then pnpm grade --self-check ${made.id}\n`,
        );
        return 0;
      }
      if (what === 'chapter') {
        const files = newChapter(repoRoot, slug, { title: values.title });
        process.stdout.write(`created chapter ${slug}:\n${files.map((f) => `  ${f}`).join('\n')}\nnext: write it, then pnpm docs to see it\n`);
        return 0;
      }
      throw new UsageError(`new: expected "exercise" or "chapter", got ${what === undefined ? 'nothing' : JSON.stringify(what)}`);
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

const argv = process.argv.slice(2);
const name = argv[0] === 'new' ? 'pnpm new' : 'pnpm course';
runCommandLine(name, main, {
  argv,
  // A failed build or a broken course config ends with a message the instructor can act on (exit 1);
  // CONVKIT_DEBUG=1 adds the stack.
  explain: (error) => {
    if (error instanceof CourseConfigError) return error.message;
    return `${name}: ${error instanceof Error ? (process.env.CONVKIT_DEBUG ? (error.stack ?? error.message) : error.message) : String(error)}`;
  },
});
