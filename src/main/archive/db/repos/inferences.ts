/**
 * The inferences table: one row per document and field, the value read from the document's
 * face with its evidence, rule, confidence and status (applied, suggested, rejected).
 */
import type { Selectable } from 'kysely';
import {
  INFERENCE_STATUSES,
  INFERRED_FIELDS,
  type Inference,
  type InferenceStatus,
  type InferredField,
} from '../../../../shared/inference.js';
import type { InferencesTable } from '../schema.js';
import type { Db, Trx } from './db.js';

type InferenceRow = Selectable<InferencesTable>;

function decodeValue(json: string): string | string[] {
  try {
    const value = JSON.parse(json) as unknown;
    if (typeof value === 'string') return value;
    if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  } catch {
    // A value written behind the app's back decodes to nothing rather than to a cast that lies.
  }
  return '';
}

function rowToInference(row: InferenceRow): Inference | null {
  if (!(INFERRED_FIELDS as readonly string[]).includes(row.field)) return null;
  if (!(INFERENCE_STATUSES as readonly string[]).includes(row.status)) return null;
  const source =
    row.source_page !== null && row.source_start !== null && row.source_end !== null && row.source_text !== null
      ? { page: row.source_page, start: row.source_start, end: row.source_end, text: row.source_text }
      : null;
  return {
    field: row.field as InferredField,
    value: decodeValue(row.value),
    confidence: row.confidence,
    rule: row.rule,
    source,
    status: row.status as InferenceStatus,
  };
}

/** A document's inferences in the order of INFERRED_FIELDS. */
export async function listInferences(db: Db, documentId: number): Promise<Inference[]> {
  const rows = await db.selectFrom('inferences').selectAll().where('document_id', '=', documentId).execute();
  const found = rows.flatMap((row) => rowToInference(row) ?? []);
  return INFERRED_FIELDS.flatMap((field) => found.filter((i) => i.field === field));
}

function toRows(documentId: number, inferences: readonly Inference[], at: string): InferenceRow[] {
  return inferences.map((i) => ({
    document_id: documentId,
    field: i.field,
    value: JSON.stringify(i.value),
    confidence: i.confidence,
    rule: i.rule,
    source_page: i.source?.page ?? null,
    source_start: i.source?.start ?? null,
    source_end: i.source?.end ?? null,
    source_text: i.source?.text ?? null,
    status: i.status,
    inferred_at: at,
    decided_at: null,
  }));
}

/** Writes a new document's inferences, all fields in one plain insert: import runs it for every document. */
export async function insertInferences(
  trx: Trx,
  documentId: number,
  inferences: readonly Inference[],
  at: string,
): Promise<void> {
  if (inferences.length === 0) return;
  await trx
    .insertInto('inferences')
    .values(toRows(documentId, inferences, at))
    .execute();
}

/** Writes (or replaces) the document's inference of each field given. */
export async function putInferences(
  trx: Trx,
  documentId: number,
  inferences: readonly Inference[],
  at: string,
): Promise<void> {
  if (inferences.length === 0) return;
  await trx
    .insertInto('inferences')
    .values(toRows(documentId, inferences, at))
    .onConflict((oc) =>
      oc.columns(['document_id', 'field']).doUpdateSet((eb) => ({
        value: eb.ref('excluded.value'),
        confidence: eb.ref('excluded.confidence'),
        rule: eb.ref('excluded.rule'),
        source_page: eb.ref('excluded.source_page'),
        source_start: eb.ref('excluded.source_start'),
        source_end: eb.ref('excluded.source_end'),
        source_text: eb.ref('excluded.source_text'),
        status: eb.ref('excluded.status'),
        inferred_at: eb.ref('excluded.inferred_at'),
        decided_at: eb.ref('excluded.decided_at'),
      })),
    )
    .execute();
}

/** Sets the status of some of a document's inferences, as a person decided. */
export async function setInferenceStatus(
  trx: Trx,
  documentId: number,
  fields: readonly InferredField[],
  status: InferenceStatus,
  at: string,
): Promise<void> {
  if (fields.length === 0) return;
  await trx
    .updateTable('inferences')
    .set({ status, decided_at: at })
    .where('document_id', '=', documentId)
    .where('field', 'in', [...fields])
    .execute();
}

/** Removes a document's inferences of fields no longer inferred, keeping rejected ones (a decision). */
export async function dropInferencesExcept(
  trx: Trx,
  documentId: number,
  keep: readonly InferredField[],
): Promise<void> {
  let query = trx.deleteFrom('inferences').where('document_id', '=', documentId).where('status', '!=', 'rejected');
  if (keep.length > 0) query = query.where('field', 'not in', [...keep]);
  await query.execute();
}
