/**
 * Pure arithmetic between the stored page text and pdf.js text items. The importer
 * built each page's text by concatenating its text items (control characters removed,
 * a newline after an item that ends a line) and stored, per item, where it starts and
 * how long it is. The TextLayer draws one element per item in the same order, so a
 * position inside an element maps to a page offset, and back, without guessing.
 */

/** `[start, length, x, y, width, height]` per text item, as stored at import. */
export type LayoutItem = readonly [number, number, number, number, number, number];

// The importer's stripControls: C0 controls but tab and newlines, and DEL.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** How many characters of `raw.slice(0, offset)` survive the importer's control stripping. */
export function strippedLength(raw: string, offset: number): number {
  let n = 0;
  const end = Math.min(offset, raw.length);
  for (let i = 0; i < end; i++) if (!CONTROL.test(raw[i] ?? '')) n++;
  return n;
}

/** The offset in `raw` (an item's text as drawn) of the `stripped`-th surviving character. */
export function rawOffset(raw: string, stripped: number): number {
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    if (n === stripped) return i;
    if (!CONTROL.test(raw[i] ?? '')) n++;
  }
  return raw.length;
}

/** Page offset of a caret at `offsetInItem` characters into item `index` (as drawn). */
export function itemToPageOffset(
  items: readonly LayoutItem[],
  index: number,
  raw: string,
  offsetInItem: number,
): number {
  const item = items[index];
  if (!item) return 0;
  return item[0] + Math.min(strippedLength(raw, offsetInItem), item[1]);
}

/** One piece of a page range that falls inside one text item (offsets in the stored text). */
export interface ItemSpan {
  index: number;
  from: number;
  to: number;
}

/** The parts of the page range `[start, end)` carried by each text item, in order. */
export function pageRangeToItems(items: readonly LayoutItem[], start: number, end: number): ItemSpan[] {
  const spans: ItemSpan[] = [];
  if (end <= start) return spans;
  // Items are in text order: find the first that ends after `start` by binary search.
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const item = items[mid] as LayoutItem;
    if (item[0] + item[1] <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < items.length; i++) {
    const [itemStart, length] = items[i] as LayoutItem;
    if (itemStart >= end) break;
    const from = Math.max(start, itemStart) - itemStart;
    const to = Math.min(end, itemStart + length) - itemStart;
    if (to > from) spans.push({ index: i, from, to });
  }
  return spans;
}

/** A range of one page's stored text. */
export interface PageRange {
  page: number;
  start: number;
  end: number;
}

/** Where a passage stands: from (page, start) to (pageEnd, end), as quotes record it. */
export interface PassageAnchor {
  page: number;
  start: number;
  pageEnd: number;
  end: number;
}

/** Splits a passage that may cross page breaks into one range per page. */
export function anchorToPageRanges(anchor: PassageAnchor, pageLength: (page: number) => number): PageRange[] {
  const ranges: PageRange[] = [];
  for (let page = anchor.page; page <= anchor.pageEnd; page++) {
    const start = page === anchor.page ? anchor.start : 0;
    const end = page === anchor.pageEnd ? anchor.end : pageLength(page);
    if (end > start) ranges.push({ page, start, end });
  }
  return ranges;
}

/** The text of a passage from the stored page texts (what a quote of it would hold). */
export function passageText(anchor: PassageAnchor, pageText: (page: number) => string): string {
  return anchorToPageRanges(anchor, (p) => pageText(p).length)
    .map((r) => pageText(r.page).slice(r.start, r.end))
    .join('\n');
}

/** Moves an anchor's ends inward past white space; null if nothing is left. */
export function trimAnchor(anchor: PassageAnchor, pageText: (page: number) => string): PassageAnchor | null {
  let { page, start, pageEnd, end } = anchor;
  const text = (p: number) => pageText(p);
  for (;;) {
    const t = text(page);
    while (start < t.length && /\s/.test(t[start] ?? '')) start++;
    if (start < t.length || page >= pageEnd) break;
    page++;
    start = 0;
  }
  for (;;) {
    const t = text(pageEnd);
    while (end > 0 && /\s/.test(t[end - 1] ?? '')) end--;
    if (end > 0 || pageEnd <= page) break;
    pageEnd--;
    end = text(pageEnd).length;
  }
  if (pageEnd < page || (pageEnd === page && end <= start)) return null;
  const trimmed = { page, start, pageEnd, end };
  return anchorToPageRanges(trimmed, (p) => text(p).length).length ? trimmed : null;
}

/** Every place a needle occurs in a text, case and diacritics ignored. */
export function findAll(text: string, needle: string): { start: number; end: number }[] {
  const query = fold(needle.trim());
  if (!query) return [];
  const { folded, map } = foldWithMap(text);
  const found: { start: number; end: number }[] = [];
  let at = folded.indexOf(query);
  while (at >= 0) {
    const start = map[at] ?? 0;
    let end = (map[at + query.length - 1] ?? start) + 1;
    // The marks written on the last letter belong to the match (the vowel of a final Arabic letter).
    while (end < text.length && /[\p{M}\u0640]/u.test(text.charAt(end))) end++;
    found.push({ start, end });
    at = folded.indexOf(query, at + query.length);
  }
  return found;
}

/** Case, accents and other combining marks (niqqud, harakat) and the Arabic tatweel ignored, as search does. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\p{M}\u0640]/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

/** Folds a text character by character, remembering where each folded character came from. */
function foldWithMap(text: string): { folded: string; map: number[] } {
  let folded = '';
  const map: number[] = [];
  let lastSpace = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (/\s/.test(ch)) {
      if (lastSpace) continue;
      lastSpace = true;
      folded += ' ';
      map.push(i);
      continue;
    }
    lastSpace = false;
    const f = fold(ch);
    for (let k = 0; k < f.length; k++) {
      folded += f[k];
      map.push(i);
    }
  }
  return { folded, map };
}
