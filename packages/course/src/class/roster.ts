/**
 * The class roster (`--roster roster.csv`): who each submission folder belongs to. Columns `name`,
 * `student id` (or `SIS User ID`, `ID number`, `SID`) and `email` (or `Email address`); an optional
 * `folder` (or `github`, `login`) column names the submission folder when it is none of those. A
 * folder matches a roster row by that column, the email, the email's user part, the student id or the
 * name (case, spaces and accents ignored); a GitHub Classroom folder `assignment-<login>` matches its
 * login. Folders without a row and rows without a folder are both listed.
 */
import { readFileSync } from 'node:fs';
import { readTable } from './csv.ts';

export interface RosterEntry {
  name: string;
  studentId: string;
  email: string;
  /** Canvas's section, when the roster has one. */
  section: string;
  /** Extra keys a folder may be named by (the `folder` / `github` / `login` columns). */
  aliases: string[];
}

export interface RosterMatch {
  /** Folder name → roster entry. */
  byStudent: Map<string, RosterEntry>;
  /** Submission folders no roster row matched. */
  unmatchedFolders: string[];
  /** Roster rows no submission matched (they did not submit). */
  missing: RosterEntry[];
}

const norm = (s: string): string =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9@.]/g, '');

export function parseRoster(text: string, file: string): RosterEntry[] {
  const table = readTable(text, file);
  const nameCol = table.column('name', 'student', 'full name', 'student name');
  const first = table.column('first name');
  const idCol = table.column('student id', 'studentid', 'sis user id', 'id number', 'sid', 'id');
  const emailCol = table.column('email', 'email address', 'e-mail');
  if (!nameCol && !first && !idCol && !emailCol) {
    throw new Error(
      `${file}: expected the columns name, student id and email (or Canvas's "Student", "SIS User ID", Moodle's "ID number", "Email address"), got ${table.headers.join(', ')}`,
    );
  }
  return table.rows.map((row) => {
    const name = row.get('name', 'student', 'full name', 'student name') || `${row.get('first name')} ${row.get('last name', 'surname')}`.trim();
    const entry: RosterEntry = {
      name,
      studentId: row.get('student id', 'studentid', 'sis user id', 'id number', 'sid', 'id'),
      email: row.get('email', 'email address', 'e-mail'),
      section: row.get('section'),
      aliases: [row.get('folder'), row.get('github', 'github username', 'login')].filter((a) => a !== ''),
    };
    if (!entry.name && !entry.studentId && !entry.email)
      throw new Error(`${file}: line ${row.line}: expected a name, a student id or an email, got an empty row`);
    return entry;
  });
}

export function readRoster(path: string): RosterEntry[] {
  return parseRoster(readFileSync(path, 'utf8'), path);
}

/** Joins submission folder names to roster rows (see the module comment for the matching rules). */
export function matchRoster(students: readonly string[], roster: readonly RosterEntry[]): RosterMatch {
  const index = new Map<string, RosterEntry>();
  const add = (key: string, e: RosterEntry): void => {
    const k = norm(key);
    if (k && !index.has(k)) index.set(k, e);
  };
  // Strongest keys first: an explicit folder or login, then ids and emails, then names.
  for (const e of roster) for (const a of e.aliases) add(a, e);
  for (const e of roster) add(e.studentId, e), add(e.email, e);
  for (const e of roster) add(e.email.split('@')[0] ?? '', e);
  for (const e of roster) add(e.name, e);
  const byStudent = new Map<string, RosterEntry>();
  const unmatchedFolders: string[] = [];
  for (const s of students) {
    const classroomLogin = /^.+?-([A-Za-z0-9-]+)$/.exec(s);
    let e = index.get(norm(s));
    // GitHub Classroom names repositories `<assignment>-<login>`: try each suffix after a dash.
    for (let at = s.indexOf('-'); !e && classroomLogin && at >= 0; at = s.indexOf('-', at + 1)) {
      const alias = roster.find((r) => r.aliases.some((a) => norm(a) === norm(s.slice(at + 1))));
      if (alias) e = alias;
    }
    if (e) byStudent.set(s, e);
    else unmatchedFolders.push(s);
  }
  const used = new Set(byStudent.values());
  return { byStudent, unmatchedFolders, missing: roster.filter((e) => !used.has(e)) };
}
