/**
 * The signature_bands table: locality-sensitive hashing over the documents' signatures.
 * Two documents sharing any band's key are candidates for versions; the primary key's
 * index finds them without comparing a new document with every other.
 */
import type { Db, Trx } from './db.js';

/** band × 2³² + hash: the band and its 31-bit hash in one integer, well within 2⁵³. */
const bandKeys = (bandHashes: readonly number[]): number[] => bandHashes.map((hash, band) => band * 2 ** 32 + hash);

/** Writes a document's band keys; `replace` first removes the ones it had (re-inference). */
export async function putBands(
  trx: Trx,
  documentId: number,
  bandHashes: readonly number[],
  replace: boolean,
): Promise<void> {
  if (replace) await trx.deleteFrom('signature_bands').where('document_id', '=', documentId).execute();
  if (bandHashes.length === 0) return;
  await trx
    .insertInto('signature_bands')
    .values(bandKeys(bandHashes).map((band_key) => ({ band_key, document_id: documentId })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/**
 * Other documents sharing at least one band key with these hashes (live or not: the caller
 * reads their signatures with the live ones only). The primary key answers it alone; a
 * join here made SQLite walk the documents first.
 */
export async function bandCandidates(db: Db, documentId: number, bandHashes: readonly number[]): Promise<number[]> {
  if (bandHashes.length === 0) return [];
  const rows = await db
    .selectFrom('signature_bands')
    .select('document_id')
    .distinct()
    .where('band_key', 'in', bandKeys(bandHashes))
    .where('document_id', '!=', documentId)
    .execute();
  return rows.map((r) => r.document_id);
}
