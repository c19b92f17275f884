/**
 * The student starter kit: a standalone pnpm workspace a student clones and works in. It holds the
 * engine, the grader (without the reference solutions), the course config and the course's exercises
 * (stubs, instructions, and the visible tests of the exercises whose tests are visible), with its own
 * package.json, pnpm-workspace.yaml and lockfile, so `pnpm install && pnpm grade` works on its own.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Course } from '../load.ts';
import { classroomWorkflow } from './classroom.ts';

/** Kit paths → repository paths, copied as they are. */
const COPIED = ['tsconfig.base.json'];
/** Top-level files of `exercises/` that the grader and the visible tests need. */
const EXERCISE_FILES = ['manifest.ts', 'not-implemented.ts', 'steps.ts', 'gradcheck.ts', 'package.json', 'tsconfig.json', 'vitest.config.ts'];

const isTest = (path: string): boolean => /\.test\.m?ts$/.test(path) || /(^|\/)(testing|scratch|solutions)(\/|$)/.test(path);

/** Copies a package's `src/` (without tests and test helpers), package.json and tsconfig.json. */
function copyPackage(root: string, kit: string, name: string, edit: (pkg: Record<string, unknown>) => void): void {
  const from = join(root, 'packages', name);
  const to = join(kit, 'packages', name);
  cpSync(join(from, 'src'), join(to, 'src'), { recursive: true, filter: (src) => !isTest(relative(from, src)) });
  for (const file of ['tsconfig.json', 'vitest.config.ts']) if (existsSync(join(from, file))) copyFileSync(join(from, file), join(to, file));
  const pkg = JSON.parse(readFileSync(join(from, 'package.json'), 'utf8')) as Record<string, unknown>;
  delete pkg.devDependencies; // the kit's packages are used, not developed: their test tools stay here
  edit(pkg);
  writeFileSync(join(to, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
}

function rootPackageJson(root: string, title: string): string {
  const repo = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { packageManager: string; devDependencies: Record<string, string> };
  const dev = repo.devDependencies;
  return `${JSON.stringify(
    {
      name: 'convkit-starter-kit',
      description: title,
      private: true,
      type: 'module',
      packageManager: repo.packageManager,
      engines: { node: '>=20' },
      scripts: {
        grade: 'tsx packages/grader/src/cli.ts',
        hint: 'tsx packages/grader/src/hint.ts',
        test: 'pnpm --filter @convkit/exercises test',
      },
      devDependencies: {
        '@convkit/course': 'workspace:*',
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

Your workspace for the course's exercises. You need Node.js 20 and pnpm 12.

\`\`\`bash
pnpm install          # once
pnpm grade            # grade every exercise; pnpm grade 02 grades one
pnpm hint 02          # the next hint for exercise 02
pnpm test             # the visible tests (vitest)
\`\`\`

Edit only the stub files in \`exercises/NN-slug/\`. The exercises, in order:

${course.exercises.map((e) => `- \`${e.id}\`: ${e.title} (${e.points} points)`).join('\n')}

Pushing to GitHub runs \`.github/workflows/classroom.yml\`, which grades your work and reports the points.
`;

/** Writes the kit to `kitDir` (replacing it); `lockfile` runs pnpm to resolve the kit's own lockfile. */
export function buildStarterKit(course: Course, kitDir: string, options: { lockfile?: boolean } = {}): void {
  const { root } = course;
  rmSync(kitDir, { recursive: true, force: true });
  mkdirSync(kitDir, { recursive: true });
  for (const file of COPIED) copyFileSync(join(root, file), join(kitDir, file));
  copyFileSync(process.env.CONVKIT_COURSE_CONFIG ?? join(root, 'course.config.ts'), join(kitDir, 'course.config.ts'));
  writeFileSync(join(kitDir, 'package.json'), rootPackageJson(root, course.config.title));
  writeFileSync(join(kitDir, 'pnpm-workspace.yaml'), readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8').replace(/^\s*- docs\n/m, ''));
  writeFileSync(join(kitDir, '.gitignore'), 'node_modules/\n.grade/\n');
  writeFileSync(join(kitDir, 'README.md'), README(course));
  copyPackage(root, kitDir, 'engine', (pkg) => {
    delete (pkg.scripts as Record<string, string>).train;
  });
  copyPackage(root, kitDir, 'grader', () => {});
  copyPackage(root, kitDir, 'course', () => {});

  const exercisesDir = join(kitDir, 'exercises');
  mkdirSync(exercisesDir);
  for (const file of EXERCISE_FILES) if (existsSync(join(root, 'exercises', file))) copyFileSync(join(root, 'exercises', file), join(exercisesDir, file));
  for (const e of course.exercises) {
    const from = join(root, 'exercises', e.id);
    mkdirSync(join(exercisesDir, e.id));
    for (const name of readdirSync(from)) {
      if (name === '.meta') continue; // graders only: the spec and the reference solution never ship
      if (/\.test\.ts$/.test(name) && !e.visibleTests) continue;
      cpSync(join(from, name), join(exercisesDir, e.id, name), { recursive: true });
    }
  }
  mkdirSync(join(kitDir, '.github', 'workflows'), { recursive: true });
  writeFileSync(join(kitDir, '.github', 'workflows', 'classroom.yml'), classroomWorkflow(course, (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { packageManager: string }).packageManager));

  if (options.lockfile ?? true) {
    const r = spawnSync('pnpm', ['install', '--lockfile-only', '--prefer-offline', '--reporter=append-only'], { cwd: kitDir, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    if (r.status !== 0) throw new Error(`buildStarterKit: pnpm could not write the kit's lockfile:\n${r.stdout}${r.stderr}`);
  }
}
