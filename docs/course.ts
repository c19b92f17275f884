/**
 * The course this site is built for: `course.config.ts` at the root, or the file named by
 * CONVKIT_COURSE_CONFIG (`pnpm course build` builds the site for an instructor's config). Docusaurus
 * loads this file with jiti, which can require a TypeScript file. Read by sidebars.ts (the chapters and
 * their order) and docusaurus.config.ts (the site's title and address; chapters the course leaves out are
 * not built at all).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { siteAddress, type CourseConfig } from '@convkit/course-config';
import rootCourse from '../course.config.ts';

export const course: CourseConfig = process.env.CONVKIT_COURSE_CONFIG
  ? (require(process.env.CONVKIT_COURSE_CONFIG) as { default: CourseConfig }).default
  : rootCourse;

/** Chapter pages (docs/*.mdx) that the course does not list: excluded from the build. */
export const chaptersLeftOut: string[] = readdirSync(join(__dirname, 'docs'))
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => f.slice(0, -'.mdx'.length))
  .filter((id) => !course.chapters.includes(id));

/**
 * The site's Docusaurus `url` and `baseUrl`, from the course's `url` (https://convkit.example.org/ when
 * unset). DOCS_BASE_URL, when set, overrides the base URL (e.g. a preview served under another path).
 */
export const site = (() => {
  const address = siteAddress(course);
  return { url: address.url, baseUrl: process.env.DOCS_BASE_URL ?? address.baseUrl };
})();
