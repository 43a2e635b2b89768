/** Inferred values as document columns, and what they change. */
import type { DocumentRecord } from '../../../shared/document.js';
import type { DocumentColumns } from '../db/repos/documents.js';
import type { InferredMetadata } from './decide.js';

/** The fields whose value `set` changes, each with its old and new value. */
export function valueChanges(
  doc: DocumentRecord,
  set: Partial<InferredMetadata>,
): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [field, value] of Object.entries(set) as Array<[keyof InferredMetadata, unknown]>) {
    if (JSON.stringify(doc[field]) !== JSON.stringify(value)) changes[field] = { from: doc[field], to: value };
  }
  return changes;
}

/** The columns to write for these changes (authors and recipients are JSON). */
export function metadataColumns(changes: Record<string, { from: unknown; to: unknown }>): DocumentColumns {
  const columns: Record<string, unknown> = {};
  for (const [field, { to }] of Object.entries(changes))
    columns[field] = field === 'authors' || field === 'recipients' ? JSON.stringify(to) : to;
  return columns as DocumentColumns;
}
