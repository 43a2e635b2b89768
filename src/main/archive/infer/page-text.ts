/** Lines of a page with their offsets, and evidence built from them. */
import type { InferenceSource } from '../../../shared/inference.js';

export interface Line {
  text: string;
  /** Offset of the line's first character in the page text. */
  start: number;
}

/** The page's lines (split at \n), each with its offset; at most `limit` of them. */
export function linesOf(text: string, limit = 200): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length && lines.length < limit) {
    const end = text.indexOf('\n', start);
    const stop = end < 0 ? text.length : end;
    lines.push({ text: text.slice(start, stop), start });
    if (end < 0) break;
    start = end + 1;
  }
  return lines;
}

/** Evidence for `pageText.slice(start, end)`, trimmed of surrounding white space. */
export function sourceAt(pageText: string, page: number, start: number, end: number): InferenceSource {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(pageText[s] ?? '')) s++;
  while (e > s && /\s/.test(pageText[e - 1] ?? '')) e--;
  return { page, start: s, end: e, text: pageText.slice(s, e) };
}

/** Where `needle` first stands in the page, tolerant of case and runs of white space. */
export function findOnPage(pageText: string, page: number, needle: string): InferenceSource | null {
  const words = needle.trim().split(/\s+/).filter(Boolean).slice(0, 40);
  if (words.length === 0) return null;
  const pattern = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
  // The words as written are found fast; a looser match before them is looked for only there.
  const exact = pageText.indexOf(needle.trim());
  const within = exact >= 0 && exact < 20_000 ? exact + needle.trim().length : 20_000;
  const match = new RegExp(pattern, 'i').exec(pageText.slice(0, within));
  return match ? sourceAt(pageText, page, match.index, match.index + match[0].length) : null;
}
