/** The text_signatures table: each document's MinHash signature (versions.ts), as bytes, and its band keys. */
import { sql, type RawBuilder } from 'kysely';
import type { Db, Trx } from './db.js';
import { backendOf } from './backend.js';
import { decodeJson } from './json-columns.js';

const encode = (signature: Uint32Array): Buffer =>
  Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength);

function decode(bytes: Uint8Array): Uint32Array {
  // Copied: a Buffer from the driver may sit at an offset not aligned to 4 bytes.
  const copy = new Uint8Array(bytes);
  return new Uint32Array(copy.buffer, 0, Math.floor(copy.byteLength / 4));
}

/**
 * Writes (or replaces) a document's signature with its LSH band keys, and returns the other
 * documents that share a band key with it (live or not: signaturesOf keeps the live ones),
 * the candidates for its versions. The table's triggers write the keys to signature_bands,
 * replacing the ones it had. One statement: import runs it for every document, and a
 * statement's round trip costs more than the primary-key lookups it makes.
 */
/** The other documents sharing a band with the signature's row (a JSON array of ids). */
function candidatesOf(db: Db): RawBuilder<string> {
  if (backendOf(db) === 'postgres')
    return sql<string>`(SELECT coalesce(json_agg(DISTINCT b.document_id), '[]')::text FROM signature_bands b
        WHERE b.band_key IN (SELECT value::bigint FROM json_array_elements_text(text_signatures.band_keys::json))
        AND b.document_id <> text_signatures.document_id)`;
  return sql<string>`(SELECT json_group_array(DISTINCT b.document_id) FROM signature_bands b
        WHERE b.band_key IN (SELECT value FROM json_each(text_signatures.band_keys))
        AND b.document_id != text_signatures.document_id)`;
}

export async function putSignature(
  trx: Trx,
  documentId: number,
  signature: Uint32Array,
  bandKeys: readonly number[],
): Promise<number[]> {
  const values = { signature: encode(signature), band_keys: JSON.stringify(bandKeys) };
  const row = await trx
    .insertInto('text_signatures')
    .values({ document_id: documentId, ...values })
    .onConflict((oc) => oc.column('document_id').doUpdateSet(values))
    .returning(candidatesOf(trx).as('candidates'))
    .executeTakeFirst();
  return decodeIds(row?.candidates ?? '[]');
}

function decodeIds(json: string): number[] {
  const ids = decodeJson(json);
  return Array.isArray(ids) ? ids.filter((id): id is number => Number.isSafeInteger(id)) : [];
}

/** The signatures of these documents, by id, of the live ones only (a version in the trash is no version). */
export async function signaturesOf(db: Db, ids: readonly number[]): Promise<Map<number, Uint32Array>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('text_signatures')
    .innerJoin('documents', 'documents.id', 'text_signatures.document_id')
    .select(['text_signatures.document_id', 'text_signatures.signature'])
    .where('text_signatures.document_id', 'in', [...ids])
    .where('documents.deleted_at', 'is', null)
    .execute();
  return new Map(rows.map((r) => [r.document_id, decode(r.signature)]));
}
