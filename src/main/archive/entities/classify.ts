/**
 * Types a run of capitalised words: a person when a title stands before the name or the
 * words around it say so, an organisation when a word like "Department" or "Inc." is in it.
 * A run with no such sign is left out: unsure names cost more than missing ones.
 */
import {
  CORPORATE_SUFFIXES,
  NOT_IN_PERSON,
  NOT_NAMES,
  ORG_HEADS,
  PERSON_TITLES,
  SPEECH_VERBS,
  TITLES,
  WEAK_HEADS,
} from './lexicon.js';
import { isAcronym, spanText, type Run } from './runs.js';
import type { Token } from './tokens.js';
import type { Mention } from './types.js';

const INITIAL = /^\p{Lu}\.$/u;
const textAt = (tokens: readonly Token[], i: number): string => tokens[i]?.text ?? '';
const PARTY = /^[RDI]-/;

const mention = (page: number, text: string, tokens: Token[], type: Mention['type'], role: string | null): Mention => ({
  page,
  start: tokens[0]?.start ?? 0,
  end: tokens.at(-1)?.end ?? 0,
  text: spanText(text, tokens),
  type,
  role,
});

/** Drops small and sentence-opening words at either end ("The", "Today", "Interns"). */
function trim(tokens: Token[]): Token[] {
  let a = 0;
  let b = tokens.length;
  const weak = (t: Token | undefined, atStart: boolean) =>
    !t ||
    NOT_NAMES.has(t.text) ||
    /^[a-z]/.test(t.text) ||
    /^['’-]/.test(t.text) ||
    (atStart && t.sentenceStart && t.pos !== 'PROPN' && !ORG_HEADS.has(t.text));
  while (a < b && weak(tokens[a], a === 0)) a++;
  // "Ton-That": a word glued to the one before by a hyphen is part of it.
  const glued = (i: number) => tokens[i - 1]?.text === '-' && tokens[i - 1]?.end === tokens[i]?.start;
  while (b > a && !glued(b - 1) && weak(tokens[b - 1], false)) b--;
  return tokens.slice(a, b);
}

function isOrg(tokens: Token[], before: Token | null): boolean {
  const words = tokens.map((t) => t.text);
  const last = words[words.length - 1] ?? '';
  // "Chief of Police", "Director of Communications": a role, not a body.
  if (PERSON_TITLES.has(words[0] ?? '')) return false;
  if (CORPORATE_SUFFIXES.has(last)) return words.length > 1;
  if (words.length === 1) {
    if (last === 'Congress') return true;
    // "the Senate", "the House": the body, not "Senate mail" or a family name.
    return (last === 'Senate' || last === 'House') && !!before && /^(the|U\.S\.?)$/i.test(before.text);
  }
  return words.some((w, i) => ORG_HEADS.has(w) && (!WEAK_HEADS.has(w) || i > 0));
}

/** A person's name: two to four name words, none of them a title, small word or org word. */
function looksLikePersonName(tokens: Token[]): boolean {
  if (tokens.length < 2 || tokens.length > 4) return false;
  return tokens.every(
    (t) => !NOT_NAMES.has(t.text) && !ORG_HEADS.has(t.text) && !TITLES.has(t.text) && /^\p{Lu}/u.test(t.text),
  );
}

/** Words that can be a person's name: no organisation word, mostly proper nouns to the tagger. */
function nameWords(tokens: Token[]): boolean {
  if (!tokens.length || tokens.length > 4) return false;
  if (tokens.some((t) => !/^\p{Lu}/u.test(t.text) || NOT_IN_PERSON.has(t.text) || ORG_HEADS.has(t.text))) return false;
  return tokens.filter((t) => t.pos === 'PROPN').length * 2 >= tokens.length;
}

/** Names joined by "and" after a title ("Sens. Byron Dorgan and Kent Conrad"). */
function splitAnd(tokens: Token[]): Token[][] {
  const parts: Token[][] = [[]];
  for (const t of tokens) {
    if (t.text === 'and') parts.push([]);
    else parts.at(-1)?.push(t);
  }
  return parts.filter((p) => p.length > 0);
}

/** Where the last title chain before a name ends in the run, or -1. */
function titleEnd(tokens: Token[]): { from: number; to: number } | null {
  for (let k = tokens.length - 2; k >= 0; k--) {
    if (!TITLES.has(textAt(tokens, k))) continue;
    const rest = tokens.slice(k + 1);
    if (rest.some((t) => ORG_HEADS.has(t.text) || TITLES.has(t.text)) || /^[a-z]/.test(rest[0]?.text ?? 'x'))
      return null;
    let from = k;
    // "President and CEO": "and" only between two titles.
    const joinsTitles = (i: number) =>
      TITLES.has(textAt(tokens, i)) || (textAt(tokens, i) === 'and' && TITLES.has(textAt(tokens, i - 1)));
    while (from > 0 && joinsTitles(from - 1)) from--;
    const chain = tokens.slice(from, k + 1);
    if (!chain.some((t) => PERSON_TITLES.has(t.text))) return null;
    return { from, to: k + 1 };
  }
  return null;
}

function personCue(tokens: Token[], before: Token | null, after: Token | null, next: Token | null): boolean {
  if (tokens.some((t, i) => i > 0 && i < tokens.length - 1 && INITIAL.test(t.text))) return true;
  if (after && SPEECH_VERBS.has(after.text)) return true;
  if (before && SPEECH_VERBS.has(before.text)) return true;
  if (before && /^(By|by|Contact|cc)$/.test(before.text)) return true;
  return !!after && after.text === '(' && !!next && PARTY.test(next.text);
}

export interface Typed {
  mentions: Mention[];
  /** Every name-like run left untyped, for the second pass (surnames, acronyms). */
  loose: Mention[];
}

export function classifyRun(page: number, text: string, run: Run, next: Token | null): Typed {
  const out: Typed = { mentions: [], loose: [] };
  const title = titleEnd(run.tokens);
  if (title) {
    const role = spanText(text, run.tokens.slice(title.from, title.to));
    for (const part of splitAnd(trim(run.tokens.slice(title.to)))) {
      if (nameWords(part)) out.mentions.push(mention(page, text, part, 'person', role));
    }
    // What stands before the title is a run of its own ("Sens. Byron Dorgan and Kent Conrad and Rep. …").
    const head = run.tokens.slice(0, title.from);
    if (head.length) {
      const inner = classifyRun(
        page,
        text,
        { tokens: head, before: run.before, after: run.tokens[title.from] ?? null },
        null,
      );
      out.mentions.push(...inner.mentions);
      out.loose.push(...inner.loose);
    }
    return out;
  }
  const tokens = trim(run.tokens);
  if (!tokens.length) return out;
  const before = tokens[0] === run.tokens[0] ? run.before : null;
  const after = tokens[tokens.length - 1] === run.tokens[run.tokens.length - 1] ? run.after : null;
  if (isOrg(tokens, before)) out.mentions.push(mention(page, text, tokens, 'org', null));
  // "Visage Index, Inc.": a company ending after a comma.
  else if (after?.text === ',' && next && CORPORATE_SUFFIXES.has(next.text))
    out.mentions.push(mention(page, text, [...tokens, next], 'org', null));
  else if (looksLikePersonName(tokens) && nameWords(tokens) && personCue(tokens, before, after, next))
    out.mentions.push(mention(page, text, tokens, 'person', null));
  else if (tokens.length <= 4 && !(tokens.length === 1 && isAcronym(textAt(tokens, 0))))
    out.loose.push(mention(page, text, tokens, 'person', null));
  return out;
}
