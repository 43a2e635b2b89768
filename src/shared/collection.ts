/** Collections as the core, the CLI, IPC and the renderer see them. */
import type { QuoteRecord } from './quote.js';

/** A collection without its quotes: what a list shows. */
export interface CollectionSummary {
  id: number;
  /** How the investigator names it (unique regardless of ASCII case). */
  name: string;
  /** The heading of its exports. */
  title: string;
  /** Printed before the quotes in its exports; paragraphs separated by blank lines. */
  introduction: string | null;
  /** How many quotes it holds (deleted ones included: they keep their place). */
  quotes: number;
  createdAt: string;
  updatedAt: string;
}

/** One quote in a collection, at its position. */
export interface CollectionItem {
  /** 1-based. */
  position: number;
  quote: QuoteRecord;
  documentTitle: string;
  /** The quote's document is in the trash: the quote is left out of exports until it is restored. */
  documentTrashed: boolean;
}

export interface CollectionRecord extends CollectionSummary {
  items: CollectionItem[];
}
