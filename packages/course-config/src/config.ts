/**
 * The course config (`course.config.ts` at the repository root): what an instructor's course covers.
 * Browser-safe (no Node imports), so the docs sidebar can read it too. {@link validateCourse} checks a
 * config against what exists (the exercise manifest, the docs chapters) and names the field at fault:
 *   course.config.ts: exercises[3].points: expected a number ≥ 0, got -5
 */

/** One exercise of the course; unset fields keep the exercise manifest's values. */
export interface CourseExercise {
  /** The id in `exercises/manifest.ts`, e.g. `'02-conv-forward'`. */
  readonly id: string;
  /** Points for passing every test of the exercise. */
  readonly points?: number;
  /** Time limit of one call of a student function, in ms. */
  readonly timeLimitMs?: number;
  /** Memory limit of the sandbox process, in MB. */
  readonly memoryLimitMb?: number;
  /** Relative tolerance of the comparisons (the course's `tolerance` by default). */
  readonly tolerance?: number;
  /**
   * Whether students see this exercise's tests: its vitest tests ship in the starter kit and its
   * grader tests are visible on Gradescope at once (otherwise only after the grades are published).
   */
  readonly visibleTests?: boolean;
}

export interface CourseConfig {
  /** The course's name: the site's title (navbar, browser tab) and the release README's heading. */
  readonly title: string;
  /**
   * Where the course site is published, e.g. `'https://alice.github.io/cnn-course/'`: its origin is the
   * site's URL (canonical links, sitemap) and its path the base URL the site is served under. Unset: the
   * site is built for `/` of https://convkit.example.org. The DOCS_BASE_URL variable overrides the path.
   */
  readonly url?: string;
  /** Docs page ids in reading order (`'stride-and-padding'` for `docs/docs/stride-and-padding.mdx`). */
  readonly chapters: readonly string[];
  /** The graded exercises, in the order students do them. */
  readonly exercises: readonly CourseExercise[];
  /** Default relative tolerance of every comparison (1e-6 when unset). */
  readonly tolerance?: number;
  /** Default of every exercise's `visibleTests` (true when unset). */
  readonly visibleTests?: boolean;
  /** Class grading: the deadline and the late-penalty policy (`pnpm grade --submissions`). */
  readonly late?: LatePolicy;
  /** Class grading: when the class report lists a pair of submissions as similar. */
  readonly similarity?: SimilarityPolicy;
}

/**
 * A deadline and what a late submission costs: `perDay` of its score for every started day past the
 * deadline, at most `max`; a submission at most `graceMinutes` late counts as on time.
 *   { deadline: '2026-12-01T23:59:00+01:00', perDay: 0.1, max: 0.3, graceMinutes: 60 }
 * A submission 2.5 days late then loses 3 × 10% = 30% of its score; one 61 minutes late loses 10%.
 */
export interface LatePolicy {
  /** ISO 8601 date and time with its offset (`Z` or `+01:00`): a time without a zone would be ambiguous. */
  readonly deadline: string;
  /** Fraction of the score lost per started day late (0.1 = 10%). */
  readonly perDay: number;
  /** Largest fraction lost (1 when unset: a late enough submission scores 0). */
  readonly max?: number;
  /** Minutes after the deadline that still count as on time (0 when unset). */
  readonly graceMinutes?: number;
}

export interface SimilarityPolicy {
  /** Pairs at or above this similarity (0–1) are listed in the class report; 0.6 when unset. */
  readonly threshold?: number;
}

/** Identity with types: `export default defineCourse({ … })` in `course.config.ts`. */
export function defineCourse(config: CourseConfig): CourseConfig {
  return config;
}

/** What a config may refer to. */
export interface KnownIds {
  exercises: readonly string[];
  /** Null where there are no docs to check against (the starter kit, the autograder). */
  chapters: readonly string[] | null;
}

export class CourseConfigError extends Error {
  override name = 'CourseConfigError';
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
  }
}

const COURSE_FIELDS = ['title', 'url', 'chapters', 'exercises', 'tolerance', 'visibleTests', 'late', 'similarity'];
const LATE_FIELDS = ['deadline', 'perDay', 'max', 'graceMinutes'];
const EXERCISE_FIELDS = ['id', 'points', 'timeLimitMs', 'memoryLimitMb', 'tolerance', 'visibleTests'];

/** The site address of a course without `url`. */
export const DEFAULT_SITE_URL = 'https://convkit.example.org/';

/** Why `url` is not a usable site address, or undefined when it is. */
function siteUrlProblem(url: unknown): string | undefined {
  const expected = 'expected an absolute http(s) address such as "https://example.org/cnn-course/"';
  if (typeof url !== 'string') return `${expected}, got ${show(url)}`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `${expected}, got ${show(url)}`;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return `${expected}, got ${show(url)}`;
  if (parsed.search || parsed.hash || url.includes('?') || url.includes('#')) return `expected an address without ?query or #fragment, got ${show(url)}`;
  if (parsed.username || parsed.password) return `expected an address without user name or password, got ${show(url)}`;
  return undefined;
}

/**
 * The Docusaurus `url` (origin) and `baseUrl` (path, with a trailing slash) of a course's site, from its
 * `url` ({@link DEFAULT_SITE_URL} when unset). Assumes a validated config.
 */
export function siteAddress(config: Pick<CourseConfig, 'url'>): { url: string; baseUrl: string } {
  const parsed = new URL(config.url ?? DEFAULT_SITE_URL);
  return { url: parsed.origin, baseUrl: parsed.pathname.endsWith('/') ? parsed.pathname : `${parsed.pathname}/` };
}

const show = (v: unknown): string =>
  typeof v === 'string' ? JSON.stringify(v) : Array.isArray(v) ? 'an array' : v === null ? 'null' : typeof v === 'object' ? 'an object' : String(v);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks `raw` (the default export of a course config) and returns it typed; throws a
 * {@link CourseConfigError} listing every problem, each prefixed with `file: field.path:`.
 */
export function validateCourse(raw: unknown, known: KnownIds, file = 'course.config.ts'): CourseConfig {
  const problems: string[] = [];
  const problem = (field: string, message: string): void => void problems.push(`${file}: ${field}: ${message}`);
  const number = (field: string, v: unknown, min: number, exclusive = false, integer = false): void => {
    const ok = typeof v === 'number' && Number.isFinite(v) && (exclusive ? v > min : v >= min) && (!integer || Number.isInteger(v));
    if (!ok) problem(field, `expected ${integer ? 'an integer' : 'a number'} ${exclusive ? '>' : '≥'} ${min}, got ${show(v)}`);
  };
  const unknownFields = (field: string, value: Record<string, unknown>, allowed: string[]): void => {
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) problem(`${field}${field ? '.' : ''}${key}`, `unknown field; expected one of ${allowed.join(', ')}`);
    }
  };

  if (!isRecord(raw)) throw new CourseConfigError([`${file}: expected the default export to be defineCourse({ … }), got ${show(raw)}`]);
  unknownFields('', raw, COURSE_FIELDS);
  if (typeof raw.title !== 'string' || raw.title.trim() === '') problem('title', `expected a non-empty string, got ${show(raw.title)}`);
  if (raw.url !== undefined) {
    const why = siteUrlProblem(raw.url);
    if (why) problem('url', why);
  }
  if (raw.tolerance !== undefined) number('tolerance', raw.tolerance, 0, true);
  if (raw.visibleTests !== undefined && typeof raw.visibleTests !== 'boolean') problem('visibleTests', `expected true or false, got ${show(raw.visibleTests)}`);

  if (raw.late !== undefined) {
    const late = raw.late;
    if (!isRecord(late)) problem('late', `expected { deadline, perDay, max, graceMinutes }, got ${show(late)}`);
    else {
      unknownFields('late', late, LATE_FIELDS);
      if (typeof late.deadline !== 'string' || !/(Z|[+-]\d\d:?\d\d)$/i.test(late.deadline) || Number.isNaN(Date.parse(late.deadline))) {
        problem('late.deadline', `expected an ISO 8601 date and time with its zone, such as "2026-12-01T23:59:00+01:00", got ${show(late.deadline)}`);
      }
      const fraction = (field: string, v: unknown): void => {
        if (typeof v !== 'number' || !(v >= 0 && v <= 1)) problem(field, `expected a fraction between 0 and 1 (0.1 = 10%), got ${show(v)}`);
      };
      fraction('late.perDay', late.perDay);
      if (late.max !== undefined) fraction('late.max', late.max);
      if (late.graceMinutes !== undefined) number('late.graceMinutes', late.graceMinutes, 0);
    }
  }
  if (raw.similarity !== undefined) {
    if (!isRecord(raw.similarity)) problem('similarity', `expected { threshold }, got ${show(raw.similarity)}`);
    else {
      unknownFields('similarity', raw.similarity, ['threshold']);
      const t = raw.similarity.threshold;
      if (t !== undefined && (typeof t !== 'number' || !(t >= 0 && t <= 1)))
        problem('similarity.threshold', `expected a similarity between 0 and 1, got ${show(t)}`);
    }
  }

  if (!Array.isArray(raw.chapters)) problem('chapters', `expected an array of docs page ids, got ${show(raw.chapters)}`);
  else {
    const seen = new Map<unknown, number>();
    raw.chapters.forEach((id: unknown, i) => {
      const field = `chapters[${i}]`;
      if (typeof id !== 'string') problem(field, `expected a docs page id (string), got ${show(id)}`);
      else if (seen.has(id)) problem(field, `duplicate chapter ${show(id)} (also chapters[${seen.get(id)}])`);
      else if (known.chapters !== null && !known.chapters.includes(id))
        problem(field, `unknown chapter ${show(id)}; the docs pages are: ${known.chapters.join(', ')}`);
      if (!seen.has(id)) seen.set(id, i);
    });
  }

  if (!Array.isArray(raw.exercises)) problem('exercises', `expected an array of { id, points, … }, got ${show(raw.exercises)}`);
  else {
    const seen = new Map<unknown, number>();
    raw.exercises.forEach((e: unknown, i) => {
      const at = `exercises[${i}]`;
      if (!isRecord(e)) return problem(at, `expected { id, points, … }, got ${show(e)}`);
      unknownFields(at, e, EXERCISE_FIELDS);
      if (typeof e.id !== 'string') problem(`${at}.id`, `expected an exercise id (string), got ${show(e.id)}`);
      else if (seen.has(e.id)) problem(`${at}.id`, `duplicate id ${show(e.id)} (also exercises[${seen.get(e.id)}])`);
      else if (!known.exercises.includes(e.id)) problem(`${at}.id`, `unknown exercise ${show(e.id)}; the exercises are: ${known.exercises.join(', ')}`);
      if (!seen.has(e.id)) seen.set(e.id, i);
      if (e.points !== undefined) number(`${at}.points`, e.points, 0);
      if (e.timeLimitMs !== undefined) number(`${at}.timeLimitMs`, e.timeLimitMs, 0, true, true);
      if (e.memoryLimitMb !== undefined) number(`${at}.memoryLimitMb`, e.memoryLimitMb, 0, true, true);
      if (e.tolerance !== undefined) number(`${at}.tolerance`, e.tolerance, 0, true);
      if (e.visibleTests !== undefined && typeof e.visibleTests !== 'boolean')
        problem(`${at}.visibleTests`, `expected true or false, got ${show(e.visibleTests)}`);
    });
  }
  if (problems.length > 0) throw new CourseConfigError(problems);
  return raw as unknown as CourseConfig;
}
