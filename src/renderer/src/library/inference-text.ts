/** Words for metadata read from a document's face (issue 13): field names, values, precision, status. */
import type { Inference, InferredField } from '../../../shared/inference.js';
import { formatPartialDate, typeLabel } from '../common/format.js';
import type { DocumentType } from '../../../shared/document.js';

export const FIELD_LABEL: Record<InferredField, string> = {
  date: 'Date',
  authors: 'Authors',
  recipients: 'Recipients',
  organization: 'Organisation',
  type: 'Type',
  title: 'Title',
};

export const STATUS_LABEL: Record<Inference['status'], string> = {
  applied: 'applied',
  suggested: 'suggested',
  rejected: 'rejected',
};

/** How precise a partial date is, in words. */
export function datePrecision(date: string): string {
  const parts = date.split('-').length;
  return parts >= 3 ? 'to the day' : parts === 2 ? 'to the month' : 'to the year';
}

/** An inferred value as the details panel shows it. */
export function inferenceValueText(i: Pick<Inference, 'field' | 'value'>): string {
  if (Array.isArray(i.value)) return i.value.join('; ');
  if (i.field === 'date') return `${formatPartialDate(i.value)} (${datePrecision(i.value)})`;
  if (i.field === 'type') return typeLabel(i.value as DocumentType);
  return i.value;
}

/** A file date (ISO 8601) as a reader says it: the day and time. */
export function fileDateText(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export const FILE_DATE_LABEL = {
  created: 'Created (the file says)',
  modified: 'Modified (the file says)',
  fileModified: 'File last changed on disk',
} as const;
