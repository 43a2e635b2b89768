/**
 * Where a quote stands in a document's text. Pages are stored separately and a quote
 * may cross a page break, so positions across pages are taken in the pages' text
 * joined by PAGE_SEPARATOR, then split back into page + offset pairs. The export
 * issue's verifier uses the same conventions (separator, 32 characters of context).
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
  if (lastOffset >= (joined.pages[lastPage - 1]?.length ?? 0)) return { page, pageEnd: lastPage + 1, start: pageStart, end: 0 };
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
export function textAt(joined: JoinedPages, span: QuoteSelector): { text: string; prefix: string; suffix: string } | null {
  const range = globalRange(joined, span);
  if (!range) return null;
  return { text: joined.text.slice(range.start, range.end), ...contextAt(joined, range.start, range.end) };
}
