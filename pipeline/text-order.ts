/** Locale-independent string order (UTF-16 code units), so sorted output is byte-identical on every machine whatever its locale. */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
