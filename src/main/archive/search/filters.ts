/**
 * Search filters as SQL conditions on a document row `d` (and a quote row `q`), so that
 * a search keeps only the FTS rows of the documents and quotes that pass.
 */
import { sql, type RawBuilder } from 'kysely';
import { DOCUMENT_TYPES, isPartialDate } from '../../../shared/document.js';
import type { SearchFilters } from '../../../shared/search.js';
import { ArchiveError } from '../errors.js';
import { descendantsPattern, normalizeTagName } from '../tags/names.js';

export interface FilterSql {
  /** A SELECT of the ids of the documents that pass, or null when no filter applies. */
  documentIds: RawBuilder<unknown> | null;
  /** A SELECT of the ids of the quotes that pass (their document's tags or their own count), or null. */
  quoteIds: RawBuilder<unknown> | null;
  /** The tags filtered on, normalized (to say which one does not exist when nothing is found). */
  tags: string[];
}

/** Ids of a tag and its descendants, as a subquery (no round trip before the search itself). */
function tagIds(name: string): RawBuilder<number> {
  return sql<number>`SELECT id FROM tags WHERE name = ${name} OR name LIKE ${descendantsPattern(name)} ESCAPE '\\'`;
}

/** The first day a partial date can mean ("2020" → "2020-01-01"). */
export function firstDay(date: string): string {
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
}

/** The last day a partial date can mean, for comparing ("2020-02" → "2020-02-31", later than any real day of it). */
export function lastDay(date: string): string {
  return date.length === 4 ? `${date}-12-31` : date.length === 7 ? `${date}-31` : date;
}

const docFirstDay = sql`(CASE length(d.date) WHEN 4 THEN d.date || '-01-01' WHEN 7 THEN d.date || '-01' ELSE d.date END)`;
const docLastDay = sql`(CASE length(d.date) WHEN 4 THEN d.date || '-12-31' WHEN 7 THEN d.date || '-31' ELSE d.date END)`;

function checkDate(field: string, value: string): void {
  if (!isPartialDate(value))
    throw new ArchiveError('invalid-input', `${field}: "${value}" is not an ISO date (2020, 2020-11 or 2020-11-13)`);
}

/** Builds the filters as sets of allowed ids; throws invalid-input naming the field. */
export function filterSql(filters: SearchFilters): FilterSql {
  const conditions: RawBuilder<boolean>[] = [];
  if (filters.types?.length) {
    for (const type of filters.types) {
      if (!(DOCUMENT_TYPES as readonly string[]).includes(type)) {
        throw new ArchiveError('invalid-input', `type: "${type}" is not one of ${DOCUMENT_TYPES.join(', ')}`);
      }
    }
    conditions.push(sql<boolean>`d.type IN (${sql.join(filters.types)})`);
  }
  if (filters.author !== undefined && filters.author.trim() !== '') {
    const pattern = `%${filters.author.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(sql<boolean>`d.authors LIKE ${pattern} ESCAPE '\\'`);
  }
  if (filters.from !== undefined) {
    checkDate('from', filters.from);
    conditions.push(sql<boolean>`(d.date IS NOT NULL AND ${docLastDay} >= ${firstDay(filters.from)})`);
  }
  if (filters.to !== undefined) {
    checkDate('to', filters.to);
    conditions.push(sql<boolean>`(d.date IS NOT NULL AND ${docFirstDay} <= ${lastDay(filters.to)})`);
  }
  if (filters.from !== undefined && filters.to !== undefined && firstDay(filters.from) > lastDay(filters.to)) {
    throw new ArchiveError('invalid-input', `from: ${filters.from} is after to: ${filters.to}`);
  }
  if (filters.hasQuotes) {
    conditions.push(
      sql<boolean>`EXISTS (SELECT 1 FROM quotes hq WHERE hq.document_id = d.id AND hq.deleted_at IS NULL)`,
    );
  }
  const tags = (filters.tags ?? []).map(normalizeTagName);
  if (conditions.length === 0 && tags.length === 0) return { documentIds: null, quoteIds: null, tags };

  // Documents: straight from the tags' items when only tags filter (no lookup of every document row).
  const tagged = tags.map(
    (tag) => sql`SELECT dt.document_id FROM document_tags dt WHERE dt.tag_id IN (${tagIds(tag)})`,
  );
  const onDocuments = [...conditions, ...tagged.map((set) => sql<boolean>`d.id IN (${set})`)];
  const documentIds =
    conditions.length === 0
      ? sql`${sql.join(tagged, sql` INTERSECT `)}`
      : sql`SELECT d.id FROM documents d WHERE ${allOf(onDocuments)}`;
  // Quotes: a tag counts on the quote itself or on its document.
  const onQuotes = [
    ...conditions,
    ...tags.map(
      (tag, i) =>
        sql<boolean>`(q.document_id IN (${tagged[i]}) OR q.id IN (SELECT qt.quote_id FROM quote_tags qt WHERE qt.tag_id IN (${tagIds(tag)})))`,
    ),
  ];
  const quoteIds = sql`SELECT q.id FROM quotes q JOIN documents d ON d.id = q.document_id WHERE ${allOf(onQuotes)}`;
  return { documentIds, quoteIds, tags };
}

/** `a AND b AND …`, or TRUE. */
export function allOf(conditions: readonly RawBuilder<boolean>[]): RawBuilder<boolean> {
  return conditions.length === 0 ? sql<boolean>`1` : sql<boolean>`${sql.join(conditions, sql` AND `)}`;
}
