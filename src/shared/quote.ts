/** Quotes, tags and search results as the core, the CLI, IPC and the renderer see them. */

/** Whether a quote still stands where its selectors say ('orphaned' after a text change it could not follow). */
export type AnchorStatus = 'ok' | 'orphaned';

/**
 * A saved passage, located the way W3C Web Annotation selectors do: physical pages
 * `page`..`pageEnd`; `start` an offset into page `page`'s stored text and `end`
 * (exclusive) an offset into page `pageEnd`'s, both in UTF-16 code units (JavaScript
 * string indices); `text` the source's own characters (a quote that crosses a page
 * break has the pages joined by "\n"); `prefix`/`suffix` up to 32 characters around it.
 */
export interface QuoteRecord {
  id: number;
  documentId: number;
  page: number;
  pageEnd: number;
  start: number;
  end: number;
  text: string;
  prefix: string;
  suffix: string;
  note: string | null;
  tags: string[];
  /** The printed page label(s), e.g. "27" or "iv–v" (see shared/page-label.ts). */
  pageLabel: string;
  status: AnchorStatus;
  createdAt: string;
  updatedAt: string;
  /** Set while the quote is deleted (it can still be restored). */
  deletedAt: string | null;
}

/** Where a quote is, given as page and offsets (a selection on screen, a bundle). */
export interface QuoteSelector {
  page: number;
  start: number;
  pageEnd: number;
  end: number;
}

/** One place where a passage was found (an ambiguous quote lists them). */
export interface PassagePlace {
  /** 1-based, in document order: pass it as `occurrence` to pick this place. */
  occurrence: number;
  page: number;
  pageEnd: number;
  /** The place with a little context, on one line. */
  snippet: string;
}

/** Another document holding a quote's passage, exactly or nearly. */
export interface QuoteSource {
  documentId: number;
  title: string;
  page: number;
  pageEnd: number;
  /** 1 for the same words; lower as words are dropped, added or changed. */
  similarity: number;
  /** The matching passage as it stands in that document. */
  text: string;
  /** That document is a version of the quote's own (the same text in another file): listed first. */
  version: boolean;
}

export interface TagRecord {
  id: number;
  /** Full name; "/" nests ("agency/LAPD" is a child of "agency"). */
  name: string;
  /** "#rrggbb", or null. */
  color: string | null;
  description: string | null;
  /** Live documents and quotes carrying this very tag (not its children). */
  documents: number;
  quotes: number;
}
