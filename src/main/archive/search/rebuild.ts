/**
 * The search indexes are derived data: when `exhibit check` finds one out of step with
 * the text it indexes (a bug, or a hand edit of the file), they can be rebuilt from the
 * archive's own tables without touching any document, quote or original.
 */
import { sql } from 'kysely';
import type { Archive } from '../archive.js';
import { recordHistory } from '../custody.js';
import { FTS_TABLES } from '../db/migrations/0002-quotes-tags-search.js';

/** Rebuilds every search index from its view, in one transaction, on record. */
export async function rebuildSearchIndexes(archive: Archive): Promise<void> {
  await archive.db.transaction().execute(async (trx) => {
    for (const table of FTS_TABLES) await sql.raw(`INSERT INTO ${table} (${table}) VALUES ('rebuild')`).execute(trx);
    await recordHistory(trx, { action: 'search-rebuild', details: { indexes: [...FTS_TABLES] } });
  });
}
