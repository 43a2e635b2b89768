/**
 * Where a quote stands in a document's text: the one place that turns page + offsets
 * into text and back. Pages are stored separately and a quote may cross a page break,
 * so positions across pages are taken in the pages' text joined by PAGE_SEPARATOR,
 * then split back into page + offset pairs. Saving a quote, re-anchoring it, writing
 * it into a bundle, verifying the bundle and importing it all go through here, so they
 * agree on every offset.
 */
import type { QuoteSelector } from '../../../shared/quote.js';

/** What stands between two pages when a quote crosses a page break. */
export const PAGE_SEPARATOR = '\n';

/** How many characters of context a prefix or suffix keeps. */
export const CONTEXT_CHARS = 32;

/** A document's pages joined, with where each page starts (index 0 is page 1). */
export interface JoinedPages {
  pages: readonly string[];
  text: string;
  starts: number[];
}

export function joinPages(pages: readonly string[]): JoinedPages {
  const starts: number[] = [];
  let at = 0;
  for (const text of pages) {
    starts.push(at);
    at += text.length + PAGE_SEPARATOR.length;
  }
  return { pages, text: pages.join(PAGE_SEPARATOR), starts };
}

/** The selector as offsets into the joined text, or null when a page or offset is out of range. */
export function globalRange(joined: JoinedPages, span: QuoteSelector): { start: number; end: number } | null {
  const first = joined.pages[span.page - 1];
  const last = joined.pages[span.pageEnd - 1];
  if (first === undefined || last === undefined || span.pageEnd < span.page) return null;
  if (!Number.isInteger(span.start) || !Number.isInteger(span.end)) return null;
  if (span.start < 0 || span.start > first.length || span.end < 0 || span.end > last.length) return null;
  const start = (joined.starts[span.page - 1] ?? 0) + span.start;
  const end = (joined.starts[span.pageEnd - 1] ?? 0) + span.end;
  return end > start ? { start, end } : null;
}

/** The page of a joined-text offset, and the offset within that page. */
function locate(joined: JoinedPages, offset: number): [page: number, at: number] {
  let lo = 0;
  let hi = joined.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((joined.starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return [lo + 1, offset - (joined.starts[lo] ?? 0)];
}

/** The selector of the joined-text range [start, end) (end > start). */
export function selectorOf(joined: JoinedPages, start: number, end: number): QuoteSelector {
  const [page, pageStart] = locate(joined, start);
  const [lastPage, lastOffset] = locate(joined, end - 1);
  // A range whose last character is the separator ends at the start of the next page.
  if (lastOffset >= (joined.pages[lastPage - 1]?.length ?? 0))
    return { page, pageEnd: lastPage + 1, start: pageStart, end: 0 };
  return { page, pageEnd: lastPage, start: pageStart, end: lastOffset + 1 };
}

/** Up to CONTEXT_CHARS characters before and after [start, end) in the joined text. */
export function contextAt(joined: JoinedPages, start: number, end: number): { prefix: string; suffix: string } {
  return {
    prefix: joined.text.slice(Math.max(0, start - CONTEXT_CHARS), start),
    suffix: joined.text.slice(end, end + CONTEXT_CHARS),
  };
}

/** The exact text, prefix and suffix at a selector; null when it does not fit the pages. */
export function textAt(
  joined: JoinedPages,
  span: QuoteSelector,
): { text: string; prefix: string; suffix: string } | null {
  const range = globalRange(joined, span);
  if (!range) return null;
  return { text: joined.text.slice(range.start, range.end), ...contextAt(joined, range.start, range.end) };
}

/** A quote as a bundle states it: its place, its exact text and the text around it. */
export interface QuoteClaim extends QuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
}

/** Where a claimed quote stands in a document's pages. */
export type ClaimPlace =
  /** At its stated offsets; whether the text around it still matches its prefix and suffix. */
  | { kind: 'at-place'; selector: QuoteSelector; prefixHolds: boolean; suffixHolds: boolean }
  /** Not at its offsets, but its prefix, text and suffix stand together once on its stated pages. */
  | { kind: 'on-its-pages'; selector: QuoteSelector }
  /** Its pages or offsets are outside the document. */
  | { kind: 'out-of-range' }
  /** Its offsets fit, but its exact text is not there (nor, with its context, elsewhere on its pages). */
  | { kind: 'absent' };

/**
 * Checks a claimed quote against page texts without ever moving it: it holds at its
 * offsets, or (when a text extraction shifted offsets) where its prefix, exact text and
 * suffix stand together exactly once within its stated pages; otherwise it is not there.
 */
export function placeClaim(joined: JoinedPages, claim: QuoteClaim): ClaimPlace {
  if (claim.exact === '' || claim.page < 1 || claim.pageEnd < claim.page || claim.pageEnd > joined.pages.length)
    return { kind: 'out-of-range' };
  const range = globalRange(joined, claim);
  if (range && joined.text.slice(range.start, range.end) === claim.exact) {
    const before = range.start - claim.prefix.length;
    return {
      kind: 'at-place',
      selector: { page: claim.page, pageEnd: claim.pageEnd, start: claim.start, end: claim.end },
      prefixHolds: before >= 0 && joined.text.startsWith(claim.prefix, before),
      suffixHolds: joined.text.startsWith(claim.suffix, range.end),
    };
  }
  const from = joined.starts[claim.page - 1] ?? 0;
  const to = (joined.starts[claim.pageEnd - 1] ?? 0) + (joined.pages[claim.pageEnd - 1]?.length ?? 0);
  const needle = claim.prefix + claim.exact + claim.suffix;
  const starts: number[] = [];
  for (
    let at = joined.text.indexOf(needle, Math.max(0, from - claim.prefix.length));
    at >= 0 && starts.length < 2;
    at = joined.text.indexOf(needle, at + 1)
  ) {
    const start = at + claim.prefix.length;
    if (start > to) break;
    if (start >= from && start + claim.exact.length <= to) starts.push(start);
  }
  const [start] = starts;
  if (starts.length === 1 && start !== undefined)
    return { kind: 'on-its-pages', selector: selectorOf(joined, start, start + claim.exact.length) };
  return range ? { kind: 'absent' } : { kind: 'out-of-range' };
}
