/**
 * The search indexes are derived data: when `exhibit check` finds one out of step with
 * the text it indexes (a bug, or a hand edit of the file), they can be rebuilt from the
 * archive's own tables without touching any document, quote or original.
 */
import { sql, type Kysely } from 'kysely';
import type { Archive } from '../archive.js';
import { recordHistory } from '../custody.js';
import type { Database } from '../db/schema.js';
import { FTS_TABLES } from '../db/migrations/0002-quotes-tags-search.js';

/**
 * Makes this connection's FTS5 tables forget what they cached of their index structure if
 * another connection has written since. FTS5 keeps the structure between transactions and
 * checks it is current only when a statement opens a cursor on the table or writes to it;
 * `PRAGMA integrity_check` does neither, so after another process merged index segments it
 * read blobs that were gone and reported "fts5: corruption found reading blob …" in a
 * sound archive. Run inside the same read transaction as the integrity check.
 */
export async function refreshSearchIndexCaches(db: Kysely<Database>): Promise<void> {
  for (const table of FTS_TABLES) await sql.raw(`SELECT rowid FROM ${table} LIMIT 1`).execute(db);
}

/** Rebuilds every search index from its view, in one transaction, on record. */
export async function rebuildSearchIndexes(archive: Archive): Promise<void> {
  await archive.db.transaction().execute(async (trx) => {
    for (const table of FTS_TABLES) await sql.raw(`INSERT INTO ${table} (${table}) VALUES ('rebuild')`).execute(trx);
    await recordHistory(trx, { action: 'search-rebuild', details: { indexes: [...FTS_TABLES] } });
  });
}
