/**
 * The library's paged query: what the table asks the core for (an order, filters and a
 * window of rows) and what it gets back. The core answers with indexed SQL, so the
 * renderer never holds 100,000 rows and first paint waits for one page only.
 */
import type { DocumentFormat, DocumentType } from './document.js';

export const LIBRARY_SORT_KEYS = ['title', 'type', 'authors', 'date', 'tags', 'quotes'] as const;
export type LibrarySortKey = (typeof LIBRARY_SORT_KEYS)[number];

/** Empty values (no date, no authors, no tags) go last whichever the direction; ties go by id. */
export interface LibrarySort {
  key: LibrarySortKey;
  direction: 'asc' | 'desc';
}

/** What the user narrows the library by; every part optional, all parts must hold. */
export interface LibraryFilter {
  /** Words that must each appear in the title, an author or the file name (any case). */
  text?: string;
  types?: DocumentType[];
  /** A tag selects documents carrying it or any tag nested under it, themselves or on one of their quotes. */
  tag?: string | null;
  /** Part of an author's name (any case). */
  author?: string;
  /** Partial ISO dates, inclusive; a document's partial date counts by its first day; undated documents drop out. */
  from?: string;
  to?: string;
  /** Only these documents (e.g. the selected one, to show its row wherever the table is). */
  ids?: number[];
  /** Only documents naming this person or organisation (an entity's id, from the facets). */
  entity?: number;
}

export interface LibraryQuery {
  sort: LibrarySort;
  filter: LibraryFilter;
  /** Rows to skip, in the order asked for. */
  offset: number;
  limit: number;
}

/** One row of the library table: the few fields it shows, with tags and live quote count. */
export interface LibraryRowEntry {
  id: number;
  title: string;
  type: DocumentType;
  format: DocumentFormat;
  authors: string[];
  date: string | null;
  pageCount: number;
  fileName: string;
  /** Tag names, sorted. */
  tags: string[];
  /** This document's own live quotes (a version's quotes stay on it: see `versions`). */
  quoteCount: number;
  /** The other live versions of the same text (issue 13), in import order; the row stands for them all. */
  versions: DocumentVersion[];
}

/** Another version of a row's text: the same words in another file. */
export interface DocumentVersion {
  id: number;
  format: DocumentFormat;
  /** Its own live quotes. */
  quoteCount: number;
}

export interface LibraryPage {
  /**
   * How many rows pass the filter (the table's length): live documents, each group of versions
   * counted once (shown as its earliest imported passing version).
   */
  total: number;
  rows: LibraryRowEntry[];
}

/** What the filter column offers, over all live documents (not narrowed by the filter). */
export interface LibraryFacets {
  /** Live documents in the archive. */
  documents: number;
  types: { type: DocumentType; count: number }[];
  /** Every tag in use on a document or a quote, and every parent of one, with the documents carrying it or one under it, themselves or on a quote. */
  tags: { name: string; count: number }[];
  /** The most frequent authors first (at most 2,000), with their document counts. */
  authors: { name: string; count: number }[];
  /** Earliest and latest dates on documents, or null when none is dated. */
  dates: { from: string; to: string } | null;
  /** The people named in most live documents (at most 500), with those counts. */
  people: EntityFacet[];
  /** The organisations named in most live documents (at most 500), with those counts. */
  organisations: EntityFacet[];
}

export interface EntityFacet {
  id: number;
  name: string;
  count: number;
}

/** The most rows one query answers. */
export const LIBRARY_MAX_LIMIT = 1000;
