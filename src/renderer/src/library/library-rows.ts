/**
 * The library's rows and what the user narrows and orders them by. The core sorts and
 * filters (documents.query); these are the renderer's forms of a row and a filter and
 * the translation of one into the query the core answers.
 */
import type { LibraryFilter as QueryFilter, LibraryRowEntry, LibrarySort } from '../../../shared/contract.js';
import { isPartialDate, type DocumentType } from '../../../shared/document.js';

export interface LibraryRow extends LibraryRowEntry {
  /** Authors joined for display. */
  authorText: string;
}

export function toRow(entry: LibraryRowEntry): LibraryRow {
  return { ...entry, authorText: entry.authors.join('; ') };
}

export type SortKey = LibrarySort['key'];
export type Sort = LibrarySort;

/** The filter as the user edits it: every field present, dates possibly half-typed. */
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
  return (
    filter.text.trim() !== '' ||
    filter.types.length > 0 ||
    filter.tag !== null ||
    filter.author.trim() !== '' ||
    filter.from !== '' ||
    filter.to !== ''
  );
}

/**
 * The query's filter: only the parts set, with half-typed dates left out (so typing
 * "202" does not empty the table), and in one fixed shape so equal filters make equal
 * cache keys.
 */
export function toQueryFilter(filter: LibraryFilter): QueryFilter {
  const query: QueryFilter = {};
  if (filter.text.trim()) query.text = filter.text.trim();
  if (filter.types.length) query.types = [...filter.types].sort();
  if (filter.tag) query.tag = filter.tag;
  if (filter.author.trim()) query.author = filter.author.trim();
  if (isPartialDate(filter.from)) query.from = filter.from;
  if (isPartialDate(filter.to)) query.to = filter.to;
  return query;
}
