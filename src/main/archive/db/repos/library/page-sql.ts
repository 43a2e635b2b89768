/** The library's window reads: the shown documents' columns, their tags and their live quote counts. */
import { sql } from 'kysely';
import type { DocumentFormat, DocumentType } from '../../../../../shared/document.js';
import type { Db } from '../db.js';
import { decodeStrings } from '../json-columns.js';

/** The columns a library row shows. */
export interface LibraryDocument {
  id: number;
  title: string;
  type: DocumentType;
  format: DocumentFormat;
  authors: string[];
  date: string | null;
  pageCount: number;
  fileName: string;
}

interface LibraryDocumentRow {
  id: number;
  title: string;
  type: string;
  format: string;
  authors: string;
  date: string | null;
  page_count: number;
  file_name: string;
}

/** The documents with these ids (a JSON array of ids), by id; purged ones are missing. */
export async function libraryDocumentsIn(db: Db, idList: string): Promise<Map<number, LibraryDocument>> {
  const page = await sql<LibraryDocumentRow>`
    SELECT d.id, d.title, d.type, d.format, d.authors, d.date, d.page_count, d.file_name
    FROM documents d WHERE d.id IN (SELECT value FROM json_each(${idList}))`.execute(db);
  return new Map(
    page.rows.map((r) => [
      r.id,
      {
        id: r.id,
        title: r.title,
        type: r.type as DocumentType,
        format: r.format as DocumentFormat,
        authors: r.authors === '[]' ? [] : decodeStrings(r.authors),
        date: r.date,
        pageCount: r.page_count,
        fileName: r.file_name,
      },
    ]),
  );
}

/** The names of each document's own tags (a JSON array of ids), in name order. */
export async function tagNamesOfDocumentsIn(db: Db, idList: string): Promise<Map<number, string[]>> {
  const tagRows = await sql<{ document_id: number; name: string }>`
    SELECT dt.document_id, t.name FROM document_tags dt JOIN tags t ON t.id = dt.tag_id
    WHERE dt.document_id IN (SELECT value FROM json_each(${idList}))
    ORDER BY t.name`.execute(db);
  const tags = new Map<number, string[]>();
  for (const r of tagRows.rows) {
    const list = tags.get(r.document_id);
    if (list) list.push(r.name);
    else tags.set(r.document_id, [r.name]);
  }
  return tags;
}

/** How many live quotes each document (a JSON array of ids) holds; those with none are missing. */
export async function liveQuoteCountsIn(db: Db, idList: string): Promise<Map<number, number>> {
  const quoteRows = await sql<{ document_id: number; count: number }>`
    SELECT q.document_id, count(*) AS count FROM quotes q
    WHERE q.deleted_at IS NULL AND q.document_id IN (SELECT value FROM json_each(${idList}))
    GROUP BY q.document_id`.execute(db);
  return new Map(quoteRows.rows.map((r) => [r.document_id, Number(r.count)]));
}
