/**
 * Where a quote stands in a document's text. Pages are stored separately; a quote
 * may cross a page break, so positions across pages are taken in the pages' text
 * joined with PAGE_SEPARATOR. The same functions compute selectors (tests, bench)
 * and check them (verify), so both sides agree on every offset.
 */

/** What stands between two pages when a quote crosses a page break. */
export const PAGE_SEPARATOR = '\n';

/** How many characters of context a prefix or suffix keeps. */
export const CONTEXT_CHARS = 32;

export interface PageSpan {
  page: number;
  pageEnd: number;
  start: number;
  end: number;
}

/** Offsets of each page's first character in the joined text (index 0 is page 1). */
export function pageStarts(pages: readonly string[]): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const text of pages) {
    starts.push(at);
    at += text.length + PAGE_SEPARATOR.length;
  }
  return starts;
}

/** The selection as offsets into the joined text, or null when a page or offset is out of range. */
export function globalRange(pages: readonly string[], span: PageSpan): { start: number; end: number } | null {
  const first = pages[span.page - 1];
  const last = pages[span.pageEnd - 1];
  if (first === undefined || last === undefined || span.pageEnd < span.page) return null;
  if (span.start < 0 || span.start > first.length || span.end < 0 || span.end > last.length) return null;
  const starts = pageStarts(pages);
  const start = (starts[span.page - 1] ?? 0) + span.start;
  const end = (starts[span.pageEnd - 1] ?? 0) + span.end;
  return end >= start ? { start, end } : null;
}

/** The page span of the joined-text range [start, end). */
export function spanOf(pages: readonly string[], start: number, end: number): PageSpan {
  const starts = pageStarts(pages);
  const locate = (offset: number): [number, number] => {
    for (let i = starts.length - 1; i > 0; i--) {
      const s = starts[i] ?? 0;
      if (offset >= s) return [i + 1, offset - s];
    }
    return [1, offset];
  };
  const [page, pageStart] = locate(start);
  if (end === start) return { page, pageEnd: page, start: pageStart, end: pageStart };
  const [lastPage, lastOffset] = locate(end - 1);
  // A selection whose last character is the separator ends at the start of the next page.
  if (lastOffset >= (pages[lastPage - 1]?.length ?? 0)) return { page, pageEnd: lastPage + 1, start: pageStart, end: 0 };
  return { page, pageEnd: lastPage, start: pageStart, end: lastOffset + 1 };
}

/** The exact text, prefix and suffix at a span; null when the span does not fit the pages. */
export function textAt(pages: readonly string[], span: PageSpan): { exact: string; prefix: string; suffix: string } | null {
  const range = globalRange(pages, span);
  if (!range) return null;
  const joined = pages.join(PAGE_SEPARATOR);
  return {
    exact: joined.slice(range.start, range.end),
    prefix: joined.slice(Math.max(0, range.start - CONTEXT_CHARS), range.start),
    suffix: joined.slice(range.end, range.end + CONTEXT_CHARS),
  };
}

/** Selectors for the first occurrence of `exact` at or after `from` in the joined text; null if absent. */
export function findSelectors(
  pages: readonly string[],
  exact: string,
  from = 0,
): (PageSpan & { exact: string; prefix: string; suffix: string }) | null {
  const joined = pages.join(PAGE_SEPARATOR);
  const at = joined.indexOf(exact, from);
  if (at < 0 || exact === '') return null;
  const span = spanOf(pages, at, at + exact.length);
  const text = textAt(pages, span);
  return text ? { ...span, ...text } : null;
}
