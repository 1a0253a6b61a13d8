/**
 * Line-wraps chart titles for narrow screens. Vega draws each string of an
 * array on its own line but never breaks a line itself, so a long title would
 * widen the chart past a phone's screen.
 */
import type { LiteTitle } from '../chart-file.ts';

/** Characters per line at 390 px: the title's 14 px and the subtitle's 11 px font, about 0.55 em a character. */
export const TITLE_CHARS = 38;
export const SUBTITLE_CHARS = 50;

/** Breaks text at spaces into lines of at most `max` characters; a longer word keeps a line of its own. */
export function wrapLines(text: string | string[], max: number): string[] {
  const out: string[] = [];
  for (const para of Array.isArray(text) ? text : [text]) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > max) {
        out.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(line);
  }
  return out;
}

/** The title with its text and subtitle wrapped, other title properties kept. */
export function wrapTitle(title: LiteTitle): LiteTitle {
  if (typeof title === 'string' || Array.isArray(title)) return wrapLines(title, TITLE_CHARS);
  return {
    ...title,
    text: wrapLines(title.text, TITLE_CHARS),
    ...(title.subtitle === undefined ? {} : { subtitle: wrapLines(title.subtitle, SUBTITLE_CHARS) }),
  };
}

/** The title's text on one line: the chart's accessible name. */
export function titleText(title: unknown): string {
  const t = title && typeof title === 'object' && !Array.isArray(title) ? (title as { text?: unknown }).text : title;
  return (Array.isArray(t) ? t.join(' ') : typeof t === 'string' ? t : '').trim();
}
