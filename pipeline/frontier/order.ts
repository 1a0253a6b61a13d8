export { compareText } from '../text-order.ts';

/** Sort key for release order: a year-only date counts as December of that year (as data/frontier/README.md does for populations). */
export const releaseKey = (date: string): string => (date.length === 4 ? `${date}-12` : date);

/** Release month yyyy-mm of a yyyy, yyyy-mm or yyyy-mm-dd date. */
export const releaseMonth = (date: string): string => releaseKey(date).slice(0, 7);
