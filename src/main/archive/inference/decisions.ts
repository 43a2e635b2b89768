/**
 * A person's decisions on inferred values: accepting sets the value and makes the field
 * theirs (inference never overwrites it again); rejecting marks the value rejected (a later
 * run does not offer it again) and, when it had been applied and still stands, clears it.
 * Each is one transaction with its custody entry.
 */
import { basename, extname } from 'node:path';
import type { InferenceDecisionResult } from '../../../shared/contract-inference.js';
import type { DocumentRecord } from '../../../shared/document.js';
import { INFERRED_FIELDS, type Inference, type InferredField } from '../../../shared/inference.js';
import type { Archive } from '../archive.js';
import { recordHistory } from '../custody.js';
import type { Trx } from '../db/repos/db.js';
import { findInferenceBasis, updateDocumentColumns } from '../db/repos/documents.js';
import { listInferences, setInferenceStatus } from '../db/repos/inferences.js';
import { getDocument, markedUserFields } from '../documents.js';
import { ArchiveError } from '../errors.js';
import { fieldValue, type InferredMetadata } from './decide.js';
import { metadataColumns, valueChanges } from './metadata-columns.js';

/** Checks field names (from the CLI or IPC); throws invalid-input naming the first bad one. */
export function parseInferredFields(fields: readonly string[]): InferredField[] {
  if (fields.length === 0)
    throw new ArchiveError('invalid-input', `fields: name at least one of ${INFERRED_FIELDS.join(', ')}`);
  for (const field of fields)
    if (!(INFERRED_FIELDS as readonly string[]).includes(field))
      throw new ArchiveError('invalid-input', `field "${field}" is not one of ${INFERRED_FIELDS.join(', ')}`);
  return [...new Set(fields)] as InferredField[];
}

async function inferencesFor(trx: Trx, id: number, fields: readonly InferredField[]): Promise<Inference[]> {
  const all = await listInferences(trx, id);
  return fields.map((field) => {
    const found = all.find((i) => i.field === field);
    if (!found) throw new ArchiveError('invalid-input', `document ${id}: nothing was inferred for ${field}`);
    return found;
  });
}

/** Each field's value with nothing in it (a title falls back to the file's name). */
function emptyValue(doc: DocumentRecord, field: InferredField): InferredMetadata[InferredField] {
  switch (field) {
    case 'authors':
    case 'recipients':
      return [];
    case 'type':
      return 'other';
    case 'title':
      return basename(doc.fileName, extname(doc.fileName)).trim() || doc.fileName;
    default:
      return null;
  }
}

export type DecisionResult = InferenceDecisionResult;

/** What a decision replaces beside the values (its custody entry keeps it, so it can be undone). */
export interface DecisionBefore {
  statuses: Partial<Record<InferredField, Inference['status']>>;
  userFields: InferredField[];
}

async function decisionBefore(trx: Trx, id: number, fields: readonly InferredField[]): Promise<DecisionBefore> {
  const statuses: DecisionBefore['statuses'] = {};
  for (const i of await inferencesFor(trx, id, fields)) statuses[i.field] = i.status;
  const marked = new Set((await findInferenceBasis(trx, id))?.userFields ?? []);
  return { statuses, userFields: INFERRED_FIELDS.filter((f) => marked.has(f)) };
}

/** Accepts the inferred value of each field: sets it, marks the field as the person's. */
export async function acceptInferences(
  archive: Archive,
  id: number,
  names: readonly string[],
): Promise<DecisionResult> {
  const fields = parseInferredFields(names);
  return archive.db.transaction().execute(async (trx) => {
    const doc = await getDocument(trx, id);
    const set: Partial<Record<InferredField, unknown>> = {};
    for (const i of await inferencesFor(trx, id, fields)) {
      const value = fieldValue(i.field, i.value);
      if (value === undefined)
        throw new ArchiveError('invalid-input', `document ${id}: the inferred ${i.field} is empty`);
      set[i.field] = value;
    }
    const changes = valueChanges(doc, set as Partial<InferredMetadata>);
    const now = new Date().toISOString();
    const before = await decisionBefore(trx, id, fields);
    const userFields = JSON.stringify(await markedUserFields(trx, id, fields));
    await updateDocumentColumns(trx, id, { ...metadataColumns(changes), user_fields: userFields }, now);
    await setInferenceStatus(trx, id, fields, 'applied', now);
    await recordHistory(trx, { action: 'infer-accept', documentId: id, details: { fields, changes, before } });
    return { documentId: id, changes };
  });
}

/** Rejects the inferred value of each field; an applied value that still stands is cleared. */
export async function rejectInferences(
  archive: Archive,
  id: number,
  names: readonly string[],
): Promise<DecisionResult> {
  const fields = parseInferredFields(names);
  return archive.db.transaction().execute(async (trx) => {
    const doc = await getDocument(trx, id);
    const userFields = new Set((await findInferenceBasis(trx, id))?.userFields ?? []);
    const set: Partial<Record<InferredField, unknown>> = {};
    for (const i of await inferencesFor(trx, id, fields)) {
      const value = fieldValue(i.field, i.value);
      const stands = JSON.stringify(doc[i.field]) === JSON.stringify(value);
      if (i.status === 'applied' && stands && !userFields.has(i.field)) set[i.field] = emptyValue(doc, i.field);
    }
    const changes = valueChanges(doc, set as Partial<InferredMetadata>);
    const now = new Date().toISOString();
    const columns = metadataColumns(changes);
    const before = await decisionBefore(trx, id, fields);
    if (Object.keys(columns).length > 0) await updateDocumentColumns(trx, id, columns, now);
    await setInferenceStatus(trx, id, fields, 'rejected', now);
    await recordHistory(trx, { action: 'infer-reject', documentId: id, details: { fields, changes, before } });
    return { documentId: id, changes };
  });
}
