/**
 * The library's rows and what the user narrows and orders them by. Pure functions over
 * plain arrays, so 100,000 rows filter and sort in a few milliseconds without a server trip.
 */
import type { DocumentAnnotations, LibraryEntry } from '../../../shared/contract.js';
import type { DocumentType } from '../../../shared/document.js';

export interface LibraryRow {
  id: number;
  title: string;
  type: DocumentType;
  format: LibraryEntry['format'];
  authors: string[];
  /** Authors joined for display and sorting. */
  authorText: string;
  date: string | null;
  tags: string[];
  quoteCount: number;
  pageCount: number;
  fileName: string;
  /** Lower-cased title, authors and file name, for the quick filter. */
  haystack: string;
}

export function buildRows(documents: readonly LibraryEntry[], annotations: readonly DocumentAnnotations[] | undefined): LibraryRow[] {
  const byId = new Map<number, DocumentAnnotations>();
  for (const a of annotations ?? []) byId.set(a.documentId, a);
  return documents.map((d) => {
    const a = byId.get(d.id);
    const authorText = d.authors.join('; ');
    return {
      id: d.id,
      title: d.title,
      type: d.type,
      format: d.format,
      authors: d.authors,
      authorText,
      date: d.date,
      tags: a?.tags ?? [],
      quoteCount: a?.quoteCount ?? 0,
      pageCount: d.pageCount,
      fileName: d.fileName,
      haystack: `${d.title}\u0000${authorText}\u0000${d.fileName}`.toLowerCase(),
    };
  });
}

export type SortKey = 'title' | 'type' | 'authors' | 'date' | 'tags' | 'quotes';
export interface Sort {
  key: SortKey;
  direction: 'asc' | 'desc';
}

export interface LibraryFilter {
  text: string;
  types: DocumentType[];
  /** A tag selects documents carrying it or any tag nested under it. */
  tag: string | null;
  author: string;
  /** Partial ISO dates, inclusive; a document's partial date counts by its first day. */
  from: string;
  to: string;
}

export const NO_FILTER: LibraryFilter = { text: '', types: [], tag: null, author: '', from: '', to: '' };

export function isFiltering(filter: LibraryFilter): boolean {
  return filter.text.trim() !== '' || filter.types.length > 0 || filter.tag !== null || filter.author.trim() !== '' || filter.from !== '' || filter.to !== '';
}

/** True when `tag` is `parent` or nested under it. */
export function tagWithin(tag: string, parent: string): boolean {
  return tag === parent || tag.startsWith(`${parent}/`);
}

export function filterRows(rows: readonly LibraryRow[], filter: LibraryFilter): LibraryRow[] {
  const text = filter.text.trim().toLowerCase();
  const words = text ? text.split(/\s+/) : [];
  const types = filter.types.length ? new Set(filter.types) : null;
  const author = filter.author.trim().toLowerCase();
  const from = filter.from;
  // "to 2020-11" includes every day of November.
  const to = filter.to ? `${filter.to}\uffff` : '';
  const tag = filter.tag;
  return rows.filter((row) => {
    if (types && !types.has(row.type)) return false;
    if (words.length && !words.every((w) => row.haystack.includes(w))) return false;
    if (author && !row.authors.some((a) => a.toLowerCase().includes(author))) return false;
    if (from && (row.date === null || row.date < from)) return false;
    if (to && (row.date === null || row.date > to)) return false;
    if (tag && !row.tags.some((t) => tagWithin(t, tag))) return false;
    return true;
  });
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export function sortRows(rows: LibraryRow[], sort: Sort): LibraryRow[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  const compareText = (a: string, b: string) => {
    // Empty values go last whichever the direction.
    if (!a || !b) return a === b ? 0 : a ? -1 : 1;
    return collator.compare(a, b) * sign;
  };
  const byKey: Record<SortKey, (a: LibraryRow, b: LibraryRow) => number> = {
    title: (a, b) => compareText(a.title, b.title),
    type: (a, b) => compareText(a.type, b.type),
    authors: (a, b) => compareText(a.authorText, b.authorText),
    date: (a, b) => {
      if (a.date === null || b.date === null) return a.date === b.date ? 0 : a.date === null ? 1 : -1;
      return (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) * sign;
    },
    tags: (a, b) => compareText(a.tags.join(', '), b.tags.join(', ')),
    quotes: (a, b) => (a.quoteCount - b.quoteCount) * sign,
  };
  const compare = byKey[sort.key];
  return rows.slice().sort((a, b) => compare(a, b) || a.id - b.id);
}

/** Distinct authors with how many documents each wrote, most prolific first. */
export function authorCounts(rows: readonly LibraryRow[]): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const row of rows) for (const a of row.authors) counts.set(a, (counts.get(a) ?? 0) + 1);
  return [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || collator.compare(a.name, b.name));
}

export function typeCounts(rows: readonly LibraryRow[]): Map<DocumentType, number> {
  const counts = new Map<DocumentType, number>();
  for (const row of rows) counts.set(row.type, (counts.get(row.type) ?? 0) + 1);
  return counts;
}
