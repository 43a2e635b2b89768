/**
 * Folding text for finding a passage the way a reader sees it, with a map back to the
 * original characters so what is stored is always the source's own text.
 *
 * Folded: runs of white space and line breaks become one space; a hyphen that ends a
 * line inside a word ("com-\nplex") and the soft hyphen become an optional hyphen (see
 * OPTIONAL_HYPHEN) that a search may match as "-" or as nothing; curly and straight
 * quotes and apostrophes become ' and "; dashes become -; zero-width characters go;
 * everything else is decomposed by compatibility (NFKD: ligatures, full-width forms,
 * accents as combining marks) one character at a time, so each folded character maps
 * to exactly one original character. Case is kept.
 */
import { lineHyphenEnd } from '../../../shared/line-ends.js';

/** Stands for a hyphen that may or may not be there (line-end hyphenation, U+00AD). */
export const OPTIONAL_HYPHEN = '\u00AD';

export interface Folded {
  /** The folded text. */
  text: string;
  /** For each UTF-16 unit of `text`, where its original character starts and ends. */
  starts: Int32Array;
  ends: Int32Array;
}

const SINGLE_QUOTES = new Set(['\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u02BC', '\u0060', '\u00B4']);
const DOUBLE_QUOTES = new Set([
  '\u201C',
  '\u201D',
  '\u201E',
  '\u201F',
  '\u2033',
  '\u00AB',
  '\u00BB',
  '\u301D',
  '\u301E',
  '\uFF02',
]);
const DASHES = new Set([
  '\u2010',
  '\u2011',
  '\u2012',
  '\u2013',
  '\u2014',
  '\u2015',
  '\u2212',
  '\uFE58',
  '\uFE63',
  '\uFF0D',
]);
const ZERO_WIDTH = new Set(['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF']);
const SPACE = /\s/;

/** The one-character replacement for `c` before decomposition, if any. */
function mapped(c: string): string {
  if (SINGLE_QUOTES.has(c)) return "'";
  if (DOUBLE_QUOTES.has(c)) return '"';
  if (DASHES.has(c)) return '-';
  return c;
}

/** Folds `source` (see the module comment); `starts`/`ends` map back into it. */
export function fold(source: string): Folded {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  const emit = (s: string, start: number, end: number) => {
    text += s;
    for (let k = 0; k < s.length; k++) {
      starts.push(start);
      ends.push(end);
    }
  };
  let previous = '';
  let i = 0;
  while (i < source.length) {
    const cp = source.codePointAt(i) ?? 0;
    const c = String.fromCodePoint(cp);
    const next = i + c.length;
    if (SPACE.test(c)) {
      let j = next;
      while (j < source.length && SPACE.test(source[j] ?? '')) j++;
      emit(' ', i, j);
      previous = ' ';
      i = j;
      continue;
    }
    const hyphenEnd = lineHyphenEnd(source, i, previous);
    if (hyphenEnd >= 0) {
      emit(OPTIONAL_HYPHEN, i, hyphenEnd);
      previous = OPTIONAL_HYPHEN;
      i = hyphenEnd;
      continue;
    }
    if (ZERO_WIDTH.has(c)) {
      i = next;
      continue;
    }
    const folded = c === OPTIONAL_HYPHEN ? c : mapped(c).normalize('NFKD');
    emit(folded, i, next);
    previous = c;
    i = next;
  }
  return { text, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/** Folds a passage typed or pasted by a user: as `fold`, trimmed of white space at either end. */
export function foldNeedle(needle: string): string {
  return fold(needle).text.replace(/^[ \u00AD]+|[ \u00AD]+$/g, '');
}

function escapeChar(c: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(c) ? `\\${c}` : c;
}

/**
 * A pattern finding the folded needle in folded text: a "-" or optional hyphen in
 * either may stand for the other or (for the optional one) for nothing.
 */
export function needlePattern(foldedNeedle: string, caseInsensitive = false): RegExp {
  const parts: string[] = [];
  for (const c of foldedNeedle) {
    if (c === '-') parts.push('[-\\u00AD]');
    else if (c === OPTIONAL_HYPHEN) parts.push('[-\\u00AD]?');
    else parts.push(escapeChar(c));
  }
  return new RegExp(parts.join('\\u00AD?'), caseInsensitive ? 'giu' : 'gu');
}

/** Every place (overlapping ones too) where `foldedNeedle` occurs in `folded`, as original offsets. */
export function findFolded(
  folded: Folded,
  foldedNeedle: string,
  caseInsensitive = false,
): { start: number; end: number }[] {
  if (foldedNeedle === '') return [];
  const pattern = needlePattern(foldedNeedle, caseInsensitive);
  const found: { start: number; end: number }[] = [];
  for (let m = pattern.exec(folded.text); m !== null; m = pattern.exec(folded.text)) {
    const first = m.index;
    const last = m.index + m[0].length - 1;
    found.push({ start: folded.starts[first] ?? 0, end: folded.ends[last] ?? 0 });
    pattern.lastIndex = m.index + 1;
  }
  return dedupe(found);
}

/** Two folded matches can map to the same original range (inside one decomposed character). */
function dedupe(ranges: { start: number; end: number }[]): { start: number; end: number }[] {
  const seen = new Set<string>();
  return ranges.filter((r) => {
    const key = `${r.start}:${r.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
