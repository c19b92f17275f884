/**
 * The two workspaces a release is made of, each a standalone pnpm workspace with its own
 * package.json, pnpm-workspace.yaml and lockfile:
 *
 *  - the STUDENT KIT, what students clone and what student code runs against in official grading. It
 *    holds no answer key: its engine is the answer-free student engine (student-engine.ts: every
 *    exercised function throws "exercise 02 … not part of the student kit"), its exercises have no
 *    `.meta/`, and its grader grades against expected outputs precomputed here (the visible cases and
 *    a fixed set of seeded random cases of each exercise whose tests are visible; none of a hidden one).
 *  - the GRADING WORKSPACE, the official grader with the key (the real engine, every exercise's
 *    `.meta/spec.ts` and `.meta/solution.ts`). It goes only into the Gradescope autograder, where it is
 *    made unreadable to the user that runs student code.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { recordExercise, writeExpected } from '@convkit/grader';
import { loadSpecs } from '@convkit/grader';
import type { Course } from '@convkit/course-config/node';
import { classroomWorkflow } from './classroom.ts';
import { buildStudentEngine, scanForAnswers } from './student-engine.ts';

/** Top-level files of `exercises/` that the grader and the visible tests need. */
const EXERCISE_FILES = ['not-implemented.ts', 'steps.ts', 'gradcheck.ts', 'package.json', 'tsconfig.json', 'vitest.config.ts'];

const isTest = (path: string): boolean => /\.test\.m?ts$/.test(path) || /(^|\/)(testing|scratch|solutions|expected)(\/|$)/.test(path);

/**
 * Copies a package's `src/` (without tests and test helpers), package.json and tsconfig.json. `keepTesting`
 * keeps its `src/testing/` folder, which is otherwise a test helper: the engine's is public API
 * (`@convkit/engine/testing`, the numerical gradient the specs use).
 */
function copyPackage(root: string, to: string, name: string, edit: (pkg: Record<string, unknown>) => void = () => {}, keepTesting = false): void {
  const from = join(root, 'packages', name);
  const dest = join(to, 'packages', name);
  const pkg = JSON.parse(readFileSync(join(from, 'package.json'), 'utf8')) as Record<string, unknown>;
  const skip = (path: string): boolean => isTest(path) && !(keepTesting && /^src\/testing(\/[^/]+)?$/.test(path) && !/\.test\.m?ts$/.test(path));
  cpSync(join(from, 'src'), join(dest, 'src'), { recursive: true, filter: (src) => !skip(relative(from, src)) });
  for (const file of ['tsconfig.json', 'vitest.config.ts']) if (existsSync(join(from, file))) copyFileSync(join(from, file), join(dest, file));
  delete pkg.devDependencies; // the kit's packages are used, not developed: their test tools stay here
  edit(pkg);
  writeFileSync(join(dest, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
}

function rootPackageJson(root: string, title: string, name: string): string {
  const repo = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    packageManager: string;
    engines: Record<string, string>;
    devDependencies: Record<string, string>;
  };
  const dev = repo.devDependencies;
  return `${JSON.stringify(
    {
      name,
      description: title,
      private: true,
      type: 'module',
      packageManager: repo.packageManager,
      engines: repo.engines, // the Node range the code needs (zlib.crc32: 20.15), one place: the repository's
      scripts: {
        grade: 'node --import tsx packages/grader/src/cli.ts',
        hint: 'node --import tsx packages/grader/src/hint.ts',
        test: 'pnpm --filter @convkit/exercises test',
      },
      devDependencies: {
        '@convkit/course-config': 'workspace:*',
        '@types/node': dev['@types/node'],
        tsx: dev.tsx,
        typescript: dev.typescript,
        vitest: dev.vitest,
      },
    },
    null,
    2,
  )}\n`;
}

const README = (course: Course): string => `# ${course.config.title}: starter kit

Your workspace for the course's exercises. You need Node.js 20.15 or newer and pnpm 12.

\`\`\`bash
pnpm install          # once
pnpm grade            # grade every exercise; pnpm grade 02 grades one
pnpm hint 02          # the next hint for exercise 02
pnpm test             # the visible tests (vitest)
\`\`\`

Edit only the stub files in \`exercises/NN-slug/\`. The exercises, in order:

${course.exercises.map((e) => `- \`${e.id}\`: ${e.title} (${e.points} points)${e.visibleTests ? '' : ' — graded by your instructor only'}`).join('\n')}

The engine in this kit is the student edition: it has tensors, random numbers and the MNIST loader,
but none of the functions the exercises ask you to write (calling one tells you which exercise it is).
\`pnpm grade\` here compares your code with expected outputs precomputed by your instructor, on the
visible cases and a fixed set of random ones; your official marks come from the course's autograder,
which runs more cases.
`;

/** Resolves the workspace's own lockfile with pnpm (from its store: no download when it has everything). */
function writeLockfile(dir: string, what: string): void {
  const r = spawnSync('pnpm', ['install', '--lockfile-only', '--prefer-offline', '--reporter=append-only'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true' },
  });
  if (r.status !== 0) throw new Error(`${what}: pnpm could not write the lockfile:\n${r.stdout}${r.stderr}`);
}

/** The parts both workspaces share: root files, the grader and course packages, the exercises' public files. */
function writeCommon(course: Course, dir: string, name: string): void {
  const { root } = course;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(root, 'tsconfig.base.json'), join(dir, 'tsconfig.base.json'));
  copyFileSync(process.env.CONVKIT_COURSE_CONFIG ?? join(root, 'course.config.ts'), join(dir, 'course.config.ts'));
  writeFileSync(join(dir, 'package.json'), rootPackageJson(root, course.config.title, name));
  writeFileSync(join(dir, 'pnpm-workspace.yaml'), readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8').replace(/^\s*- docs\n/m, ''));
  writeFileSync(join(dir, '.gitignore'), 'node_modules/\n.grade/\n');
  copyPackage(root, dir, 'grader');
  copyPackage(root, dir, 'course-config');
  copyPackage(root, dir, 'course');
  const exercisesDir = join(dir, 'exercises');
  mkdirSync(exercisesDir);
  for (const file of EXERCISE_FILES) if (existsSync(join(root, 'exercises', file))) copyFileSync(join(root, 'exercises', file), join(exercisesDir, file));
  // A released copy has no reference solutions (test:solutions) and no CI of ours (test:ci): only the student's scripts.
  const pkg = JSON.parse(readFileSync(join(exercisesDir, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  pkg.scripts = { typecheck: pkg.scripts.typecheck, test: pkg.scripts.test };
  writeFileSync(join(exercisesDir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  for (const e of course.exercises) {
    const from = join(root, 'exercises', e.id);
    mkdirSync(join(exercisesDir, e.id));
    for (const name of readdirSync(from)) {
      if (name === '.meta') continue; // graders only: copied into the grading workspace alone
      if (/\.test\.ts$/.test(name) && !e.visibleTests) continue;
      cpSync(join(from, name), join(exercisesDir, e.id, name), { recursive: true });
    }
  }
}

/**
 * Writes the student kit to `kitDir` (replacing it). `lockfile` runs pnpm to resolve the kit's own
 * lockfile. Recording the expected outputs runs every visible exercise's checks with the reference.
 */
export async function buildStarterKit(course: Course, kitDir: string, options: { lockfile?: boolean } = {}): Promise<void> {
  const { root } = course;
  writeCommon(course, kitDir, 'convkit-starter-kit');
  writeFileSync(join(kitDir, 'README.md'), README(course));
  await buildStudentEngine(root, join(kitDir, 'packages', 'engine'), course.exercises);

  // Expectations, not implementations: the outputs of the visible exercises' cases, as numbers.
  const specs = await loadSpecs(join(root, 'exercises'));
  const expectedDir = join(kitDir, 'packages', 'grader', 'expected');
  mkdirSync(expectedDir, { recursive: true });
  for (const e of course.exercises) {
    if (!e.visibleTests) continue;
    const spec = specs[e.id];
    if (!spec) throw new Error(`buildStarterKit: expected the checks of ${e.id} at exercises/${e.id}/.meta/spec.ts, got no such file`);
    writeExpected(expectedDir, await recordExercise(spec, e));
  }

  mkdirSync(join(kitDir, '.github', 'workflows'), { recursive: true });
  writeFileSync(
    join(kitDir, '.github', 'workflows', 'classroom.yml'),
    classroomWorkflow(course, (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { packageManager: string }).packageManager),
  );
  // The last word: nothing in what students receive may compute an exercised function.
  const answers = scanForAnswers(kitDir, course.exercises);
  if (answers.length > 0)
    throw new Error(`buildStarterKit: expected a kit without answers, got an implementation of an exercised function in:\n  ${answers.join('\n  ')}`);
  if (options.lockfile ?? true) writeLockfile(kitDir, 'buildStarterKit');
}

/**
 * Writes the official grader with its answer key to `dir`: the real engine, the grader, and every
 * course exercise's `.meta/`. Never given to students: the Gradescope autograder unpacks it where the
 * user running student code cannot read it.
 */
export function buildGradingWorkspace(course: Course, dir: string, options: { lockfile?: boolean } = {}): void {
  const { root } = course;
  writeCommon(course, dir, 'convkit-grader');
  copyPackage(
    root,
    dir,
    'engine',
    (pkg) => {
      delete (pkg.scripts as Record<string, string>).train;
    },
    true,
  );
  // Every exercise's .meta/, also of exercises the course leaves out: a solution may import another's.
  for (const id of readdirSync(join(root, 'exercises'))) {
    const meta = join(root, 'exercises', id, '.meta');
    if (existsSync(meta)) cpSync(meta, join(dir, 'exercises', id, '.meta'), { recursive: true });
  }
  if (options.lockfile ?? true) writeLockfile(dir, 'buildGradingWorkspace');
}
