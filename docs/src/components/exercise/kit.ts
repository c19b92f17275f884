/** The site's exercise kit (static/exercise-kit/, written by scripts/exercise-kit.mts), fetched from the site itself. */
import type { KitExercise, KitIndex } from '../../../scripts/exercise-kit.mts';

export type { KitExercise, KitIndex };

const cache = new Map<string, Promise<unknown>>();

function fetchJson<T>(url: string): Promise<T> {
  let p = cache.get(url);
  if (!p) {
    p = fetch(url).then((r) => {
      if (!r.ok) throw new Error(`could not load ${url}: HTTP ${r.status}`);
      return r.json();
    });
    p.catch(() => cache.delete(url));
    cache.set(url, p);
  }
  return p as Promise<T>;
}

export const kitIndex = (base: string): Promise<KitIndex> => fetchJson(`${base}exercise-kit/index.json`);
export const kitExercise = (base: string, id: string): Promise<KitExercise> => fetchJson(`${base}exercise-kit/${id}.json`);
