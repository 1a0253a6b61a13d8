import { describe, expect, it } from 'vitest';
import { titleText, wrapLines, wrapTitle, SUBTITLE_CHARS, TITLE_CHARS } from '../../../dashboard/charts/wrap.ts';

describe('wrapLines', () => {
  it('breaks at spaces into lines no longer than the limit, keeping every word in order', () => {
    const text = 'Paper A App. A.9: Pythia eigenvalue trend (recomputed; the paper’s figure inputs were typed in)';
    const lines = wrapLines(text, 20);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(20);
    expect(lines.join(' ')).toBe(text);
  });

  it('gives a word longer than the limit a line of its own, and keeps the lines of an array apart', () => {
    expect(wrapLines('a data/extracted/pythia-figure-table.csv b', 10)).toEqual(['a', 'data/extracted/pythia-figure-table.csv', 'b']);
    expect(wrapLines(['one two', 'three'], 40)).toEqual(['one two', 'three']);
  });
});

describe('wrapTitle', () => {
  it('wraps the text and the subtitle at their own widths and keeps the other title properties', () => {
    const long = 'word '.repeat(30).trim();
    const t = wrapTitle({ text: long, subtitle: long, anchor: 'start' }) as { text: string[]; subtitle: string[]; anchor: string };
    expect(t.anchor).toBe('start');
    expect(Math.max(...t.text.map((l) => l.length))).toBeLessThanOrEqual(TITLE_CHARS);
    expect(Math.max(...t.subtitle.map((l) => l.length))).toBeLessThanOrEqual(SUBTITLE_CHARS);
    expect(Math.max(...t.subtitle.map((l) => l.length))).toBeGreaterThan(TITLE_CHARS);
  });

  it('reads a title back as one line of text, whatever its form', () => {
    expect(titleText({ text: ['Phase', 'diagram'], subtitle: 'x' })).toBe('Phase diagram');
    expect(titleText('Ledger status per paper')).toBe('Ledger status per paper');
    expect(titleText(undefined)).toBe('');
  });
});
