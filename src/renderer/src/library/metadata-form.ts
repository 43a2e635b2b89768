/** The metadata editor's form: strings in the fields, a checked patch out. */
import type { CallInput } from '../../../shared/contract.js';
import { isPartialDate, type DocumentRecord, type DocumentType } from '../../../shared/document.js';

export type MetadataPatchInput = CallInput<'documents.updateMetadata'>['patch'];

export interface MetadataForm {
  title: string;
  type: string;
  authors: string;
  recipients: string;
  organization: string;
  date: string;
  source: string;
  url: string;
  description: string;
  pageLabelOffset: string;
}

export function formFromRecord(d: DocumentRecord): MetadataForm {
  return {
    title: d.title,
    type: d.type,
    authors: d.authors.join('; '),
    recipients: d.recipients.join('; '),
    organization: d.organization ?? '',
    date: d.date ?? '',
    source: d.source ?? '',
    url: d.url ?? '',
    description: d.description ?? '',
    pageLabelOffset: String(d.pageLabelOffset),
  };
}

function names(text: string): string[] {
  return text
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Field → one plain sentence, for the fields that are wrong. */
export function validateForm(f: MetadataForm): Partial<Record<keyof MetadataForm, string>> {
  const errors: Partial<Record<keyof MetadataForm, string>> = {};
  if (f.title.trim() === '') errors.title = 'A title is needed.';
  if (f.date.trim() !== '' && !isPartialDate(f.date.trim()))
    errors.date = 'Write the date as 2020, 2020-11 or 2020-11-13.';
  if (f.url.trim() !== '' && !/^https?:\/\/\S+$/i.test(f.url.trim()))
    errors.url = 'An address starts with http:// or https://.';
  if (!/^-?\d+$/.test(f.pageLabelOffset.trim())) errors.pageLabelOffset = 'A whole number, such as 0 or 26.';
  return errors;
}

/** Only the fields that changed, in the contract's shape. */
export function diffPatch(d: DocumentRecord, f: MetadataForm): MetadataPatchInput {
  const patch: MetadataPatchInput = {};
  const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
  if (f.title.trim() !== d.title) patch.title = f.title.trim();
  if (f.type !== d.type) patch.type = f.type as DocumentType;
  const authors = names(f.authors);
  if (JSON.stringify(authors) !== JSON.stringify(d.authors)) patch.authors = authors;
  const recipients = names(f.recipients);
  if (JSON.stringify(recipients) !== JSON.stringify(d.recipients)) patch.recipients = recipients;
  if (orNull(f.organization) !== d.organization) patch.organization = orNull(f.organization);
  if (orNull(f.date) !== d.date) patch.date = orNull(f.date);
  if (orNull(f.source) !== d.source) patch.source = orNull(f.source);
  if (orNull(f.url) !== d.url) patch.url = orNull(f.url);
  if (orNull(f.description) !== d.description) patch.description = orNull(f.description);
  const offset = Number(f.pageLabelOffset.trim());
  if (Number.isInteger(offset) && offset !== d.pageLabelOffset) patch.pageLabelOffset = offset;
  return patch;
}
