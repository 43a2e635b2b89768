/** How names are compared: keys, family names, initials. */
import { CORPORATE_SUFFIXES } from './lexicon.js';

const SMALL = new Set(['of', 'and', 'for', 'on', 'the', '&']);

/** "Edward J. Markey" → "markey"; "Hoan Ton-That" → "ton-that". */
export function familyName(name: string): string {
  const words = name.split(/\s+/).filter((w) => !/^(Jr\.?|Sr\.?|II|III|M\.D\.?)$/.test(w));
  return (words[words.length - 1] ?? '').toLowerCase();
}

/** Given names without initials: "Edward J. Markey" → ["edward"]. */
export const givenNames = (name: string): string[] =>
  name
    .split(/\s+/)
    .slice(0, -1)
    .filter((w) => !/^\p{Lu}\.?$/u.test(w))
    .map((w) => w.toLowerCase());

/** Whether a single word is the family name of a full name ("McMahon", "MCMAHON" of "John McMahon"). */
export const isSurnameOf = (word: string, fullName: string): boolean =>
  fullName.includes(' ') && familyName(fullName) === word.toLowerCase();

/** Initials of the capitalised words: "Los Angeles Police Department" → "LAPD". */
export const acronymOf = (name: string): string =>
  name
    .split(/[\s-]+/)
    .filter((w) => w && !SMALL.has(w.toLowerCase()) && !CORPORATE_SUFFIXES.has(w))
    .map((w) => w.replace(/\./g, ''))
    .map((w) => (/^\p{Lu}+$/u.test(w) ? w : (w[0] ?? '')))
    .join('')
    .toUpperCase();

/** Comparison key: case, punctuation, "the", "U.S." and company endings dropped. */
export function nameKey(name: string): string {
  const words = name
    .replace(/[’']s$/, '')
    .split(/\s+/)
    .filter((w) => w && !CORPORATE_SUFFIXES.has(w.replace(/,$/, '')));
  return words
    .join(' ')
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/^(u\.?\s?s\.?|united states)\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
