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
  from: number[];
  /** the source text's length, for the end of the last range */
  sourceLength: number;
}

/** True when `text` is indexed as it is (no CJK, no ignored marks). */
export function isPlainText(text: string): boolean {
  return !CHANGED.test(text);
}

/** The index form of `text`, with the source offset of every unit of it. */
export function mapIndexText(source: string): MappedText {
  const parts: string[] = [];
  const from: number[] = [];
  const push = (s: string, at: number): void => {
    parts.push(s);
    for (let i = 0; i < s.length; i++) from.push(at);
  };
  let run: { char: string; at: number }[] = [];
  const flush = (): void => {
    const [head, ...rest] = run;
    if (!head) return;
    push(' ', head.at);
    if (rest.length === 0) push(head.char, head.at);
    let prev = head;
    for (const next of rest) {
      if (prev !== head) push(' ', prev.at);
      push(prev.char, prev.at);
      push(next.char, next.at);
      prev = next;
    }
    push(' ', prev.at + prev.char.length);
    run = [];
  };
  let at = 0;
  for (const char of source) {
    if (IGNORED.test(char)) {
      // A mark inside a CJK run (a combining voiced mark) does not break the run.
    } else if (CJK.test(char)) {
      run.push({ char, at });
    } else {
      flush();
      push(char, at);
    }
    at += char.length;
  }
  flush();
  return { text: parts.join(''), from, sourceLength: source.length };
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
