/**
 * The library's filters as one SQL condition on a document row `d`: live documents only,
 * then each filter the user set except the words and the author, which library-order.ts
 * matches on folded text. Kept apart from the queries so every read filters alike.
 */
import { sql, type RawBuilder } from 'kysely';
import type { LibraryFilter } from '../../../../../shared/library-query.js';
import { descendantsPattern } from '../../../tags/names.js';

/**
 * True when the rows that pass are best found by reading the table straight through and
 * sorting what passes: with a filter (other than by id) set, walking an order index
 * visits each of 100,000 rows out of place, several times slower. Without statistics
 * SQLite's planner prefers the order index, so the query says so.
 */
export function scanBeatsOrderIndex(filter: LibraryFilter): boolean {
  if (filter.ids) return false;
  return (
    (filter.types ?? []).length > 0 ||
    Boolean(filter.tag) ||
    Boolean(filter.from) ||
    Boolean(filter.to) ||
    filter.entity !== undefined
  );
}

/**
 * Which tags each document stands under in the library: its own, and those of its live
 * quotes (a quote tagged "agency/LAPD" puts its document under that tag). Rows
 * (document_id, tag_id), possibly repeated; trashed documents are left to the caller.
 */
export const taggedDocuments: RawBuilder<{ document_id: number; tag_id: number }> = sql`
  SELECT dt.document_id, dt.tag_id FROM document_tags dt
  UNION ALL
  SELECT q.document_id, qt.tag_id FROM quote_tags qt JOIN quotes q ON q.id = qt.quote_id WHERE q.deleted_at IS NULL`;

export function libraryConditions(filter: LibraryFilter): RawBuilder<unknown> {
  const conditions: RawBuilder<unknown>[] = [sql`d.deleted_at IS NULL`];
  if (filter.ids) conditions.push(sql`d.id IN (SELECT value FROM json_each(${JSON.stringify(filter.ids)}))`);
  if (filter.types && filter.types.length > 0) {
    conditions.push(sql`d.type IN (${sql.join(filter.types.map((t) => sql`${t}`))})`);
  }
  // The words and author are matched on folded text by library-order.ts, which SQL cannot do.
  if (filter.from) conditions.push(sql`d.date >= ${filter.from}`);
  // "to 2020-11" includes every day of November: any date starting 2020-11 sorts below this.
  if (filter.to) conditions.push(sql`d.date <= ${`${filter.to}\uffff`}`);
  if (filter.entity !== undefined)
    conditions.push(sql`d.id IN (SELECT m.document_id FROM entity_mentions m WHERE m.entity_id = ${filter.entity})`);
  if (filter.tag) {
    // A tag selects what carries it or any tag nested under it (names compare as the tags
    // table does), on the document or on one of its live quotes.
    conditions.push(sql`d.id IN (
      SELECT x.document_id FROM (${taggedDocuments}) x
      WHERE x.tag_id IN (SELECT id FROM tags WHERE name = ${filter.tag} OR name LIKE ${descendantsPattern(filter.tag)} ESCAPE '\\'))`);
  }
  return sql.join(conditions, sql` AND `);
}
