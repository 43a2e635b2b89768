/**
 * Snippets for texts indexed in another form (script-text.ts): FTS5 marks the matched tokens in
 * the index text (highlight()), and the marks are carried back to the source's own characters,
 * so a CJK word is marked exactly (not its bigrams) and Hebrew or Arabic keeps its marks.
 */
import { mapIndexText } from './script-text.js';

/** Characters of context kept before the first match, and in all. */
const BEFORE = 40;
const WINDOW = 140;

/** The source ranges [start, end) that the marks in `highlighted` (index text with open/close) cover. */
export function markedSourceRanges(
  source: string,
  highlighted: string,
  open: string,
  close: string,
  enough = Infinity,
): [number, number][] {
  // The index form is mapped only as far as needed: up to `enough` units, past the first match.
  const { from, sourceLength } = mapIndexText(source, enough);
  const ranges: [number, number][] = [];
  let index = 0;
  let start = -1;
  let first = -1;
  let last = -1;
  for (const unit of highlighted) {
    if (unit === open) {
      start = index;
      first = last = -1;
    } else if (unit === close) {
      if (start >= 0 && first >= 0) ranges.push([from[first] ?? 0, sourceEnd(source, from[last] ?? 0, sourceLength)]);
      start = -1;
    } else {
      if (index >= from.length) break;
      if (start >= 0 && unit.trim() !== '') {
        if (first < 0) first = index;
        last = index + unit.length - 1;
      }
      index += unit.length;
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const prev = merged.at(-1);
    if (prev && r[0] <= prev[1]) prev[1] = Math.max(prev[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** Where the source character at `at` ends, marks that follow it included. */
function sourceEnd(source: string, at: number, length: number): number {
  let end = at + ((source.codePointAt(at) ?? 0) > 0xffff ? 2 : 1);
  while (end < length && /[\p{Mn}\p{Me}\u0640]/u.test(source.charAt(end))) end++;
  return end;
}

/** A snippet of `source` around its first match, with the matches between open and close. */
export function pageTrueSnippet(source: string, highlighted: string, open: string, close: string): string {
  // A source character makes at most 3 index units (a CJK character in two bigrams and a space),
  // so the units from the first match to WINDOW × 3 past it cover the snippet's window.
  const first = highlighted.indexOf(open);
  const ranges = markedSourceRanges(source, highlighted, open, close, first < 0 ? 0 : first + WINDOW * 3 + 8);
  const firstStart = ranges[0]?.[0] ?? 0;
  let start = Math.max(0, firstStart - BEFORE);
  const end = Math.min(source.length, start + WINDOW);
  if (start > 0 && /[\uDC00-\uDFFF]/.test(source.charAt(start))) start--;
  let out = start > 0 ? '…' : '';
  let at = start;
  for (const [s, e] of ranges) {
    if (s >= end) break;
    if (s < at) continue;
    const stop = Math.min(e, Math.max(end, e));
    out += source.slice(at, s) + open + source.slice(s, stop) + close;
    at = stop;
  }
  if (at < end) out += source.slice(at, end);
  return at < source.length && end < source.length ? `${out}…` : out;
}
