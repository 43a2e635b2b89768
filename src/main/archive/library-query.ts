/**
 * The library's paged query: one window of live documents in the order and under the
 * filters the user chose, with how many pass in all. The table asks only for the rows it
 * shows, so the first paint of a 100,000-document archive waits for one small page
 * rather than every row, and sorting or filtering happens in SQL (library-order.ts)
 * rather than over a 17 MB array in the renderer.
 */
import { sql, type Kysely } from 'kysely';
import type { DocumentFormat, DocumentType } from '../../shared/document.js';
import type { LibraryPage, LibraryQuery, LibraryRowEntry } from '../../shared/library-query.js';
import type { Database } from './db/schema.js';
import { orderedIds } from './library-order.js';

function names(json: string): string[] {
  if (json === '[]') return [];
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.map(String) : [];
}

interface DocumentRow {
  id: number;
  title: string;
  type: string;
  format: string;
  authors: string;
  date: string | null;
  page_count: number;
  file_name: string;
}

/** One window of the library in the asked order, with the number of documents that pass. */
export async function queryLibrary(db: Kysely<Database>, query: LibraryQuery): Promise<LibraryPage> {
  const all = await orderedIds(db, query.sort, query.filter);
  const ids = all.slice(query.offset, query.offset + query.limit);
  if (ids.length === 0) return { total: all.length, rows: [] };
  const idList = JSON.stringify(ids);
  const page = await sql<DocumentRow>`
    SELECT d.id, d.title, d.type, d.format, d.authors, d.date, d.page_count, d.file_name
    FROM documents d WHERE d.id IN (SELECT value FROM json_each(${idList}))`.execute(db);
  const byId = new Map(page.rows.map((r) => [r.id, r]));

  const tagRows = await sql<{ document_id: number; name: string }>`
    SELECT dt.document_id, t.name FROM document_tags dt JOIN tags t ON t.id = dt.tag_id
    WHERE dt.document_id IN (SELECT value FROM json_each(${idList}))
    ORDER BY t.name`.execute(db);
  const quoteRows = await sql<{ document_id: number; count: number }>`
    SELECT q.document_id, count(*) AS count FROM quotes q
    WHERE q.deleted_at IS NULL AND q.document_id IN (SELECT value FROM json_each(${idList}))
    GROUP BY q.document_id`.execute(db);
  const tags = new Map<number, string[]>();
  for (const r of tagRows.rows) {
    const list = tags.get(r.document_id);
    if (list) list.push(r.name);
    else tags.set(r.document_id, [r.name]);
  }
  const quotes = new Map(quoteRows.rows.map((r) => [r.document_id, Number(r.count)]));

  const rows: LibraryRowEntry[] = [];
  for (const id of ids) {
    const r = byId.get(id);
    // Purged by a write between the two reads: left out rather than shown as a hole.
    if (!r) continue;
    rows.push({
      id: r.id,
      title: r.title,
      type: r.type as DocumentType,
      format: r.format as DocumentFormat,
      authors: names(r.authors),
      date: r.date,
      pageCount: r.page_count,
      fileName: r.file_name,
      tags: tags.get(r.id) ?? [],
      quoteCount: quotes.get(r.id) ?? 0,
    });
  }
  return { total: all.length, rows };
}
