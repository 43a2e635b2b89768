/** The originals table: each original file's bytes once, by SHA-256. */
import type { Db, Trx } from './db.js';

/** Stores an original unless one with this SHA-256 is already held. */
export async function insertOriginal(trx: Trx, sha256: string, data: Uint8Array): Promise<void> {
  await trx
    .insertInto('originals')
    .values({ sha256, size: data.byteLength, data: Buffer.from(data) })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
}

/** A document's original with the name and type it was imported under. */
export async function findOriginalOf(
  db: Db,
  documentId: number,
): Promise<{ fileName: string; mimeType: string; data: Buffer } | undefined> {
  const row = await db
    .selectFrom('documents')
    .innerJoin('originals', 'originals.sha256', 'documents.sha256')
    .select(['documents.file_name', 'documents.mime_type', 'originals.data'])
    .where('documents.id', '=', documentId)
    .executeTakeFirst();
  return row && { fileName: row.file_name, mimeType: row.mime_type, data: row.data };
}

/** Drops an original's bytes (its document was purged). */
export async function deleteOriginal(trx: Trx, sha256: string): Promise<void> {
  await trx.deleteFrom('originals').where('sha256', '=', sha256).execute();
}
