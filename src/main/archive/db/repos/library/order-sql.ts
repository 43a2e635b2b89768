/**
 * The library's ordering queries: each sort key's SQL value, the ids that pass a filter in
 * an order SQLite can give (by index or one sort), the (id, value) pairs of the text
 * columns library-order.ts sorts by reading order, every live document's text for the
 * quick filter, and the change counters its cache is checked against.
 */
import { sql, type RawBuilder } from 'kysely';
import type { LibraryFilter, LibrarySort } from '../../../../../shared/library-query.js';
import type { Db } from '../db.js';
import { backendOf, notYetOnPostgres } from '../backend.js';
import { decodeStrings } from '../json-columns.js';
import { libraryConditions, scanBeatsOrderIndex } from './filter-sql.js';

interface SortSql {
  /** What rows are ordered by. */
  value: RawBuilder<unknown>;
  /** Rows with a value, ordered by it; the others (no date, no authors, no tags) go last by id. Null when every row has one. */
  present: RawBuilder<unknown> | null;
}

/** A single author's name, or the names joined with "; " (as the table shows them). */
const authorText = sql`(CASE WHEN d.authors NOT LIKE '%","%' THEN d.authors ->> '$[0]' ELSE (SELECT group_concat(a.value, '; ') FROM json_each(d.authors) a) END)`;

function sortSql(key: LibrarySort['key']): SortSql {
  switch (key) {
    case 'title':
      return { value: sql`d.title COLLATE NOCASE`, present: sql`d.title <> ''` };
    case 'type':
      return { value: sql`d.type`, present: null };
    case 'authors':
      return { value: sql`${authorText} COLLATE NOCASE`, present: sql`d.authors <> '[]'` };
    case 'date':
      return { value: sql`d.date`, present: sql`d.date IS NOT NULL` };
    case 'tags':
      return {
        value: sql`(SELECT group_concat(n, ', ') FROM (SELECT t.name AS n FROM document_tags dt JOIN tags t ON t.id = dt.tag_id WHERE dt.document_id = d.id ORDER BY t.name)) COLLATE NOCASE`,
        present: sql`d.id IN (SELECT document_id FROM document_tags)`,
      };
    case 'quotes':
      return {
        value: sql`(SELECT count(*) FROM quotes q WHERE q.document_id = d.id AND q.deleted_at IS NULL)`,
        present: null,
      };
  }
}

/** What changed the archive last: this connection's writes and other processes' commits. */
export async function changeToken(db: Db): Promise<string> {
  if (backendOf(db) === 'postgres') throw notYetOnPostgres('The library table');
  const result = await sql<{ changes: number; version: number }>`
    SELECT total_changes() AS changes, (SELECT data_version FROM pragma_data_version) AS version`.execute(db);
  const row = result.rows[0];
  return `${row?.changes ?? 0}:${row?.version ?? 0}`;
}

/** The ids a SELECT of `d.id` yields, in its order, as one string (100,000 row objects cost more than the query). */
async function idsOf(db: Db, select: RawBuilder<unknown>): Promise<number[]> {
  const result = await sql<{ ids: string | null }>`SELECT group_concat(id) AS ids FROM (${select})`.execute(db);
  const ids = result.rows[0]?.ids;
  return ids ? ids.split(',').map(Number) : [];
}

/** Each passing document's id and its value for the sort key (unsorted), for sorting by reading order. */
export async function sortValuesOf(
  db: Db,
  key: LibrarySort['key'],
  filter: LibraryFilter,
): Promise<[number, string | null][]> {
  const where = libraryConditions(filter);
  const select = sql`SELECT d.id AS id, ${sortSql(key).value} AS v FROM documents d WHERE ${where}`;
  const result = await sql<{
    rows: string | null;
  }>`SELECT json_group_array(json_array(id, v)) AS rows FROM (${select})`.execute(db);
  return JSON.parse(result.rows[0]?.rows ?? '[]') as [number, string | null][];
}

/**
 * The passing ids in SQLite's order of the key: the documents with a value by it, then
 * those without by id, whichever the direction; ties go by id in the sort's direction, so
 * one index serves both directions.
 */
export async function idsInSqlOrder(db: Db, sort: LibrarySort, filter: LibraryFilter): Promise<number[]> {
  if (backendOf(db) === 'postgres') throw notYetOnPostgres('The library table');
  const where = libraryConditions(filter);
  const dir = sort.direction === 'asc' ? sql`ASC` : sql`DESC`;
  const { value, present } = sortSql(sort.key);
  if (scanBeatsOrderIndex(filter)) {
    // One pass over the table; the rows without a value tie on it, so they go by id.
    const last = present ? sql`(NOT (${present})), ` : sql``;
    return idsOf(
      db,
      sql`SELECT d.id FROM documents d NOT INDEXED WHERE ${where} ORDER BY ${last}${value} ${dir}, d.id ${dir}`,
    );
  }
  if (!present)
    return idsOf(db, sql`SELECT d.id FROM documents d WHERE ${where} ORDER BY ${value} ${dir}, d.id ${dir}`);
  // Two walks of the order index: the rows with a value in order, then the others by id.
  const valued = await idsOf(
    db,
    sql`SELECT d.id FROM documents d WHERE ${where} AND ${present} ORDER BY ${value} ${dir}, d.id ${dir}`,
  );
  const empty = await idsOf(
    db,
    sql`SELECT d.id FROM documents d WHERE ${where} AND NOT (${present}) ORDER BY d.id ${dir}`,
  );
  return valued.concat(empty);
}

/** A live document's text the quick filter matches: title, file name and authors. */
export interface DocumentNames {
  id: number;
  title: string;
  fileName: string;
  authors: string[];
}

/** Every live document's title, file name and authors, in one read. */
export async function listLiveDocumentNames(db: Db): Promise<DocumentNames[]> {
  const result = await sql<{ rows: string | null }>`
      SELECT json_group_array(json_array(id, title, file_name, authors)) AS rows FROM documents WHERE deleted_at IS NULL`.execute(
    db,
  );
  const rows = JSON.parse(result.rows[0]?.rows ?? '[]') as [number, string, string, string][];
  return rows.map(([id, title, fileName, authors]) => ({ id, title, fileName, authors: decodeStrings(authors) }));
}
