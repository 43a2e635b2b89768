/**
 * The library's paged query: one window of live documents in the order and under the
 * filters the user chose, with how many pass in all. The table asks only for the rows it
 * shows, so the first paint of a 100,000-document archive waits for one small page
 * rather than every row, and sorting or filtering happens in SQL (library-order.ts)
 * rather than over a 17 MB array in the renderer.
 */
import type { LibraryPage, LibraryQuery, LibraryRowEntry } from '../../shared/library-query.js';
import type { Db } from './db/repos/db.js';
import { libraryDocumentsIn, liveQuoteCountsIn, tagNamesOfDocumentsIn } from './db/repos/library/page-sql.js';
import { otherVersionsIn } from './db/repos/library/versions-sql.js';
import { orderedRows } from './library-order.js';

/** One window of the library in the asked order, with the number of documents that pass. */
export async function queryLibrary(db: Db, query: LibraryQuery): Promise<LibraryPage> {
  const all = await orderedRows(db, query.sort, query.filter);
  const ids = all.slice(query.offset, query.offset + query.limit);
  if (ids.length === 0) return { total: all.length, rows: [] };
  const idList = JSON.stringify(ids);
  const byId = await libraryDocumentsIn(db, idList);
  const tags = await tagNamesOfDocumentsIn(db, idList);
  const quotes = await liveQuoteCountsIn(db, idList);
  const versions = await otherVersionsIn(db, idList);

  const rows: LibraryRowEntry[] = [];
  for (const id of ids) {
    const r = byId.get(id);
    // Purged by a write between the two reads: left out rather than shown as a hole.
    if (!r) continue;
    rows.push({
      ...r,
      tags: tags.get(r.id) ?? [],
      quoteCount: quotes.get(r.id) ?? 0,
      versions: versions.get(r.id) ?? [],
    });
  }
  return { total: all.length, rows };
}
