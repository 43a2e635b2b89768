/**
 * A document's metadata (shared/document.ts DocumentMetadata) as zod schemas, in two
 * layers on one set of fields:
 *
 * - as stored: the types only. An import may store what no one would type (600
 *   recipients from an email's To line, a 2,000-character title from a PDF), so a bundle's
 *   manifest is read with these, and its reader leaves out, field by field with a warning,
 *   a value this archive would refuse (import/bundle.ts), rather than refusing the bundle.
 * - as set: what a person or a stated list may set (an edit through IPC, the sample case's
 *   case.json): the stored types with the edit limits.
 *
 * Pure code: zod and src/shared only.
 */
import { z } from 'zod';
import { DOCUMENT_TYPES, isPartialDate, type DocumentMetadata } from './document.js';

/** Every metadata field as the archive stores it. */
export const storedMetadataFields = {
  title: z.string(),
  type: z.enum(DOCUMENT_TYPES),
  authors: z.array(z.string()),
  recipients: z.array(z.string()),
  organization: z.string().nullable(),
  /** ISO 8601 with its precision; as stored, not checked (an older archive may hold others). */
  date: z.string().nullable(),
  source: z.string().nullable(),
  url: z.string().nullable(),
  description: z.string().nullable(),
} satisfies Record<keyof DocumentMetadata, z.ZodType>;

const names = z.array(storedMetadataFields.title.max(500)).max(500);

/** Every metadata field as it may be set: the stored types with the limits of an edit. */
export const settableMetadataFields = {
  title: storedMetadataFields.title.max(1000).refine((s) => s.trim() !== '', 'must not be empty'),
  type: storedMetadataFields.type,
  authors: names,
  recipients: names,
  organization: z.string().max(1000).nullable(),
  date: z.string().refine(isPartialDate, 'an ISO date: 2020, 2020-11 or 2020-11-13').nullable(),
  source: z.string().max(2000).nullable(),
  url: z
    .string()
    .max(4000)
    .regex(/^https?:\/\/\S+$/i, 'an http(s) address')
    .nullable(),
  description: z.string().max(100_000).nullable(),
} satisfies Record<keyof DocumentMetadata, z.ZodType>;

/** A whole set of metadata, every field given; an unknown key is refused, not ignored. */
export const documentMetadataSchema = z.strictObject(settableMetadataFields);

/** An edit: any of the fields, plus the page-label offset. */
export const metadataPatchSchema = z.strictObject({
  ...documentMetadataSchema.partial().shape,
  pageLabelOffset: z.number().int().min(-100_000).max(100_000).optional(),
});
