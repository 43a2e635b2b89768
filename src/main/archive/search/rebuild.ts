/**
 * The search indexes are derived data: when `exhibit check` finds one out of step with
 * the text it indexes (a bug, or a hand edit of the file), they can be rebuilt from the
 * archive's own tables without touching any document, quote or original.
 */
import type { Archive } from '../archive.js';
import { recordHistory } from '../custody.js';
import { rebuildSearchIndexTables } from '../db/repos/search-index.js';

export { refreshSearchIndexCaches } from '../db/repos/search-index.js';

/** Rebuilds every search index from its view, in one transaction, on record. */
export async function rebuildSearchIndexes(archive: Archive): Promise<void> {
  await archive.db.transaction().execute(async (trx) => {
    const indexes = await rebuildSearchIndexTables(trx);
    await recordHistory(trx, { action: 'search-rebuild', details: { indexes } });
  });
}
