/** Locale-independent string order, so sorted output is byte-identical on every machine. */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Sort key for release order: a year-only date counts as December of that year (as data/frontier/README.md does for populations). */
export const releaseKey = (date: string): string => (date.length === 4 ? `${date}-12` : date);

/** Release month yyyy-mm of a yyyy, yyyy-mm or yyyy-mm-dd date. */
export const releaseMonth = (date: string): string => releaseKey(date).slice(0, 7);
