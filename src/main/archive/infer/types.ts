/** What the inference reads: an importer's output, and the rules' common shape. */
import type { Inference, InferredField } from '../../../shared/inference.js';
import type { ExtractedDocument } from '../importers/types.js';

export type InferInput = Pick<ExtractedDocument, 'format' | 'metadata' | 'pages' | 'extra' | 'face'> & {
  /** The file system's modification time (ISO), when the caller knows it. */
  fileModified?: string | null;
};

/** A rule's finding before a status is given to it. */
export type Finding = Omit<Inference, 'status'>;

export function finding(
  field: InferredField,
  value: Finding['value'],
  confidence: number,
  rule: string,
  source: Finding['source'],
): Finding {
  return { field, value, confidence, rule, source };
}

/** The first page's text: where a document's face is. */
export function faceText(input: InferInput): string {
  return input.pages[0]?.text ?? '';
}
