/**
 * The signature_bands table: locality-sensitive hashing over the documents' signatures.
 * Two documents sharing any band's hash are candidates for versions; the index finds them
 * without comparing a new document with every other.
 */
import type { Db, Trx } from './db.js';

export async function putBands(trx: Trx, documentId: number, bandHashes: readonly number[]): Promise<void> {
  await trx.deleteFrom('signature_bands').where('document_id', '=', documentId).execute();
  if (bandHashes.length === 0) return;
  await trx
    .insertInto('signature_bands')
    .values(bandHashes.map((hash, band) => ({ band, hash, document_id: documentId })))
    .execute();
}

/** Other documents sharing at least one band hash with these, live ones only. */
export async function bandCandidates(db: Db, documentId: number, bandHashes: readonly number[]): Promise<number[]> {
  if (bandHashes.length === 0) return [];
  const rows = await db
    .selectFrom('signature_bands')
    .innerJoin('documents', 'documents.id', 'signature_bands.document_id')
    .select('signature_bands.document_id')
    .distinct()
    .where((eb) => eb.or(bandHashes.map((hash, band) => eb.and([eb('band', '=', band), eb('hash', '=', hash)]))))
    .where('signature_bands.document_id', '!=', documentId)
    .where('documents.deleted_at', 'is', null)
    .execute();
  return rows.map((r) => r.document_id);
}
