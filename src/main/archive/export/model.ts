/**
 * The plain data an export is made from: a title, an introduction, a citation style
 * and the quotes in order, each with its document. Every writer (Markdown, HTML, DOCX,
 * PDF, CSV, JSON, bundle) reads only this, so the way the quotes were gathered (a tag,
 * a search, a collection) never leaks into the formats.
 */
import type { DocumentRecord } from '../../../shared/document.js';
import type { CitationStyleId } from '../../../shared/export-options.js';
import type { FactRole, FactStatus } from '../../../shared/fact.js';
import type { QuoteRecord } from '../../../shared/quote.js';

// The lists live in the contract so the CLI and the app offer the same ones.
export {
  CITATION_STYLES,
  EXPORT_FORMATS,
  type CitationStyleId,
  type ExportFormat,
} from '../../../shared/export-options.js';

/** The fields of a QuoteRecord an export carries. */
const EXPORT_QUOTE_FIELDS = [
  'id',
  'documentId',
  'page',
  'pageEnd',
  'start',
  'end',
  'text',
  'prefix',
  'suffix',
  'note',
  'tags',
] as const;

/**
 * A saved quote as an export needs it: the core's QuoteRecord (selectors, `text` the
 * source's own characters) without its bookkeeping. The bundle manifest and the Web
 * Annotation JSON call the text `exact`, as the W3C TextQuoteSelector does.
 */
export type ExportQuote = Pick<QuoteRecord, (typeof EXPORT_QUOTE_FIELDS)[number]> & {
  /**
   * The same place as offsets into the document's whole text (pages joined with
   * PAGE_SEPARATOR, see quotes/selectors.ts), for the Web Annotation TextPositionSelector.
   */
  position?: { start: number; end: number } | null;
};

/** A quote's export fields, with its place in the document's whole text. */
export function exportQuoteOf(quote: QuoteRecord, position: { start: number; end: number } | null): ExportQuote {
  const fields = Object.fromEntries(EXPORT_QUOTE_FIELDS.map((key) => [key, quote[key]])) as Pick<
    QuoteRecord,
    (typeof EXPORT_QUOTE_FIELDS)[number]
  >;
  return { ...fields, position };
}

export interface ExportItem {
  quote: ExportQuote;
  /** The quoted document, with its page labels for pinpoint cites. */
  document: DocumentRecord;
}

/** A fact of a chronology export: its sources are quotes among the model's items. */
export interface ExportFact {
  id: number;
  /** As typed: "2020-11-13", "~2020-11", "2020-11-13..2020-11-20". */
  date: string;
  statement: string;
  status: FactStatus;
  note: string | null;
  tags: string[];
  /** No exported quote supports it. */
  unsupported: boolean;
  sources: Array<{ quoteId: number; role: FactRole }>;
}

export interface ExportModel {
  title: string;
  introduction: string | null;
  style: CitationStyleId;
  items: ExportItem[];
  /** Set for a chronology: the facts in date order, citing `items` (which are then their sources). */
  facts?: ExportFact[];
}

/** The distinct documents of a model, in the order they are first quoted. */
export function modelDocuments(model: ExportModel): DocumentRecord[] {
  const seen = new Map<number, DocumentRecord>();
  for (const item of model.items) if (!seen.has(item.document.id)) seen.set(item.document.id, item.document);
  return [...seen.values()];
}
