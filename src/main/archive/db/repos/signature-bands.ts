/**
 * The signature_bands table: locality-sensitive hashing over the documents' signatures.
 * Two documents sharing any band's key are candidates for versions; the primary key's
 * index finds them without comparing a new document with every other. Its rows are written
 * by triggers on text_signatures (migration 0006), from the band keys stored with a signature.
 */
import type { Db } from './db.js';

/** band × 2³² + hash: the band and its 31-bit hash in one integer, well within 2⁵³. */
export const bandKeys = (bandHashes: readonly number[]): number[] =>
  bandHashes.map((hash, band) => band * 2 ** 32 + hash);

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
