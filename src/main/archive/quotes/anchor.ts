/**
 * Finding a passage in a document's pages, tolerating how text differs between a PDF
 * and what a reader types or pastes (see normalize.ts), and refusing to guess: a
 * passage found in several places is reported with each place, unless a page or an
 * occurrence says which one. Pure functions; the repository stores what they return.
 */
import type { PassagePlace, QuoteSelector } from '../../../shared/quote.js';
import { findFolded, fold, foldNeedle, type Folded } from './normalize.js';
import { contextAt, selectorOf, type JoinedPages } from './selectors.js';

/** A place where the passage stands: offsets into the joined pages, and its selector. */
export interface PassageMatch extends QuoteSelector {
  from: number;
  to: number;
}

export interface LocateOptions {
  /** Only places starting on this physical page. */
  page?: number;
  /** The n-th place (1-based, in document order, after `page` narrowed them). */
  occurrence?: number;
}

export type LocateResult =
  | { kind: 'found'; match: PassageMatch; text: string; prefix: string; suffix: string }
  | { kind: 'not-found' }
  | { kind: 'ambiguous'; places: PassagePlace[] }
  | { kind: 'no-such-occurrence'; count: number };

/** Folding a long document is the costly part: reuse it for several searches. */
const folds = new WeakMap<JoinedPages, Folded>();

export function foldedPages(joined: JoinedPages): Folded {
  let folded = folds.get(joined);
  if (!folded) {
    folded = fold(joined.text);
    folds.set(joined, folded);
  }
  return folded;
}

/**
 * Every place the passage stands, in document order. Case counts; only when the exact
 * case is nowhere is it ignored (a reader may retype a sentence's first word).
 */
export function findPassage(joined: JoinedPages, needle: string): PassageMatch[] {
  const folded = foldedPages(joined);
  const target = foldNeedle(needle);
  let ranges = findFolded(folded, target);
  if (ranges.length === 0) ranges = findFolded(folded, target, true);
  return ranges.map(({ start, end }) => ({ from: start, to: end, ...selectorOf(joined, start, end) }));
}

/** The passage on one line with a little context, the match between «». */
export function placeSnippet(joined: JoinedPages, from: number, to: number, context = 30): string {
  const oneLine = (s: string) => s.replace(/\s+/g, ' ');
  const before = joined.text.slice(Math.max(0, from - context), from);
  const inner = joined.text.slice(from, to);
  const shown = inner.length > 80 ? `${inner.slice(0, 38)}…${inner.slice(-38)}` : inner;
  const after = joined.text.slice(to, to + context);
  return `${from > context ? '…' : ''}${oneLine(before).trimStart()}«${oneLine(shown)}»${oneLine(after).trimEnd()}${to + context < joined.text.length ? '…' : ''}`;
}

/** Finds the one place a passage stands, or says why there is not exactly one. */
export function locatePassage(joined: JoinedPages, needle: string, options: LocateOptions = {}): LocateResult {
  let matches = findPassage(joined, needle);
  if (options.page !== undefined) matches = matches.filter((m) => m.page === options.page);
  if (matches.length === 0) return { kind: 'not-found' };
  let match: PassageMatch | undefined;
  if (options.occurrence !== undefined) {
    match = matches[options.occurrence - 1];
    if (!match) return { kind: 'no-such-occurrence', count: matches.length };
  } else if (matches.length === 1) {
    match = matches[0];
  } else {
    return {
      kind: 'ambiguous',
      places: matches.map((m, i) => ({
        occurrence: i + 1,
        page: m.page,
        pageEnd: m.pageEnd,
        snippet: placeSnippet(joined, m.from, m.to),
      })),
    };
  }
  if (!match) return { kind: 'not-found' };
  return {
    kind: 'found',
    match,
    text: joined.text.slice(match.from, match.to),
    ...contextAt(joined, match.from, match.to),
  };
}
