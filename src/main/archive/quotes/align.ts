/**
 * Near matches at the level of words: a passage that lost or gained a word, had a line
 * break reworded or a typo fixed is still found, with a similarity from 0 to 1.
 * Used to follow a quote whose exact words changed (re-anchoring) and to find the
 * same statement in other documents.
 */
import { fold, OPTIONAL_HYPHEN } from './normalize.js';

export interface Token {
  /** Lower case, without accents. */
  word: string;
  /** Where the word stands in the original text. */
  start: number;
  end: number;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}\p{Co}]/u;
const MARKS = /\p{M}/gu;

/** Folds one word the way the search index does (case and accents ignored). */
export function foldWord(word: string): string {
  return word.normalize('NFKD').replace(MARKS, '').toLowerCase();
}

/** The words of `text` with their original offsets; "com-\nplex" is one word. */
export function tokenize(text: string): Token[] {
  const folded = fold(text);
  const tokens: Token[] = [];
  const s = folded.text;
  let i = 0;
  while (i < s.length) {
    const c = s[i] ?? '';
    if (!WORD_CHAR.test(c) || c === OPTIONAL_HYPHEN) {
      i++;
      continue;
    }
    let j = i;
    let raw = '';
    while (j < s.length) {
      const d = s[j] ?? '';
      if (d === OPTIONAL_HYPHEN && WORD_CHAR.test(s[j + 1] ?? '')) {
        j++;
        continue;
      }
      if (!WORD_CHAR.test(d) || d === OPTIONAL_HYPHEN) break;
      raw += d;
      j++;
    }
    const word = foldWord(raw);
    if (word !== '') tokens.push({ word, start: folded.starts[i] ?? 0, end: folded.ends[j - 1] ?? 0 });
    i = j;
  }
  return tokens;
}

export interface Alignment {
  /** Token range [first, last) in the haystack. */
  first: number;
  last: number;
  /** Word edits (insertions, deletions, substitutions) between needle and window. */
  distance: number;
  similarity: number;
}

/**
 * Every window of `hay` that matches `needle` with at most `maxDistance` word edits,
 * best first, windows not overlapping a better one. Semi-global edit distance: the
 * window may start and end anywhere in `hay`; O(needle × hay) time, O(needle) memory.
 */
export function alignWords(needle: readonly string[], hay: readonly string[], maxDistance: number): Alignment[] {
  const m = needle.length;
  if (m === 0 || hay.length === 0) return [];
  // Column j of the DP: cost[i] = edits to match needle[0..i) ending at hay position j; from[i] = window start.
  let cost = new Int32Array(m + 1);
  let from = new Int32Array(m + 1);
  let nextCost = new Int32Array(m + 1);
  let nextFrom = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) cost[i] = i;
  const ends: { end: number; start: number; distance: number }[] = [];
  for (let j = 1; j <= hay.length; j++) {
    const word = hay[j - 1];
    nextCost[0] = 0;
    nextFrom[0] = j;
    for (let i = 1; i <= m; i++) {
      const substitute = (cost[i - 1] ?? 0) + (needle[i - 1] === word ? 0 : 1);
      const skipHay = (cost[i] ?? 0) + 1;
      const skipNeedle = (nextCost[i - 1] ?? 0) + 1;
      if (substitute <= skipHay && substitute <= skipNeedle) {
        nextCost[i] = substitute;
        nextFrom[i] = from[i - 1] ?? 0;
      } else if (skipNeedle <= skipHay) {
        nextCost[i] = skipNeedle;
        nextFrom[i] = nextFrom[i - 1] ?? 0;
      } else {
        nextCost[i] = skipHay;
        nextFrom[i] = from[i] ?? 0;
      }
    }
    [cost, nextCost] = [nextCost, cost];
    [from, nextFrom] = [nextFrom, from];
    const distance = cost[m] ?? m;
    if (distance <= maxDistance) ends.push({ end: j, start: from[m] ?? 0, distance });
  }
  ends.sort((a, b) => a.distance - b.distance || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const picked: Alignment[] = [];
  for (const e of ends) {
    if (e.end <= e.start) continue;
    if (picked.some((p) => e.start < p.last && p.first < e.end)) continue;
    const span = e.end - e.start;
    picked.push({ first: e.start, last: e.end, distance: e.distance, similarity: 1 - e.distance / Math.max(m, span) });
  }
  return picked;
}

/** How many words of `needle` may differ for a similarity of at least `minSimilarity`. */
export function allowedEdits(needleWords: number, minSimilarity: number): number {
  return Math.floor(needleWords * (1 - minSimilarity) + 1e-9);
}
