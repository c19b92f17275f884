/**
 * The student's work on the site, kept in this browser's localStorage (nothing leaves the page): per
 * exercise its code, the last in-browser grade (failing / passed) and how many hints were shown. Keys
 * carry the site's base URL, so two courses served from one host keep their work apart. Export / import
 * moves all of it as one JSON file.
 */

export type Progress = 'not-started' | 'failing' | 'passed';

export interface ExerciseWork {
  code?: string;
  status?: 'failing' | 'passed';
  /** The score of the last run, e.g. "7.5/15". */
  score?: string;
  hints?: number;
}

export const WORK_FORMAT = 'convkit-work/1';

export interface WorkFile {
  format: typeof WORK_FORMAT;
  site: string;
  exported: string;
  exercises: Record<string, ExerciseWork>;
}

/** Fired on window when any exercise's work changes in this tab (the `storage` event covers other tabs). */
export const WORK_CHANGED = 'convkit-work-changed';

const key = (base: string, id: string): string => `convkit:${base}:exercise:${id}`;

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null; // storage disabled (privacy settings): the page still works, nothing is kept
  }
}

export function readWork(base: string, id: string): ExerciseWork {
  try {
    const raw = storage()?.getItem(key(base, id));
    const parsed = raw ? (JSON.parse(raw) as unknown) : {};
    return typeof parsed === 'object' && parsed !== null ? (parsed as ExerciseWork) : {};
  } catch {
    return {};
  }
}

export function writeWork(base: string, id: string, change: Partial<ExerciseWork>): void {
  const next = { ...readWork(base, id), ...change };
  try {
    storage()?.setItem(key(base, id), JSON.stringify(next));
  } catch {
    /* quota exceeded or storage disabled: the editor keeps the code for this visit */
  }
  window.dispatchEvent(new CustomEvent(WORK_CHANGED, { detail: id }));
}

export function progressOf(work: ExerciseWork, stub: string | undefined): Progress {
  if (work.status) return work.status;
  return work.code !== undefined && work.code !== stub ? 'failing' : 'not-started';
}

export function exportWork(base: string, ids: readonly string[]): WorkFile {
  const exercises: Record<string, ExerciseWork> = {};
  for (const id of ids) {
    const work = readWork(base, id);
    if (Object.keys(work).length > 0) exercises[id] = work;
  }
  return { format: WORK_FORMAT, site: base, exported: new Date().toISOString(), exercises };
}

/** Imports a work file: the exercises of this course it holds replace the kept ones. Returns their ids. */
export function importWork(base: string, ids: readonly string[], text: string): string[] {
  let file: WorkFile;
  try {
    file = JSON.parse(text) as WorkFile;
  } catch (error) {
    throw new Error(`import: expected a convkit work file (JSON), got text that is not JSON (${(error as Error).message})`);
  }
  if (file?.format !== WORK_FORMAT || typeof file.exercises !== 'object' || file.exercises === null) {
    throw new Error(`import: expected a work file of format ${WORK_FORMAT}, got ${JSON.stringify((file as { format?: unknown })?.format ?? null)}`);
  }
  const imported: string[] = [];
  for (const [id, work] of Object.entries(file.exercises)) {
    if (!ids.includes(id) || typeof work !== 'object' || work === null) continue;
    const clean: ExerciseWork = {};
    if (typeof work.code === 'string') clean.code = work.code;
    if (work.status === 'failing' || work.status === 'passed') clean.status = work.status;
    if (typeof work.score === 'string') clean.score = work.score;
    if (typeof work.hints === 'number' && Number.isInteger(work.hints) && work.hints >= 0) clean.hints = work.hints;
    try {
      storage()?.setItem(key(base, id), JSON.stringify(clean));
    } catch {
      /* storage unavailable */
    }
    imported.push(id);
  }
  window.dispatchEvent(new CustomEvent(WORK_CHANGED, { detail: '*' }));
  return imported;
}

/** Saves `text` as a file through the browser's download (a blob: URL, no request leaves the page). */
export function download(name: string, text: string, type = 'text/plain'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
