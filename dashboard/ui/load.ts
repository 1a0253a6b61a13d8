/** Fetches the site's data files (data/…, written by the build) once each; a failed fetch is retried on the next call. */
const cache = new Map<string, Promise<unknown>>();

export function loadJson<T>(path: string): Promise<T> {
  let p = cache.get(path);
  if (!p) {
    p = fetch(path).then(async (r) => {
      if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
      return r.json();
    });
    cache.set(path, p);
    p.catch(() => cache.delete(path));
  }
  return p as Promise<T>;
}

/** Where the build puts a tab's data file, and each table and figure on its own (for the source dialog). */
export const DATA_FILES = {
  tab: (id: string) => `data/tab-${id}.json`,
  table: (id: string) => `data/tables/${id}.json`,
  figure: (id: string) => `data/figures/${id}.json`,
};
