/**
 * `pnpm course build`: the release folder an instructor publishes.
 *
 *   release/site/                        the course site (docs build with the course's chapters)
 *   release/starter-kit/                 what students clone (with .github/workflows/classroom.yml)
 *   release/gradescope-autograder.zip    upload as a Gradescope "zip file upload" autograder
 *
 * The site is built by the docs package itself, told which course to show through the environment
 * variable CONVKIT_COURSE_CONFIG (read by docs/sidebars.ts and docs/docusaurus.config.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Course } from '../load.ts';
import { buildGradescopeZip } from './gradescope.ts';
import { buildStarterKit } from './starter-kit.ts';

export interface BuildOptions {
  outDir: string;
  /** Leave the site out (it takes the longest; the kit and autograders do not need it). */
  skipSite?: boolean;
  log?: (line: string) => void;
}

export interface BuildResult {
  /** Seconds per part. */
  seconds: Record<string, number>;
  files: string[];
}

function timed<T>(seconds: Record<string, number>, part: string, run: () => T): T {
  const t0 = performance.now();
  const value = run();
  seconds[part] = Math.round((performance.now() - t0) / 100) / 10;
  return value;
}

export function buildSite(course: Course, siteDir: string, configFile: string): void {
  rmSync(siteDir, { recursive: true, force: true });
  // Straight into the release folder: docs/build (the docs' own build, which their browser tests use) stays as it is.
  const r = spawnSync('pnpm', ['--filter', '@convkit/docs', 'build', '--out-dir', siteDir], {
    cwd: course.root,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', NO_UPDATE_NOTIFIER: '1', CONVKIT_COURSE_CONFIG: configFile },
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0) throw new Error(`buildSite: the docs build failed:\n${(r.stdout + r.stderr).slice(-4000)}`);
}

export function buildRelease(course: Course, options: BuildOptions): BuildResult {
  const log = options.log ?? (() => {});
  const out = options.outDir;
  const seconds: Record<string, number> = {};
  mkdirSync(out, { recursive: true });
  const configFile = process.env.CONVKIT_COURSE_CONFIG ?? join(course.root, 'course.config.ts');
  const files: string[] = [];

  if (!options.skipSite) {
    log('site: building the docs with the course\'s chapters…');
    timed(seconds, 'site', () => buildSite(course, join(out, 'site'), configFile));
    files.push(join(out, 'site'));
  }
  log('starter kit: copying the workspace and resolving its lockfile…');
  const kit = join(out, 'starter-kit');
  timed(seconds, 'starter-kit', () => buildStarterKit(course, kit));
  files.push(kit, join(kit, '.github', 'workflows', 'classroom.yml'));
  log('gradescope: zipping the autograder…');
  const zip = join(out, 'gradescope-autograder.zip');
  timed(seconds, 'gradescope', () => buildGradescopeZip(kit, zip));
  files.push(zip);

  const lines = [
    `# Release of "${course.config.title}"`,
    '',
    `Built by \`pnpm course build\` from ${relative(course.root, configFile) || configFile}.`,
    '',
    ...(existsSync(join(out, 'site')) ? ['- `site/`: the course site, static files: serve or upload them anywhere (GitHub Pages, a web server).'] : []),
    '- `starter-kit/`: push it to a template repository for GitHub Classroom; students run `pnpm install` then `pnpm grade`.',
    '  Its `.github/workflows/classroom.yml` grades every push and reports the points to GitHub Classroom.',
    '- `gradescope-autograder.zip`: in Gradescope, Configure Autograder → Zip file upload (Ubuntu base image).',
    '  Students submit their `exercises/` folder (or the whole kit, or a zip of it).',
    '',
  ];
  writeFileSync(join(out, 'README.md'), lines.join('\n'));
  return { seconds, files };
}
