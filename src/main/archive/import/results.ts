/** What an import reports, file by file. */

import type { ImportResult as FileImportResult, ImportStatus } from '../../../shared/contract-types.js';

export type { ImportStatus };

/** One file's outcome (the contract's shape), and for a bundle what came in with it. */
export interface ImportResult extends FileImportResult {
  /** For an evidence bundle: what came in with it (see import/bundle.ts). */
  bundle?: BundleImportSummary;
}

/** One quote of an evidence bundle, and what became of it. */
export interface BundleQuoteOutcome {
  /** The quote's id in the bundle (the archive it came from). */
  bundleQuoteId: number;
  /** Its id in this archive, or null when it could not be brought in. */
  quoteId: number | null;
  /**
   * imported: new here, at its place; existing: already here at the same place (tags and
   * note merged); orphaned: imported, but its text is not at its place in this archive's
   * copy of the document, so it is flagged where the bundle put it; skipped: not imported.
   */
  status: 'imported' | 'existing' | 'orphaned' | 'skipped';
  /** Why, for orphaned and skipped quotes. */
  reason?: string;
}

export interface BundleImportSummary {
  bundleId: string | null;
  /** The bundle's documents: how many were new here, and how many already held (same SHA-256). */
  documents: { imported: number; existing: number };
  quotes: BundleQuoteOutcome[];
  /** Verification problems when the bundle was refused. */
  problems: { kind: string; file?: string; quoteId?: number; message: string }[];
  /** Who signed the bundle ("signed by FINGERPRINT", "unsigned: …"); whether you trust them is `exhibit verify`'s say. */
  signature?: { status: 'signed' | 'unsigned' | 'invalid'; fingerprint: string | null; message: string } | null;
}
