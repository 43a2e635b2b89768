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

/** The indexes whose entries differ from the rows their views show, by FTS5's own check. */
export async function staleSearchIndexes(db: Kysely<Database>): Promise<string[]> {
  const stale: string[] = [];
  for (const table of FTS_TABLES) {
    try {
      await sql.raw(`INSERT INTO ${table} (${table}, rank) VALUES ('integrity-check', 1)`).execute(db);
    } catch {
      stale.push(table);
    }
  }
  return stale;
}

/** Rebuilds every search index from its view, in one transaction, on record. */
export async function rebuildSearchIndexes(archive: Archive): Promise<void> {
  await archive.db.transaction().execute(async (trx) => {
    for (const table of FTS_TABLES) await sql.raw(`INSERT INTO ${table} (${table}) VALUES ('rebuild')`).execute(trx);
    await recordHistory(trx, { action: 'search-rebuild', details: { indexes: [...FTS_TABLES] } });
  });
}
