import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { CourseConfigError, siteAddress, validateCourse, type CourseConfig } from './config.ts';
import { docsPageIds, loadCourse, resolveExercises } from './load.ts';

const known = { exercises: ['01-output-size', '02-conv-forward', '03-max-pool-forward'], chapters: ['index', 'pooling'] };
const good = (): CourseConfig => ({
  title: 'CNNs',
  chapters: ['index', 'pooling'],
  exercises: [{ id: '01-output-size', points: 5 }, { id: '02-conv-forward', points: 15 }, { id: '03-max-pool-forward' }],
});

/** The problems validateCourse reports for `raw`. */
function problems(raw: unknown): readonly string[] {
  try {
    validateCourse(raw, known);
  } catch (error) {
    expect(error).toBeInstanceOf(CourseConfigError);
    return (error as CourseConfigError).problems;
  }
  throw new Error('expected the config to be rejected');
}

describe('validateCourse', () => {
  it('accepts a valid config and returns it', () => {
    const c = good();
    expect(validateCourse(c, known)).toBe(c);
  });

  it('names the field of a negative point value', () => {
    const raw = { ...good(), exercises: [{ id: '01-output-size' }, { id: '02-conv-forward' }, { id: '03-max-pool-forward', points: -5 }] };
    expect(problems(raw)).toEqual(['course.config.ts: exercises[2].points: expected a number ≥ 0, got -5']);
  });

  it('lists the known exercises for an unknown id', () => {
    const raw = { ...good(), exercises: [{ id: '01-output-size' }, { id: '04-nope', points: 3 }] };
    expect(problems(raw)).toEqual([
      'course.config.ts: exercises[1].id: unknown exercise "04-nope"; the exercises are: 01-output-size, 02-conv-forward, 03-max-pool-forward',
    ]);
  });

  it('reports a duplicate exercise id with the index of the first', () => {
    const raw = { ...good(), exercises: [{ id: '02-conv-forward' }, { id: '01-output-size' }, { id: '02-conv-forward' }] };
    expect(problems(raw)).toEqual(['course.config.ts: exercises[2].id: duplicate id "02-conv-forward" (also exercises[0])']);
  });

  it('reports unknown and duplicate chapters, listing the docs pages', () => {
    const raw = { ...good(), chapters: ['index', 'convolution', 'index'] };
    expect(problems(raw)).toEqual([
      'course.config.ts: chapters[1]: unknown chapter "convolution"; the docs pages are: index, pooling',
      'course.config.ts: chapters[2]: duplicate chapter "index" (also chapters[0])',
    ]);
  });

  it('checks limits, tolerance, visibility, title and unknown fields, all at once', () => {
    const raw = {
      title: '',
      chapters: [],
      tolerance: 0,
      exercises: [{ id: '01-output-size', timeLimitMs: 1.5, memoryLimitMb: 0, tolerance: -1, visibleTests: 'yes', pointz: 3 }],
    };
    expect(problems(raw)).toEqual([
      'course.config.ts: title: expected a non-empty string, got ""',
      'course.config.ts: tolerance: expected a number > 0, got 0',
      'course.config.ts: exercises[0].pointz: unknown field; expected one of id, points, timeLimitMs, memoryLimitMb, tolerance, visibleTests',
      'course.config.ts: exercises[0].timeLimitMs: expected an integer > 0, got 1.5',
      'course.config.ts: exercises[0].memoryLimitMb: expected an integer > 0, got 0',
      'course.config.ts: exercises[0].tolerance: expected a number > 0, got -1',
      'course.config.ts: exercises[0].visibleTests: expected true or false, got "yes"',
    ]);
  });

  it('rejects NaN and strings as points, and a missing exercises list', () => {
    expect(
      problems({
        ...good(),
        exercises: [
          { id: '01-output-size', points: Number.NaN },
          { id: '02-conv-forward', points: '5' },
        ],
      }),
    ).toEqual([
      'course.config.ts: exercises[0].points: expected a number ≥ 0, got NaN',
      'course.config.ts: exercises[1].points: expected a number ≥ 0, got "5"',
    ]);
    expect(problems({ title: 'x', chapters: [] })).toEqual(['course.config.ts: exercises: expected an array of { id, points, … }, got undefined']);
    expect(problems(undefined)).toEqual(['course.config.ts: expected the default export to be defineCourse({ … }), got undefined']);
  });
});

describe('class grading: late policy and similarity threshold', () => {
  it('accepts a deadline with its zone, fractions and grace minutes', () => {
    const c = { ...good(), late: { deadline: '2026-12-01T23:59:00+01:00', perDay: 0.1, max: 0.3, graceMinutes: 60 }, similarity: { threshold: 0.7 } };
    expect(validateCourse(c, known)).toBe(c);
  });
  it('names each bad field: a zoneless deadline, percentages given as 10, an unknown field, a threshold above 1', () => {
    expect(
      problems({ ...good(), late: { deadline: '2026-12-01 23:59', perDay: 10, max: -1, graceMinutes: -5, penalty: 1 }, similarity: { threshold: 60 } }),
    ).toEqual([
      'course.config.ts: late.penalty: unknown field; expected one of deadline, perDay, max, graceMinutes',
      'course.config.ts: late.deadline: expected an ISO 8601 date and time with its zone, such as "2026-12-01T23:59:00+01:00", got "2026-12-01 23:59"',
      'course.config.ts: late.perDay: expected a fraction between 0 and 1 (0.1 = 10%), got 10',
      'course.config.ts: late.max: expected a fraction between 0 and 1 (0.1 = 10%), got -1',
      'course.config.ts: late.graceMinutes: expected a number ≥ 0, got -5',
      'course.config.ts: similarity.threshold: expected a similarity between 0 and 1, got 60',
    ]);
  });
});

describe('the site address (url)', () => {
  it('accepts an http(s) address; its origin is the site URL and its path the base URL', () => {
    const c = { ...good(), url: 'https://alice.github.io/cnn-course/' };
    expect(validateCourse(c, known)).toBe(c);
    expect(siteAddress(c)).toEqual({ url: 'https://alice.github.io', baseUrl: '/cnn-course/' });
    expect(siteAddress({ url: 'http://127.0.0.1:8080/a/b' })).toEqual({ url: 'http://127.0.0.1:8080', baseUrl: '/a/b/' });
    expect(siteAddress({ url: 'https://cnn.example.edu' })).toEqual({ url: 'https://cnn.example.edu', baseUrl: '/' });
  });

  it('defaults to / of https://convkit.example.org when unset', () => {
    expect(siteAddress(good())).toEqual({ url: 'https://convkit.example.org', baseUrl: '/' });
  });

  it('rejects what is not an absolute http(s) address, naming the field', () => {
    const expected = 'expected an absolute http(s) address such as "https://example.org/cnn-course/"';
    expect(problems({ ...good(), url: 'alice.github.io/cnn' })).toEqual([`course.config.ts: url: ${expected}, got "alice.github.io/cnn"`]);
    expect(problems({ ...good(), url: '/cnn-course/' })).toEqual([`course.config.ts: url: ${expected}, got "/cnn-course/"`]);
    expect(problems({ ...good(), url: 'ftp://example.org/' })).toEqual([`course.config.ts: url: ${expected}, got "ftp://example.org/"`]);
    expect(problems({ ...good(), url: 42 })).toEqual([`course.config.ts: url: ${expected}, got 42`]);
    expect(problems({ ...good(), url: 'https://example.org/cnn/?v=2' })).toEqual([
      'course.config.ts: url: expected an address without ?query or #fragment, got "https://example.org/cnn/?v=2"',
    ]);
    expect(problems({ ...good(), url: 'https://me:pw@example.org/' })).toEqual([
      'course.config.ts: url: expected an address without user name or password, got "https://me:pw@example.org/"',
    ]);
  });
});

describe('resolveExercises', () => {
  const manifest = [
    { id: '01-output-size', title: 'a', points: 5, functions: ['outputSize'], file: 'f', readme: 'r', hints: [], timeLimitMs: 2000, memoryLimitMb: 256 },
    { id: '02-conv-forward', title: 'b', points: 15, functions: ['conv2dForward'], file: 'g', readme: 's', hints: [], timeLimitMs: 3000, memoryLimitMb: 512 },
  ];
  it('keeps the config order and overrides only what the config sets', () => {
    const r = resolveExercises(
      {
        title: 't',
        chapters: [],
        tolerance: 1e-4,
        visibleTests: false,
        exercises: [
          { id: '02-conv-forward', points: 7, visibleTests: true },
          { id: '01-output-size', timeLimitMs: 900 },
        ],
      },
      manifest,
    );
    expect(r.map((e) => [e.id, e.points, e.timeLimitMs, e.memoryLimitMb, e.tolerance, e.visibleTests])).toEqual([
      ['02-conv-forward', 7, 3000, 512, 1e-4, true],
      ['01-output-size', 5, 900, 256, 1e-4, false],
    ]);
  });
});

describe('loadCourse (the repository)', () => {
  const root = join(import.meta.dirname, '..', '..', '..');
  it('loads the root course.config.ts against the real manifest and docs pages', async () => {
    const course = await loadCourse(root);
    expect(course.exercises.length).toBe(course.config.exercises.length);
    for (const ch of course.config.chapters) expect(docsPageIds(root)).toContain(ch);
  });

  it('fails on a config file with a negative point value, naming the file and field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'course-config-'));
    const file = join(dir, 'bad.config.ts');
    writeFileSync(file, `export default { title: 'x', chapters: ['index'], exercises: [{ id: '01-output-size', points: -5 }] };\n`);
    await expect(loadCourse(root, file)).rejects.toThrow(/exercises\[0\]\.points: expected a number ≥ 0, got -5/);
  });
});
