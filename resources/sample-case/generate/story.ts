/**
 * The sample case's shared facts: its fictional cast, the passages several documents
 * repeat, and the manifest entry type. Every document quotes from here so that a
 * passage reads the same wherever it appears (or nearly: the news reports quote it
 * the way reporters do).
 */
import type { DocumentType } from '../../../src/shared/document.js';

/** Printed on every document: nobody may mistake the sample for a real case. */
export const FICTION_NOTICE =
  'Fictional sample written for the Exhibit project. The people, organizations and events in it are invented.';

/** The memo's passage the other documents quote (memo page 1). */
export const MEMO_PASSAGE =
  'The department has not evaluated the accuracy, data security or legal basis of these services, and their use has never been authorized by this office.';

/** The memo's directive (memo page 2): the sentence tests and quotes cite. */
export const MEMO_DIRECTIVE = 'Effective immediately, no officer may submit images to any commercial facial-recognition service.';

export const CAST = {
  city: 'Port Alder',
  department: 'Port Alder Police Department',
  deputyChief: 'Daniel R. Whitcombe',
  senator: 'Eleanor M. Vance',
  company: 'Visage Index, Inc.',
  companyShort: 'Visage Index',
  ceo: 'Jonah Pell',
  spokesperson: 'Mara Lindqvist',
  ledger: 'Port Alder Ledger',
  ledgerReporter: 'Priya Raman',
  review: 'Coastline Civic Review',
  reviewReporter: 'Tomás Ferreira',
} as const;

/** What `exhibit sample` sets on an imported document (resources/sample-case/case.json). */
export interface CaseEntry {
  type: DocumentType;
  title: string;
  authors: string[];
  recipients: string[];
  organization: string | null;
  /** ISO 8601 with its precision. */
  date: string;
  source: string | null;
  url: string | null;
  description: string;
}

export interface CaseManifest {
  notice: string;
  /** Keyed by file name in files/; an email attachment as `email.eml#attachment.txt`. */
  documents: Record<string, CaseEntry>;
}

/** One generated file: its name, its bytes, and the manifest entries it yields. */
export interface GeneratedFile {
  fileName: string;
  bytes: Uint8Array;
  entries: Record<string, CaseEntry>;
}
