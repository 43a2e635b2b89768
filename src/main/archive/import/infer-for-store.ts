/**
 * Inference on a new document before it is stored: pure CPU work with no archive access,
 * so a bulk import runs it in the extraction worker, beside the thread that writes.
 */
import type { DocumentType } from '../../../shared/document.js';
import { inferMetadata, textSignature } from '../infer/index.js';
import { decide, type Decision } from '../inference/decide.js';
import type { ExtractedDocument } from '../importers/types.js';

/** What inference read from a new document: the decision and its text's signature. */
export interface InferredForStore {
  decision: Decision;
  signature: Uint32Array;
}

/** What inference needs to know besides the text: the file's date, and a type the user gave. */
export interface InferRequest {
  fileModified?: string | null | undefined;
  type?: DocumentType | undefined;
}

/** Runs the inference engine on a new document; a type the importer was told counts as set by a person. */
export function inferForStore(input: InferRequest & { extracted: ExtractedDocument }): InferredForStore {
  const extracted = input.extracted;
  const inferences = inferMetadata({ ...extracted, fileModified: input.fileModified ?? null });
  const userFields = new Set(input.type ? ['type'] : []);
  const decision = decide({ format: extracted.format, given: extracted.metadata, inferences, userFields });
  // As pagesSignature (inference/version-groups.ts): the pages joined as they are searched.
  return { decision, signature: textSignature(extracted.pages.map((page) => page.text).join('\n')) };
}
