/**
 * The library's filters as one SQL condition on a document row `d`: live documents only,
 * then each filter the user set. Kept apart from the query so every read of a window
 * filters alike.
 */
import { sql, type RawBuilder } from 'kysely';
import type { LibraryFilter } from '../../shared/library-query.js';
import { descendantsPattern } from './tags/names.js';

/**
 * Characters that may stand between or around names in the authors' JSON text
 * ('["A","B"]') or be escaped there. A needle without them can only match inside one
 * name, so the JSON text is searched as it is: one LIKE per row instead of unpacking
 * every list.
 */
// eslint-disable-next-line no-control-regex -- control characters are escaped in JSON text
const JSON_SYNTAX = /["[\],\\\u0000-\u001f]/;

/** A LIKE pattern (ESCAPE '\') for text containing `needle`; LIKE ignores ASCII case. */
function containing(needle: string): string {
  return `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** True when `needle` stands in one of the document's authors. */
function inAuthors(needle: string): RawBuilder<unknown> {
  const pattern = containing(needle);
  if (!JSON_SYNTAX.test(needle)) return sql`d.authors LIKE ${pattern} ESCAPE '\\'`;
  return sql`EXISTS (SELECT 1 FROM json_each(d.authors) a WHERE a.value LIKE ${pattern} ESCAPE '\\')`;
}

/** True when `word` stands in the title, an author or the file name. */
function inHaystack(word: string): RawBuilder<unknown> {
  const pattern = containing(word);
  return sql`(d.title LIKE ${pattern} ESCAPE '\\' OR d.file_name LIKE ${pattern} ESCAPE '\\' OR ${inAuthors(word)})`;
}

/** The filter's words: each must stand somewhere in the title, authors or file name. */
export function filterWords(filter: LibraryFilter): string[] {
  return (filter.text ?? '')
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
}

/**
 * True when the rows that pass are best found by reading the table straight through and
 * sorting what passes: with a filter (other than by id) set, walking an order index
 * visits each of 100,000 rows out of place, several times slower. Without statistics
 * SQLite's planner prefers the order index, so the query says so.
 */
export function scanBeatsOrderIndex(filter: LibraryFilter): boolean {
  if (filter.ids) return false;
  return (
    filterWords(filter).length > 0 ||
    (filter.author ?? '').trim() !== '' ||
    (filter.types ?? []).length > 0 ||
    Boolean(filter.tag) ||
    Boolean(filter.from) ||
    Boolean(filter.to)
  );
}

export function libraryConditions(filter: LibraryFilter): RawBuilder<unknown> {
  const conditions: RawBuilder<unknown>[] = [sql`d.deleted_at IS NULL`];
  if (filter.ids) conditions.push(sql`d.id IN (SELECT value FROM json_each(${JSON.stringify(filter.ids)}))`);
  if (filter.types && filter.types.length > 0) {
    conditions.push(sql`d.type IN (${sql.join(filter.types.map((t) => sql`${t}`))})`);
  }
  for (const word of filterWords(filter)) conditions.push(inHaystack(word));
  const author = (filter.author ?? '').trim();
  if (author) conditions.push(inAuthors(author));
  if (filter.from) conditions.push(sql`d.date >= ${filter.from}`);
  // "to 2020-11" includes every day of November: any date starting 2020-11 sorts below this.
  if (filter.to) conditions.push(sql`d.date <= ${`${filter.to}\uffff`}`);
  if (filter.tag) {
    // A tag selects what carries it or any tag nested under it (names compare as the tags table does).
    conditions.push(sql`d.id IN (
      SELECT dt.document_id FROM document_tags dt
      WHERE dt.tag_id IN (SELECT id FROM tags WHERE name = ${filter.tag} OR name LIKE ${descendantsPattern(filter.tag)} ESCAPE '\\'))`);
  }
  return sql.join(conditions, sql` AND `);
}
