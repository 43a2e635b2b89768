/** What the reader marks on each page: saved quotes, find matches, and the passage being quoted. */
import type { Quote } from '../../../shared/contract.js';
import type { FindMatch } from './find-bar.js';
import { anchorToPageRanges, type PassageAnchor } from './page-offsets.js';
import type { PageHighlight } from './pdf-page.js';

export interface ReaderMarks {
  quotes: readonly Quote[];
  activeQuote: number | null;
  matches: readonly FindMatch[];
  findIndex: number;
  /** The passage in the quote popover, not saved yet. */
  pending: PassageAnchor | null;
  /** Words shown on arrival: where an inferred value came from. */
  source?: { page: number; start: number; end: number } | null;
}

export function highlightsByPage(marks: ReaderMarks, pageText: (page: number) => string): Map<number, PageHighlight[]> {
  const map = new Map<number, PageHighlight[]>();
  const add = (p: number, h: PageHighlight) => {
    const list = map.get(p);
    if (list) list.push(h);
    else map.set(p, [h]);
  };
  const len = (p: number) => pageText(p).length;
  for (const q of marks.quotes) {
    for (const r of anchorToPageRanges(q, len)) {
      add(r.page, {
        key: `q${q.id}`,
        start: r.start,
        end: r.end,
        kind: q.id === marks.activeQuote ? 'quote-active' : 'quote',
        quoteId: q.id,
      });
    }
  }
  marks.matches.forEach((m, i) =>
    add(m.page, { key: `find-${i}`, start: m.start, end: m.end, kind: i === marks.findIndex ? 'hit-current' : 'hit' }),
  );
  if (marks.pending)
    for (const r of anchorToPageRanges(marks.pending, len))
      add(r.page, { key: 'pending', start: r.start, end: r.end, kind: 'pending' });
  if (marks.source) add(marks.source.page, { key: 'source', ...marks.source, kind: 'source' });
  return map;
}
