/**
 * One page per exercise, rendered from the exercise's own instructions: `exercises/NN-slug/README.md` is the
 * single source; this only adds front matter, rewrites links that would point outside the site, and appends
 * how to grade it. The order and titles come from the exercises' `exercise.json` (`@convkit/course-config`).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { readExercises } from '@convkit/course-config/node';

interface ManifestEntry {
  id: string;
  title?: string;
  points?: number;
  /** The file the student edits, relative to exercises/. */
  file?: string;
  functions?: readonly string[];
  timeLimitMs?: number;
}

/** The exercises' list in teaching order (their `NN-slug/exercise.json`); [] if there is no folder yet. */
async function readManifest(exercisesDir: string): Promise<ManifestEntry[]> {
  return existsSync(exercisesDir) ? readExercises(exercisesDir) : [];
}

/** The folder of an exercise: `01-output-size` for id `01-output-size` or `output-size`. */
function folderFor(folders: string[], id: string): string | undefined {
  return folders.find((f) => f === id || f.replace(/^\d+-/, '') === id);
}

const yamlString = (s: string): string => JSON.stringify(s);

/**
 * Links inside a README are relative to its folder in the repository. Links to another exercise become
 * links to its page, links to a chapter (`../../docs/docs/notation.mdx#anchor`) links to the chapter's page;
 * links to other files in the repository cannot be pages of the site, so they become the file path in
 * code style (the student has the repository open anyway).
 */
function rewriteLinks(markdown: string, folders: string[], folder: string): string {
  return markdown.replace(/(!?)\[([^\]]*)\]\((?!https?:|#|mailto:)([^)\s]+)\)/g, (_all, bang: string, text: string, target: string) => {
    const other = folders.find((f) => target.includes(`${f}/README.md`) || target === `../${f}` || target === `../${f}/`);
    if (other) return `[${text}](./${other}.md)`;
    if (bang) return `*(figure: ${text})*`;
    const inRepo = posix.normalize(posix.join('exercises', folder, target));
    // a chapter of the course (docs/docs/<chapter>.mdx, maybe with #anchor): its page, beside the exercises
    const chapter = /^docs\/docs\/([a-z0-9-]+\.mdx?)(#[\w-]+)?$/.exec(inRepo);
    if (chapter) return `[${text}](../${chapter[1]}${chapter[2] ?? ''})`;
    return `${text} (\`${inRepo}\`)`;
  });
}

function gradingSection(folder: string, entry: ManifestEntry | undefined): string {
  const file = entry?.file ? `exercises/${entry.file}` : `exercises/${folder}/`;
  const fns = entry?.functions?.length ? ` (${entry.functions.map((f) => `\`${f}\``).join(', ')})` : '';
  const points = entry?.points === undefined ? '' : ` It is worth **${entry.points} points**, shared by its tests (random tests weigh more).`;
  return `
---

## Grading this exercise

Solve it right on this page: the editor below runs this exercise's tests in your browser, with nothing installed
(practice: official marks come from \`pnpm grade\` or your course's autograder). In your copy of the course, write
your code${fns} in \`${file}\`, then run from the repository root:

\`\`\`bash
pnpm grade ${folder}    # this exercise only
pnpm grade --watch    # re-grade each time you save
pnpm hint ${folder}     # stuck? the next hint, one at a time
\`\`\`

${points.trim()} See [reading the report](./index.md#reading-the-report) for what the output means.
`;
}

/** The grader's example report (packages/grader/examples/report-05.txt, kept current by the grader's tests). */
function exampleReport(): string {
  const file = new URL('../../packages/grader/examples/report-05.txt', import.meta.url);
  if (!existsSync(file)) return '(the example report is missing: packages/grader/examples/report-05.txt)\n';
  // Backticks cannot end the code block early; trailing spaces of matrix cells are kept as they are.
  return readFileSync(file, 'utf8').replace(/```/g, "'''");
}

const INDEX = (rows: string): string => `---
title: Exercises
sidebar_position: 0
slug: /exercises
---

# Exercises

Each exercise asks you to write one piece of the engine that the chapters explain, in the file stub of its
folder under \`exercises/\`. The grader runs your code on hand-worked cases, published reference vectors and
random inputs, and compares it with the reference engine.

${rows}

## Running the grader

\`\`\`bash
pnpm grade                   # every exercise, in course order
pnpm grade 01-output-size    # one exercise (its id, number or slug: 01, output-size)
pnpm grade --watch           # re-grade the exercise you save, then point to the next one
pnpm --silent grade          # only the report, without pnpm's banner
pnpm hint 01-output-size     # the next hint for an exercise, one at a time
\`\`\`

## Reading the report

For every exercise the report prints one line with its id, title, score and how many tests **passed**
(\`9/15 · 8/13 tests passed\`), marked \`✓\` passed, \`✗\` failed, \`!\` error (your code threw where it should
not, or did not load), \`⏱\` timed out, or \`·\` not started (the stub is untouched). Exercises are listed in
course order. Under an exercise that does not pass, every test is listed. The summary at the end gives each
exercise's score, your total, and the next exercise to work on. Each test earns its share of the points; the
shares are rounded to hundredths so that they add up exactly to the exercise's points.

This is a real report: \`pnpm grade 05\` on a backprop whose \`dscores\` forgets to divide by the batch size.

\`\`\`text
${exampleReport()}\`\`\`

A failed check says **which input** was used (its shapes, stride and padding), **what was expected** and
**what your code returned**, at the first element that differs, and how many values differ. Two numbers
measure how far off you are: **max |a−b|**, the largest absolute difference between your value *a* and the
expected *b*, and the **relative error |a−b| / max(|a|, |b|)**, the difference as a fraction of the larger of
the two (0.5 when one is twice the other, 2 when the sign is flipped). A value counts as equal when its
relative error is within the exercise's tolerance (1e-6 by default), because floating-point sums in a
different order differ in their last digits; values that should be 0 are compared against a floor of
10⁻⁶ × the largest expected value instead.

**looks like:** names a common mistake when the values show one: every value exactly N× or ½× the
expected one (the batch size N is called out: a missing or extra average over the batch), the sign flipped,
a transposed matrix, a window shifted by one position, differences only at the border (padding), or only
one example or channel wrong (a loop bound). A convolution whose output is what the kernel rotated 180°
gives is told so: that is a true convolution, where a CNN layer computes the cross-correlation.

Random cases are shrunk to the smallest input that still fails, so start debugging from that one. A failing
random case prints **one command that replays exactly that case** (\`pnpm grade 05 --case 13@506:0:1:1\`;
\`--case 13@p4\` in a starter kit, whose cases are precomputed), and when the case is small it is shown in
full: the inputs, the expected values and yours as small matrices, the first difference »marked«. \`pnpm grade
NN --case T\` shows test number T of an exercise the same way. \`pnpm grade --seed N\` draws every random
test's cases from seed N instead of its own: the same N gives the same cases (in the course's repository; a
starter kit has only its precomputed cases).

A check that throws, runs out of time or memory is reported as such instead of crashing the grader; an
\`Error\` your code throws on purpose for bad input is what the edge-case checks expect (a stride or window
that does not fit must throw, as \`outputSize\` does).

\`pnpm hint NN\` grades the exercise first and starts at the first hint about the first function (or step) that
does not pass yet, skipping hints about what already works; \`pnpm hint NN --all\` shows again every hint you
have seen, \`pnpm hint NN --reset\` starts over. \`pnpm grade --watch\` re-grades an exercise each time you save
it (editors that save by renaming a temporary file over it included) and clears the old result first.
`;

/** Writes one page per exercise; `only` (exercise ids from the course config) keeps just the course's exercises. */
export async function writeExercisePages(exercisesDir: string, outDir: string, only?: readonly string[]): Promise<number> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const folders = existsSync(exercisesDir)
    ? readdirSync(exercisesDir)
        .filter((f) => /^\d+-/.test(f) && existsSync(join(exercisesDir, f, 'README.md')))
        .sort()
    : [];
  let manifest: ManifestEntry[] = [];
  try {
    manifest = await readManifest(exercisesDir);
  } catch (err) {
    console.warn(`[prepare] could not read the exercises' exercise.json (${(err as Error).message}); using folder order`);
  }
  const ordered = [
    ...manifest.map((e) => folderFor(folders, e.id)).filter((f): f is string => f !== undefined),
    ...folders.filter((f) => !manifest.some((e) => folderFor(folders, e.id) === f)),
  ].filter((folder) => only === undefined || only.some((id) => folderFor([folder], id) !== undefined));
  const rows: string[] = [];
  ordered.forEach((folder, i) => {
    const entry = manifest.find((e) => folderFor(folders, e.id) === folder);
    const readme = readFileSync(join(exercisesDir, folder, 'README.md'), 'utf8');
    const heading = /^#\s+(.+)$/m.exec(readme)?.[1]?.trim();
    const title = entry?.title ?? heading ?? folder;
    const body = rewriteLinks(readme, folders, folder);
    // `exercise`: the page shows the in-browser editor and grader for it (src/theme/DocItem/Content)
    const front = `---\ntitle: ${yamlString(title)}\nsidebar_position: ${i + 1}\nslug: /exercises/${folder}\nexercise: ${yamlString(folder)}\n---\n\n`;
    const needsHeading = !/^#\s/m.test(readme);
    writeFileSync(join(outDir, `${folder}.md`), front + (needsHeading ? `# ${title}\n\n` : '') + body + gradingSection(folder, entry));
    const points = entry?.points === undefined ? '' : ` | ${entry.points}`;
    rows.push(`| ${i + 1} | [${title}](./${folder}.md) | \`${folder}\`${points} |`);
  });
  const hasPoints = manifest.some((e) => e.points !== undefined);
  const table = rows.length
    ? `| # | Exercise | id${hasPoints ? ' | points' : ''} |\n|---|---|---${hasPoints ? '|---' : ''}|\n${rows.join('\n')}`
    : '_The exercises are not in this checkout yet._';
  writeFileSync(join(outDir, 'index.md'), INDEX(table));
  return ordered.length;
}
