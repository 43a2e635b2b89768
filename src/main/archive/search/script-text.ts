/**
 * The text the search indexes see, for scripts FTS5's unicode61 tokenizer cannot split or fold
 * (it cuts words at spaces and punctuation only, and keeps Arabic tatweel while splitting words
 * at Hebrew and Arabic vowel marks):
 * - runs of Chinese, Japanese and Korean characters become overlapping bigrams ("プロジェクト" →
 *   "プロ ロジ ジェ ェク クト"), so a word of two or more characters is a phrase of bigrams found
 *   wherever it stands as a substring (the approach of Lucene's CJKBigramFilter); a lone
 *   character stays a unigram;
 * - combining marks (Hebrew niqqud and cantillation, Arabic harakat, accents written as
 *   separate marks) and the Arabic tatweel are dropped, so forms that differ only in them match.
 * Queries go through the same function, so both sides agree. The source text is never changed:
 * snippets are cut from it (page-true-snippet.ts) through the map from index to source offsets.
 */

/** Han, Hiragana, Katakana, Hangul, and the marks written inside their words (ー, 々, 〆). */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30FC\u3005\u3006]/u;
/** Marks ignored when matching: non-spacing and enclosing marks, and the Arabic tatweel. */
const IGNORED = /[\p{Mn}\p{Me}\u0640]/u;
/** Quick test: does a text hold anything this module changes? */
const CHANGED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30FC\u3005\u3006\p{Mn}\p{Me}\u0640]/u;

/** The index text and, for each of its UTF-16 units, the source offset it came from. */
export interface MappedText {
  text: string;
  /** source offset of each unit of `text` (spaces added between bigrams: the next character's). */
  from: Int32Array;
  /** the source text's length, for the end of the last range */
  sourceLength: number;
}

/** True when `text` is indexed as it is (no CJK, no ignored marks). */
export function isPlainText(text: string): boolean {
  return !CHANGED.test(text);
}

/** The class of a code point: 0 kept as it is, 1 CJK, 2 ignored. Ranges first: this runs per character of long pages. */
function classOf(code: number, char: string): 0 | 1 | 2 {
  if (code < 0x300) return 0;
  if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0x3040 && code <= 0x30ff))
    return code === 0x3099 || code === 0x309a ? 2 : code === 0x30fb ? 0 : 1;
  if (IGNORED.test(char)) return 2;
  return CJK.test(char) ? 1 : 0;
}

/**
 * The index form of `text`, with the source offset of every unit of it. With `enough`, stops
 * at the first character boundary outside a CJK run once that many units are made: the result
 * is then exactly the start of the whole index form (a snippet needs no more of a long page).
 */
export function mapIndexText(source: string, enough = Infinity): MappedText {
  let text = '';
  const from = new Int32Array(source.length * 3 + 2);
  let n = 0;
  let runChars: string[] = [];
  let runAts: number[] = [];
  const put = (s: string, at: number): void => {
    text += s;
    for (let k = 0; k < s.length; k++) from[n++] = at;
  };
  const flush = (end: number): void => {
    if (runChars.length === 0) return;
    put(' ', runAts[0] ?? end);
    if (runChars.length === 1) put(runChars[0] ?? '', runAts[0] ?? end);
    for (let k = 0; k + 1 < runChars.length; k++) {
      if (k > 0) put(' ', runAts[k] ?? end);
      put(runChars[k] ?? '', runAts[k] ?? end);
      put(runChars[k + 1] ?? '', runAts[k + 1] ?? end);
    }
    put(' ', end);
    runChars = [];
    runAts = [];
  };
  let plainStart = 0;
  let at = 0;
  while (at < source.length) {
    if (n >= enough && runChars.length === 0) break;
    const code = source.codePointAt(at) ?? 0;
    const width = code > 0xffff ? 2 : 1;
    const kind = code < 0x300 ? 0 : classOf(code, source.slice(at, at + width));
    if (kind !== 0 && plainStart < at) {
      text += source.slice(plainStart, at);
      for (let k = plainStart; k < at; k++) from[n++] = k;
    }
    if (kind === 1) {
      runChars.push(source.slice(at, at + width));
      runAts.push(at);
    } else if (kind === 0) {
      // A mark inside a CJK run (a combining voiced mark) does not break the run; anything else does.
      if (runChars.length > 0) flush(at);
    }
    at += width;
    if (kind !== 0) plainStart = at;
  }
  flush(at);
  if (plainStart < at) {
    text += source.slice(plainStart, at);
    for (let k = plainStart; k < at; k++) from[n++] = k;
  }
  return { text, from: from.subarray(0, n), sourceLength: source.length };
}

/** The index form of `text`; null when it is indexed as it is (stored as NULL: no copy kept). */
export function indexText(text: string | null): string | null {
  if (text === null || isPlainText(text)) return null;
  return mapIndexText(text).text;
}

/** The index form of a query's word or phrase (the same text whether plain or not). */
export function queryText(text: string): string {
  return isPlainText(text) ? text : mapIndexText(text).text.trim();
}
