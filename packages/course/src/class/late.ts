/**
 * Late work: when each submission came in, and what the course's late policy (`late` in
 * course.config.ts) takes off for it. Submission times come, in this order, from a timestamps CSV
 * (Gradescope's "Download Grades" export: `Submission Time` per `Submission ID`, `SID`, `Email` or
 * name), the last commit of a GitHub Classroom repository, or the submitted files' modification times
 * (a last resort: copying or unzipping can change them). The report says which one each student's is.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LatePolicy } from '@convkit/course-config';
import { readTable } from './csv.ts';
import type { Submission } from './submissions.ts';

const DAY_MS = 24 * 3600 * 1000;

export type TimeSource = 'timestamps CSV' | 'last commit' | 'file times' | 'unknown';

export interface SubmissionTime {
  /** When it was submitted (ms since the epoch), or null when no source knew. */
  at: number | null;
  source: TimeSource;
}

export interface Lateness {
  /** How late (ms past the deadline; 0 when on time or unknown). */
  lateMs: number;
  /** Started days late that count (0 within the grace period). */
  days: number;
  /** Fraction of the score taken off (0–1). */
  fraction: number;
}

/**
 * What the policy takes off a submission made at `at`: `perDay` for every started day past the
 * deadline, capped at `max`; nothing within `graceMinutes` of it. 2.5 days late at 10%/day, cap 30%:
 * 3 started days, 30%. Late by 61 minutes with 60 minutes of grace: 1 day, 10%.
 */
export function lateness(policy: LatePolicy | undefined, at: number | null): Lateness {
  if (!policy || at === null) return { lateMs: 0, days: 0, fraction: 0 };
  const lateMs = Math.max(0, at - Date.parse(policy.deadline));
  if (lateMs === 0 || lateMs <= (policy.graceMinutes ?? 0) * 60_000) return { lateMs, days: 0, fraction: 0 };
  const days = Math.ceil(lateMs / DAY_MS);
  return { lateMs, days, fraction: Math.min(policy.max ?? 1, days * policy.perDay) };
}

/** `2026-12-01 23:59:00 -0800` (Gradescope), ISO 8601, or anything Date.parse reads; NaN otherwise. */
export function parseTime(text: string): number {
  const gs = /^(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d(?::\d\d(?:\.\d+)?)?)\s*([+-]\d\d):?(\d\d)$/.exec(text.trim());
  if (gs) return Date.parse(`${gs[1]}T${gs[2]}${gs[3]}:${gs[4]}`);
  return Date.parse(text.trim());
}

const norm = (s: string): string =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9@.]/g, '');

/**
 * Submission times from a timestamps CSV: a `Submission Time` (or `timestamp`, `submitted at`) column,
 * and a column naming the submission the way its folder is named: `Submission ID` (folders named
 * `submission_<id>` or `<id>`), `SID`, `Email`, `Name` or `student`. Rows whose time does not parse
 * are an error naming the line.
 */
export function readTimestamps(text: string, file: string): Map<string, number> {
  const table = readTable(text, file);
  const timeColumn = table.column('Submission Time', 'timestamp', 'submitted at', 'submitted', 'time');
  if (!timeColumn) throw new Error(`${file}: expected a "Submission Time" column (Gradescope's export) or "timestamp", got ${table.headers.join(', ')}`);
  const byKey = new Map<string, number>();
  for (const row of table.rows) {
    const raw = row.get('Submission Time', 'timestamp', 'submitted at', 'submitted', 'time');
    if (raw === '') continue; // no submission
    const at = parseTime(raw);
    if (Number.isNaN(at))
      throw new Error(`${file}: line ${row.line}: expected a time such as "2026-12-01 23:59:00 -0800" or "2026-12-01T23:59:00Z", got ${JSON.stringify(raw)}`);
    const id = row.get('Submission ID', 'submission');
    for (const key of [
      id,
      id && `submission_${id}`,
      row.get('SID', 'student id'),
      row.get('Email', 'email address'),
      row.get('Name', 'student', 'full name'),
      `${row.get('First Name')} ${row.get('Last Name')}`,
    ]) {
      if (key && key.trim()) byKey.set(norm(key), at);
    }
  }
  return byKey;
}

/** The committer time of HEAD of a git repository (a GitHub Classroom clone), read without running its hooks or config. */
export function lastCommitTime(dir: string): number | null {
  if (!existsSync(join(dir, '.git'))) return null;
  // The repository is the student's: switch off everything in its config that could run a program.
  const r = spawnSync(
    'git',
    [
      '-c',
      'safe.directory=*',
      '-c',
      'core.fsmonitor=false',
      '-c',
      'core.hooksPath=/dev/null',
      '-c',
      'log.showSignature=false',
      '-c',
      'gpg.program=false',
      '-C',
      dir,
      '--no-pager',
      'log',
      '-1',
      '--no-show-signature',
      '--format=%ct',
    ],
    {
      encoding: 'utf8',
      timeout: 10_000,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', HOME: '/nonexistent' },
    },
  );
  const seconds = Number(r.stdout?.trim());
  return r.status === 0 && Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : null;
}

/** The newest modification time of the files of a submission (the zip's own for a zip). */
export function newestFileTime(sub: Submission): number | null {
  if (sub.kind === 'zip') return lstatSync(sub.path).mtimeMs;
  let newest: number | null = null;
  const walk = (dir: string, depth: number): void => {
    if (depth > 6) return;
    for (const name of readdirSync(dir)) {
      if (name === '.git' || name === 'node_modules') continue;
      const stat = lstatSync(join(dir, name));
      if (stat.isDirectory()) walk(join(dir, name), depth + 1);
      else if (stat.isFile()) newest = Math.max(newest ?? 0, stat.mtimeMs);
    }
  };
  walk(sub.path, 0);
  return newest;
}

/** When `sub` was submitted, from the first source that knows. */
export function submissionTime(sub: Submission, timestamps: Map<string, number> | null): SubmissionTime {
  if (timestamps) {
    const at = timestamps.get(norm(sub.student));
    return at === undefined ? { at: null, source: 'unknown' } : { at, source: 'timestamps CSV' };
  }
  const commit = sub.kind === 'folder' ? lastCommitTime(sub.path) : null;
  if (commit !== null) return { at: commit, source: 'last commit' };
  const files = newestFileTime(sub);
  return files === null ? { at: null, source: 'unknown' } : { at: files, source: 'file times' };
}

/** Reads a timestamps CSV file. */
export function readTimestampsFile(path: string): Map<string, number> {
  return readTimestamps(readFileSync(path, 'utf8'), path);
}
