/**
 * Metadata read from a document's own face (issue 13): each value with the words it came
 * from, the rule that found it and how sure that rule is. Crosses IPC and `show --json`.
 */

export const INFERRED_FIELDS = ['date', 'authors', 'recipients', 'organization', 'type', 'title'] as const;
export type InferredField = (typeof INFERRED_FIELDS)[number];

export const INFERENCE_STATUSES = ['applied', 'suggested', 'rejected'] as const;
export type InferenceStatus = (typeof INFERENCE_STATUSES)[number];

/** Where on the page the value stands: `pageText.slice(start, end) === text` (UTF-16 offsets). */
export interface InferenceSource {
  /** Physical page, from 1. */
  page: number;
  start: number;
  end: number;
  text: string;
}

/**
 * One inferred value. `value` is a partial ISO date for `date` (see isPartialDate), a
 * DocumentType for `type`, names for `authors` and `recipients`, text otherwise.
 * `source` is null when the value came from outside the page text (an email header, an
 * HTML <meta>), named by `rule`.
 */
export interface Inference {
  field: InferredField;
  value: string | string[];
  /** 0..1: how often this rule is right where it fires. */
  confidence: number;
  /** Short stable id of the rule, e.g. 'memo-date-line'. */
  rule: string;
  source: InferenceSource | null;
  status: InferenceStatus;
}

/** The file's own dates: kept and shown as such, never the document's date. ISO 8601. */
export interface FileDates {
  /** PDF CreationDate or DOCX dcterms:created. */
  created?: string;
  /** PDF ModDate or DOCX dcterms:modified. */
  modified?: string;
  /** The file system's modification time when imported. */
  fileModified?: string;
}

/** A value at or above this confidence is applied; below it, offered as a suggestion. */
export const APPLY_CONFIDENCE = 0.75;
/** Below this a rule's finding is not worth showing at all. */
export const SUGGEST_CONFIDENCE = 0.4;

/** The status a fresh inference gets from its confidence. */
export function statusFor(confidence: number): InferenceStatus {
  return confidence >= APPLY_CONFIDENCE ? 'applied' : 'suggested';
}
