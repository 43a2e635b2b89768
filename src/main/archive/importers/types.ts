/** What every importer returns: text per page, metadata guesses, warnings. */
import type { PageLayout } from '../../../shared/contract-types.js';
import type { DocumentFormat, DocumentMetadata } from '../../../shared/document.js';
import type { HtmlFace } from './html-face.js';

export type { PageLayout };

export interface ExtractedPage {
  text: string;
  layout?: PageLayout | null;
}

export interface ExtractedAttachment {
  fileName: string;
  bytes: Uint8Array;
  /** The charset its MIME part declared (text attachments rarely say it themselves). */
  charset?: string | null;
}

/** What the container of a file knows about it that the file may not say. */
export interface ImportHints {
  charset?: string | null;
}

export interface ExtractedDocument {
  format: DocumentFormat;
  mimeType: string;
  /** What the file says of itself; the pipeline fills the rest. */
  metadata: Partial<DocumentMetadata>;
  pages: ExtractedPage[];
  /** PDF /PageLabels, one per physical page, when present. */
  pageLabels?: string[] | null;
  warnings: string[];
  /** Format-specific facts kept with the document (JSON). */
  extra?: Record<string, unknown>;
  /** Files carried inside (email attachments): imported as documents of their own. */
  attachments?: ExtractedAttachment[];
  /** What a web page says of itself (meta, JSON-LD, <time>), for the metadata inference. */
  face?: HtmlFace;
}

export type Importer = (bytes: Uint8Array, fileName: string, hints?: ImportHints) => Promise<ExtractedDocument>;
