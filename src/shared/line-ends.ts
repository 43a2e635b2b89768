/**
 * Line ends in a document's text, as both the anchoring (which folds them) and the
 * reading views (which flow a quote as prose) must see them: one rule, one place.
 */

/** Hyphens that may end a line inside a word. */
const LINE_HYPHENS = new Set(['-', '\u2010', '\u2011']);

const SPACE = /\s/;
const LETTER = /\p{L}/u;

/** Whether `c` ends a line (LF, CR, line and paragraph separators, vertical tab, form feed). */
export function isLineBreak(c: string | undefined): boolean {
  return c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029' || c === '\u000B' || c === '\u000C';
}

/**
 * If a line-end hyphen inside a word starts at `i` ("com-\nplex": a hyphen after a
 * letter, then the line's end, then a letter), the index just after the line break and
 * any white space that follow it (the next word's first letter); otherwise -1.
 * `previous` is the character before `i`.
 */
export function lineHyphenEnd(source: string, i: number, previous: string): number {
  if (!LINE_HYPHENS.has(source[i] ?? '') || !LETTER.test(previous)) return -1;
  let j = i + 1;
  while (source[j] === ' ' || source[j] === '\t') j++;
  if (!isLineBreak(source[j])) return -1;
  while (j < source.length && SPACE.test(source[j] ?? '')) j++;
  const next = source.codePointAt(j);
  return next !== undefined && LETTER.test(String.fromCodePoint(next)) ? j : -1;
}
