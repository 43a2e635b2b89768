/**
 * Output types of the contract's calls the renderer added: the library's lean rows, and
 * the quote, tag, search, collection and export calls (src/shared/contract.ts). They follow
 * the quotes-and-search and export issues' CLI shapes so their handlers are thin; kept apart
 * from contract-types.ts to keep merges small.
 */
import type { DocumentFormat } from './document.js';
import type { QuoteSource as CoreQuoteSource, QuoteRecord, TagRecord } from './quote.js';

/** A saved quote (the core's record) with its document's title, for lists that mix documents. */
export interface Quote extends QuoteRecord {
  documentTitle: string;
}

export type { TagRecord };

/** A tag as it was before a deletion: enough to put it back (undo). */
export interface DeletedTag {
  name: string;
  color: string | null;
  description: string | null;
  documentIds: number[];
  quoteIds: number[];
  /** The facts that carried it; absent when none did. */
  factIds?: number[];
}

/** What deleting a tag (and its children) took away. */
export interface TagDeletion {
  tags: DeletedTag[];
  /** Documents and quotes that lost a tag. */
  documents: number;
  quotes: number;
}

/** A piece of a search snippet; `marked` pieces are the matched terms. */
export interface SnippetPart {
  text: string;
  marked: boolean;
}

export interface SearchHit {
  /** Where the match is: a page's text, a quote, a note, or the document's metadata. */
  kind: 'page' | 'quote' | 'note' | 'metadata';
  documentId: number;
  title: string;
  /** The document's file format, so the same text as PDF, web page and plain text can be told apart. */
  format: DocumentFormat;
  /** Physical page of the hit, from 1 (null for metadata). */
  page: number | null;
  pageLabel: string | null;
  snippet: SnippetPart[];
  score: number;
  quoteId: number | null;
  /** The document's other versions (the same text in other files), whose own hits of it are left out. */
  alsoIn: { documentId: number; format: DocumentFormat }[];
}

export interface SearchResults {
  /** Hits in all (hits holds at most `limit`). */
  total: number;
  hits: SearchHit[];
  /** How long the core took, in milliseconds. */
  tookMs: number;
}

/** Another place a quote's passage appears (exactly, or nearly), with how that page is printed. */
export interface QuoteSource extends CoreQuoteSource {
  pageLabel: string;
}

export interface CollectionSummary {
  id: number;
  title: string;
  quoteCount: number;
  updatedAt: string;
}

/** A named, ordered list of quotes with an introduction. */
export interface Collection {
  id: number;
  title: string;
  introduction: string;
  quoteIds: number[];
  updatedAt: string;
}

export {
  CITATION_STYLES,
  CITATION_STYLE_LABELS,
  EXPORT_FORMATS,
  EXPORT_FORMAT_LABELS,
  type ExportFormat,
} from './export-options.js';
export type { CitationStyleId as CitationStyle } from './export-options.js';

/** One quote as the export will print it. */
export interface CitedQuote {
  quoteId: number;
  text: string;
  citation: string;
  note: string | null;
}

export interface ExportPreview {
  title: string | null;
  introduction: string | null;
  quotes: CitedQuote[];
  bibliography: string[];
  /** Documents cited with a fallback (no date, no author), one sentence each. */
  warnings: string[];
}

export interface BundleProblem {
  kind: string;
  file?: string;
  quoteId?: number;
  message: string;
}

/** Who signed a bundle: "signed by FINGERPRINT (NAME, trusted)", "unsigned: …", or a signature that does not hold. */
export interface BundleSignatureInfo {
  status: 'signed' | 'unsigned' | 'invalid';
  fingerprint: string | null;
  trusted: boolean;
  signer: string | null;
  message: string;
}

/** The outcome of checking a written bundle against its originals. */
export interface VerifyReport {
  ok: boolean;
  problems: BundleProblem[];
  /** Who signed it (absent from builds before signing). */
  signature?: BundleSignatureInfo | null;
}

/** A written export: its bytes to save, and for a bundle, its verification. */
export interface ExportFile {
  fileName: string;
  mimeType: string;
  data: Uint8Array;
  quoteCount: number;
  verification: VerifyReport | null;
  /** What the user should know about how it was written (e.g. where the signing key is kept). */
  warnings?: string[];
}
