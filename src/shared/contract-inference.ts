/**
 * The calls over metadata read from a document's face (issue 13), spread into CALLS in
 * contract.ts: what was inferred with its evidence, re-reading a document, and a person's
 * accepting or rejecting a value (each in the custody history). Pure: zod and src/shared.
 */
import { z } from 'zod';
import type { CallSpec } from './contract.js';
import { REVIEW_CALLS } from './contract-review.js';
import { INFERRED_FIELDS, type FileDates, type Inference, type InferredField } from './inference.js';

/** What a document's details add: its inferences, its file's own dates and its other versions. */
export interface DocumentInference {
  inferences: Inference[];
  fileDates: FileDates;
  /** The other live documents that are versions of the same text, by id. */
  versions: number[];
  /** Fields a person set, edited or accepted: inference never overwrites them. */
  userFields: InferredField[];
}

/** A field's value before and after a change. */
export type FieldChanges = Record<string, { from: unknown; to: unknown }>;

export interface ReinferResult {
  documentId: number;
  /** Fields set by this run. */
  changes: FieldChanges;
  /** Fields offered as suggestions. */
  suggested: InferredField[];
  versionGroup: number | null;
}

export interface InferenceDecisionResult {
  documentId: number;
  changes: FieldChanges;
}

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

function call<O>() {
  return <I extends z.ZodType>(input: I): CallSpec<I, O, false, false> => ({ input, shell: false, job: false });
}

export const INFERENCE_CALLS = {
  /** A document's inferences with their evidence, its file dates and its versions. */
  'documents.inference': call<DocumentInference>()(z.strictObject({ id })),
  /** Reads the document's face again; never overwrites a field a person set. */
  'documents.reinfer': call<ReinferResult>()(z.strictObject({ id })),
  /** Accepts (sets, and makes the field the person's) or rejects inferred values. */
  'documents.decideInference': call<InferenceDecisionResult>()(
    z.strictObject({
      id,
      decision: z.enum(['accept', 'reject']),
      fields: z.array(z.enum(INFERRED_FIELDS)).min(1).max(INFERRED_FIELDS.length),
    }),
  ),
  /** The Review metadata view's calls (contract-review.ts). */
  ...REVIEW_CALLS,
} as const;
