/** Where a page's head ends, and where a line starts, as scraped pages write them. */

/** How much of the first page's writing (white space not counted) is its head. */
const HEAD_CHARS = 700;

/** The offset where the head ends: after HEAD_CHARS characters that are not white space (scrapers indent by hundreds of spaces). */
export function headEnd(text: string, chars = HEAD_CHARS): number {
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || (c > 0xff && /\s/.test(text[i] ?? ''));
    if (!space && ++seen >= chars) return i + 1;
  }
  return text.length;
}

/**
 * Where the line holding `index` starts. Scrapers write runs of spaces where line breaks
 * were: three white-space characters end a line too. Scans back from `index` (a pattern
 * anchored on the last break re-scans the text for every date: quadratic).
 */
export function lineStartBefore(text: string, index: number): number {
  let spaces = 0;
  for (let i = index - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10) return i + 1 + spaces;
    if (c === 32 || c === 9 || c === 13 || c === 12 || c === 11 || c === 0xa0) {
      if (++spaces >= 3) {
        // The line starts after the whole run of white space.
        return i + spaces;
      }
    } else spaces = 0;
  }
  return 0;
}
