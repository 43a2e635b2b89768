/** Document metadata shared by the core, the CLI, IPC and the renderer. */

export const DOCUMENT_TYPES = [
  'statement',
  'letter',
  'memo',
  'email',
  'article',
  'report',
  'transcript',
  'other',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** The file formats the importers understand. */
export const DOCUMENT_FORMATS = ['pdf', 'text', 'markdown', 'html', 'docx', 'email', 'image'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** ISO 8601 date with its precision: `2020`, `2020-11` or `2020-11-13`. */
export const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

export interface DocumentMetadata {
  title: string;
  type: DocumentType;
  authors: string[];
  recipients: string[];
  organization: string | null;
  /** ISO 8601 with its precision (see PARTIAL_DATE). */
  date: string | null;
  source: string | null;
  url: string | null;
  description: string | null;
}

export interface DocumentRecord extends DocumentMetadata {
  id: number;
  format: DocumentFormat;
  mimeType: string;
  fileName: string;
  size: number;
  sha256: string;
  pageCount: number;
  /** The PDF's own page labels (index 0 is physical page 1), when it has them. */
  pageLabels: string[] | null;
  /** "Physical page 1 is printed as 1 + offset", set by the user. */
  pageLabelOffset: number;
  /** The email this document was attached to. */
  parentId: number | null;
  warnings: string[];
  importedAt: string;
  updatedAt: string;
  /** Set while the document is in the trash. */
  deletedAt: string | null;
}

export interface PageText {
  /** Physical page number, from 1. */
  number: number;
  text: string;
}

/** Returns true when `value` is a valid partial ISO date (and a real calendar day). */
export function isPartialDate(value: string): boolean {
  if (!PARTIAL_DATE.test(value)) return false;
  if (value.length < 10) return true;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}
