/** Full-text search: options and hits, shared by the core, the CLI, IPC and the renderer. */
import type { DocumentFormat, DocumentType } from './document.js';

export const SEARCH_KINDS = ['page', 'quote', 'note', 'metadata'] as const;
/** What a hit matched: a page's text, a quote's text, a quote's note, or the document's metadata. */
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface SearchFilters {
  /** Every tag must apply (a parent tag selects its children's items); quote hits also match their own tags. */
  tags?: string[];
  types?: DocumentType[];
  /** Part of an author's name, case-insensitive. */
  author?: string;
  /** Partial ISO dates (2020, 2020-11, 2020-11-13); a document counts when its date overlaps the range. */
  from?: string;
  to?: string;
  /** Only documents with at least one quote. */
  hasQuotes?: boolean;
  /** Only documents naming the person or organisation of this name or alias (any ASCII case). */
  entity?: string;
  /** Only these kinds of hits (all by default). */
  kinds?: SearchKind[];
}

export interface SearchOptions extends SearchFilters {
  /** Match word stems (ban, bans, banned) instead of exact words. */
  stem?: boolean;
  /** 'relevance' (bm25, titles above body text) or 'date' (newest first, undated last). */
  sort?: 'relevance' | 'date';
  limit?: number;
  offset?: number;
}

/**
 * Snippets are HTML-escaped text (only &amp; &lt; &gt; &quot; occur) in which each
 * matched term is wrapped in <mark>…</mark>; "…" marks a cut. So a literal "<mark>"
 * in a document arrives as "&lt;mark&gt;" and marks are never ambiguous.
 */
export interface SearchHit {
  kind: SearchKind;
  documentId: number;
  title: string;
  /** Physical page (1-based) the hit is on; for metadata hits, 1. */
  page: number;
  /** How that page is printed (its label, see shared/page-label.ts). */
  pageLabel: string;
  snippet: string;
  /** Higher is better: -bm25, weighted by kind. */
  score: number;
  quoteId?: number;
  /** The document's other live versions (issue 13), whose own hits of this kind are left out; absent when none. */
  alsoIn?: { documentId: number; format: DocumentFormat }[];
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
}

/** The marks around matched terms in a snippet. */
export const MARK_OPEN = '<mark>';
export const MARK_CLOSE = '</mark>';
