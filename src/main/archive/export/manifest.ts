/**
 * manifest.json of an evidence bundle: what the bundle holds and how to check it.
 * `formatVersion` says which rules made it; a later Exhibit reads every version up
 * to its own (fields are only ever added) and refuses a newer one by name.
 */
import { z } from 'zod';
import { DOCUMENT_FORMATS } from '../../../shared/document.js';
import { storedMetadataFields } from '../../../shared/document-metadata.js';
import { FACT_ROLES, FACT_STATUSES } from '../../../shared/fact.js';

export const BUNDLE_FORMAT = 'exhibit-bundle';
/** The manifest version this build writes and the newest it reads. */
export const BUNDLE_FORMAT_VERSION = 1;
export const MANIFEST_NAME = 'manifest.json';
/** The zip comment binds zip and manifest: `exhibit-bundle <bundleId> manifest-sha256 <hex>`. */
export const COMMENT_PREFIX = 'exhibit-bundle';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const manifestFileSchema = z.object({ path: z.string().min(1), sha256, size: z.number().int().nonnegative() });

export const manifestDocumentSchema = z.object({
  id: z.number().int(),
  sha256,
  size: z.number().int().nonnegative(),
  /** Where the original is in the zip. */
  path: z.string().min(1),
  fileName: z.string(),
  format: z.enum(DOCUMENT_FORMATS),
  mimeType: z.string(),
  /** As the source archive stored it: import/bundle.ts checks each field against this archive's rules. */
  ...storedMetadataFields,
  pageCount: z.number().int().nonnegative(),
  pageLabels: z.array(z.string()).nullable(),
  pageLabelOffset: z.number().int(),
  tags: z.array(z.string()).default([]),
});

export const manifestQuoteSchema = z.object({
  id: z.number().int(),
  documentId: z.number().int(),
  page: z.number().int().positive(),
  pageEnd: z.number().int().positive(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  note: z.string().nullable(),
  tags: z.array(z.string()),
  pageLabel: z.string(),
  citation: z.string(),
});

/** A fact of a chronology: its sources are quotes of this manifest, by id. */
export const manifestFactSchema = z.object({
  id: z.number().int(),
  date: z.string(),
  statement: z.string(),
  status: z.enum(FACT_STATUSES),
  note: z.string().nullable(),
  tags: z.array(z.string()),
  unsupported: z.boolean(),
  sources: z.array(z.object({ quoteId: z.number().int(), role: z.enum(FACT_ROLES) })),
});

export const manifestSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.number().int().positive(),
  exhibitVersion: z.string(),
  bundleId: z.string().min(1),
  created: z.string(),
  archiveId: z.string().nullable(),
  /**
   * The source archive's custody chain head (LENGTH:HASH) when the bundle was made:
   * `exhibit check --head` on that archive tells whether its history was cut or rewritten
   * since. Absent in bundles made before it was recorded.
   */
  historyHead: z
    .string()
    .regex(/^\d+:[0-9a-f]{64}$/)
    .nullable()
    .optional(),
  title: z.string(),
  introduction: z.string().nullable(),
  style: z.string(),
  /** What joins page texts when offsets cross a page break. */
  pageSeparator: z.string(),
  documents: z.array(manifestDocumentSchema),
  quotes: z.array(manifestQuoteSchema),
  /** A chronology's facts, in date order (absent from bundles of quotes alone). */
  facts: z.array(manifestFactSchema).optional(),
  /** Every file in the zip but manifest.json, with its SHA-256. */
  files: z.array(manifestFileSchema),
});

export type BundleManifest = z.infer<typeof manifestSchema>;
export type ManifestDocument = z.infer<typeof manifestDocumentSchema>;
export type ManifestQuote = z.infer<typeof manifestQuoteSchema>;
export type ManifestFact = z.infer<typeof manifestFactSchema>;

/** The zip comment for a bundle. */
export function bundleComment(bundleId: string, manifestSha256: string): string {
  return `${COMMENT_PREFIX} ${bundleId} manifest-sha256 ${manifestSha256}`;
}

/** Reads a bundle comment; null when the zip has none of ours. */
export function parseBundleComment(comment: string): { bundleId: string; manifestSha256: string } | null {
  const m = /^exhibit-bundle (\S+) manifest-sha256 ([0-9a-f]{64})$/.exec(comment.trim());
  return m && m[1] && m[2] ? { bundleId: m[1], manifestSha256: m[2] } : null;
}

/** A name safe in a zip and on any file system: letters, digits, dot, dash, underscore. */
export function safeFileName(name: string): string {
  const cleaned = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+/, '')
    .slice(0, 100);
  return cleaned || 'original';
}
