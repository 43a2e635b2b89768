/**
 * The call behind the "Review metadata" view (issue 13), spread into CALLS in contract.ts:
 * the documents with open suggestions, one at a time in the view, and Undo of a decision.
 * Pure: zod and src/shared.
 */
import { z } from 'zod';
import type { CallSpec } from './contract.js';
import type { InferenceDecisionResult } from './contract-inference.js';
import type { DocumentFormat } from './document.js';
import type { InferredField } from './inference.js';

/** A document with inferred values still waiting for a person's decision. */
export interface SuggestionDocument {
  id: number;
  title: string;
  format: DocumentFormat;
  /** The fields with an open suggestion. */
  fields: InferredField[];
}

export interface SuggestionList {
  /** How many live documents have at least one open suggestion. */
  total: number;
  /** The first `limit` of them, in import order. */
  documents: SuggestionDocument[];
}

/** The most documents one answer lists. */
export const SUGGESTIONS_MAX_LIMIT = 5000;

function call<O>() {
  return <I extends z.ZodType>(input: I): CallSpec<I, O, false, false> => ({ input, shell: false, job: false });
}

export const REVIEW_CALLS = {
  /** The live documents with open suggestions, in import order. */
  'documents.suggestions': call<SuggestionList>()(
    z.strictObject({ limit: z.number().int().min(1).max(SUGGESTIONS_MAX_LIMIT).optional() }),
  ),
  /** Undoes the document's last accept or reject (while its values still stand), on record. */
  'documents.undoInferenceDecision': call<InferenceDecisionResult>()(
    z.strictObject({ id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER) }),
  ),
} as const;
