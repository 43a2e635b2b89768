/**
 * Runs of capitalised words on a page ("Deputy Chief Daniel R. Whitcombe", "Department of
 * Justice"): the candidates the rules in classify.ts type as people or organisations.
 */
import { CONNECTORS, HEADLINE_BREAKS, ORG_HEADS, TITLES } from './lexicon.js';
import type { Token } from './tokens.js';

export interface Run {
  tokens: Token[];
  /** The token before the run and after it, when on the same line. */
  before: Token | null;
  after: Token | null;
}

const UPPER = /^\p{Lu}/u;
const ALL_CAPS = /^[\p{Lu}\d&.-]+$/u;
const INITIAL = /^\p{Lu}\.$/u;
const POSSESSIVE = /^['’]s$/;

/** An acronym ("LAPD", "U.S.", "NWNMCOG"): all capitals, two letters or more. */
export const isAcronym = (word: string): boolean =>
  ALL_CAPS.test(word) && word.replace(/\./g, '').length >= 2 && /\p{Lu}.*\p{Lu}/u.test(word);

/** A word that can stand in a name: capitalised, mixed case or an initial; "U.S." too. */
export function isNameWord(token: Token): boolean {
  const w = token.text;
  if (!UPPER.test(w)) return false;
  if (INITIAL.test(w) || w === 'U.S.' || w === 'U.S') return true;
  return !isAcronym(w);
}

const touching = (a: Token, b: Token): boolean => a.end === b.start;

/** Whether `tokens[i]` (not a name word) may join the name words around it. */
function joins(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (!t || !prev || !next || t.gapBefore || next.gapBefore || !isNameWord(next)) return false;
  // "Committee on Commerce", "Center for …", "Chief of Police": only after an organisation's or a
  // title's word; "of" and "and" also inside a name ("Health and Human Services").
  if (t.text === 'on' || t.text === 'for') return ORG_HEADS.has(prev.text);
  if (CONNECTORS.has(t.text)) return true;
  // "Metro-North", "Ton-That": a hyphen with no space either side.
  if (t.text === '-' || t.text === '‑') return touching(prev, t) && touching(t, next);
  // "U.S. Attorney's Office": a possessive inside an organisation's name.
  return POSSESSIVE.test(t.text) && touching(prev, t) && TITLES.has(prev.text);
}

export function findRuns(tokens: Token[]): Run[] {
  const runs: Run[] = [];
  let i = 0;
  while (i < tokens.length) {
    const first = tokens[i];
    if (!first || !isNameWord(first)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < tokens.length) {
      const t = tokens[j];
      if (!t || t.gapBefore || HEADLINE_BREAKS.has(t.text)) break;
      // "Clearview AI": a short acronym may end or continue a name, not start one.
      const shortAcronym =
        isAcronym(t.text) && t.text.length <= 4 && !!tokens[j - 1] && isNameWord(tokens[j - 1] as Token);
      if (
        isNameWord(t) ||
        shortAcronym ||
        (joins(tokens, j) && !(CONNECTORS.has(t.text) && tokens[j - 1]?.text === '-'))
      )
        j++;
      else break;
    }
    const after = tokens[j];
    runs.push({
      tokens: tokens.slice(i, j),
      before: i > 0 && !first.gapBefore ? (tokens[i - 1] ?? null) : null,
      after: after && !after.gapBefore ? after : null,
    });
    i = j;
  }
  return runs;
}

/** The page text a run of tokens covers. */
export const spanText = (text: string, tokens: readonly Token[]): string =>
  text.slice(tokens[0]?.start ?? 0, tokens.at(-1)?.end ?? 0);
