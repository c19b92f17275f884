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
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Course } from '@convkit/course-config/node';
import { buildGradescopeZip } from './gradescope.ts';
import { buildGradingWorkspace, buildStarterKit } from './starter-kit.ts';

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

/** Text of an HTML fragment: tags dropped, the usual entities decoded, blank runs collapsed. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Why a built page is an error shell instead of the page, or undefined for a real page. Docusaurus renders
 * an error into the page and still writes it (the build succeeds) when a page's code fails to load or render:
 *   - its loader's fallback, a red box with the error and a Retry button (a chunk that could not be loaded,
 *     e.g. "ReferenceError: exports is not defined in ES module scope");
 *   - its error boundaries' "This page crashed" page (title "Page Error").
 * Every real page of the site has a <main> with an <h1>.
 */
export function errorShell(html: string): string | undefined {
  // (the HTML minifier drops optional end tags: the <p> may end at the next <div> instead of a </p>)
  const loader = /background-color:\s*#fa383e[^>]*>\s*<p>([\s\S]*?)(?:<\/p>|<div|<button)/i.exec(html);
  if (loader) return textOf(loader[1]);
  if (/This page crashed|<title[^>]*>Page Error<\/title>/.test(html)) {
    const message = /This page crashed\.?<\/h1>[\s\S]*?<p[^>]*>([\s\S]*?)(?:<\/p>|<div|<\/main)/.exec(html);
    return `"This page crashed"${message ? `: ${textOf(message[1])}` : ''}`;
  }
  if (!/<main[\s>]/.test(html)) return 'no <main> element (not a rendered page)';
  if (!/<h1[\s>]/.test(html)) return 'no <h1> heading (not a rendered page)';
  return undefined;
}

/** The error shells among the HTML files of a built site: page (relative path) and why. */
export function errorShellPages(siteDir: string): { page: string; error: string }[] {
  const found: { page: string; error: string }[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.html')) {
        const error = errorShell(readFileSync(path, 'utf8'));
        if (error !== undefined) found.push({ page: relative(siteDir, path).split(sep).join('/'), error });
      }
    }
  };
  walk(siteDir);
  return found.sort((a, b) => a.page.localeCompare(b.page));
}

/**
 * Checks a built site: throws when it has no home page or when any page is an error shell, naming the pages
 * and their errors (a site whose pages show an error instead of the chapter is a failed build).
 */
export function checkSite(siteDir: string): void {
  if (!existsSync(join(siteDir, 'index.html'))) throw new Error(`checkSite: expected the site's home page at ${join(siteDir, 'index.html')}, got no such file`);
  const shells = errorShellPages(siteDir);
  if (shells.length > 0) {
    const shown = shells.slice(0, 10).map((s) => `  ${s.page}: ${s.error.slice(0, 400)}`);
    if (shells.length > 10) shown.push(`  … and ${shells.length - 10} more`);
    throw new Error(
      `checkSite: expected every page of ${siteDir} to render its content, got ${shells.length} error page(s) in its place:\n${shown.join('\n')}`,
    );
  }
}

/**
 * Builds the course site into `siteDir` and checks every page it wrote ({@link checkSite}). Throws when the docs build fails,
 * when it wrote no pages, or when any page is an error shell (naming the pages and their errors): a site
 * whose pages show an error instead of the chapter is a failed build, whatever docusaurus's exit code.
 */
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
  checkSite(siteDir);
}

export async function buildRelease(course: Course, options: BuildOptions): Promise<BuildResult> {
  const log = options.log ?? (() => {});
  const out = options.outDir;
  const seconds: Record<string, number> = {};
  mkdirSync(out, { recursive: true });
  const configFile = process.env.CONVKIT_COURSE_CONFIG ?? join(course.root, 'course.config.ts');
  const files: string[] = [];

  if (!options.skipSite) {
    log("site: building the docs with the course's chapters…");
    timed(seconds, 'site', () => buildSite(course, join(out, 'site'), configFile));
    files.push(join(out, 'site'));
  }
  log('starter kit: the answer-free engine, the expected outputs of the visible cases, its lockfile…');
  const kit = join(out, 'starter-kit');
  const t0 = performance.now();
  await buildStarterKit(course, kit);
  seconds['starter-kit'] = Math.round((performance.now() - t0) / 100) / 10;
  files.push(kit, join(kit, '.github', 'workflows', 'classroom.yml'));
  log('gradescope: the grader with its key, the student runtime, zipped…');
  const zip = join(out, 'gradescope-autograder.zip');
  const grading = join(out, '.grading-workspace');
  timed(seconds, 'gradescope', () => {
    buildGradingWorkspace(course, grading);
    buildGradescopeZip(grading, kit, zip);
    rmSync(grading, { recursive: true, force: true }); // the key goes into the zip only
  });
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
