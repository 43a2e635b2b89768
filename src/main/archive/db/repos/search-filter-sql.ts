/**
 * Search filters as SQL conditions on a document row `d` (and a quote row `q`), so that
 * a search keeps only the FTS rows of the documents and quotes that pass. The values come
 * checked from search/filters.ts.
 */
import { sql, type RawBuilder } from 'kysely';
import { descendantsPattern } from '../../tags/names.js';
import { entityIdsNamedSql } from './entities.js';

export interface FilterSql {
  /** A SELECT of the ids of the documents that pass, or null when no filter applies. */
  documentIds: RawBuilder<unknown> | null;
  /** A SELECT of the ids of the quotes that pass (their document's tags or their own count), or null. */
  quoteIds: RawBuilder<unknown> | null;
  /** The tags filtered on, normalized (to say which one does not exist when nothing is found). */
  tags: string[];
}

/** Checked filter values; an absent one does not filter. */
export interface SearchFilterValues {
  types: readonly string[];
  /** A LIKE pattern (with `\` escaping) the authors' JSON must match. */
  authorPattern: string | null;
  /** The first day a partial date of `from` can mean: a document whose dates reach it passes. */
  fromDay: string | null;
  /** The last day a partial date of `to` can mean. */
  toDay: string | null;
  hasQuotes: boolean;
  /** Normalized tag names: what carries each (or a tag under it) passes. */
  tags: string[];
  /** An entity's name or alias: the documents naming it pass. */
  entity?: string | null;
}

/** Ids of a tag and its descendants, as a subquery (no round trip before the search itself). */
function tagIds(name: string): RawBuilder<number> {
  return sql<number>`SELECT id FROM tags WHERE name = ${name} OR name LIKE ${descendantsPattern(name)} ESCAPE '\\'`;
}

/** Documents naming the entity of this name or alias (entities.ts says how names compare). */
function documentsNaming(name: string): RawBuilder<number> {
  return sql<number>`SELECT m.document_id FROM entity_mentions m WHERE m.entity_id IN (${entityIdsNamedSql(name)})`;
}

const docFirstDay = sql`(CASE length(d.date) WHEN 4 THEN d.date || '-01-01' WHEN 7 THEN d.date || '-01' ELSE d.date END)`;
const docLastDay = sql`(CASE length(d.date) WHEN 4 THEN d.date || '-12-31' WHEN 7 THEN d.date || '-31' ELSE d.date END)`;

/** Builds the filters as sets of allowed ids. */
export function searchFilterSql(values: SearchFilterValues): FilterSql {
  const conditions: RawBuilder<boolean>[] = [];
  if (values.types.length) conditions.push(sql<boolean>`d.type IN (${sql.join(values.types)})`);
  if (values.authorPattern !== null) conditions.push(sql<boolean>`d.authors LIKE ${values.authorPattern} ESCAPE '\\'`);
  if (values.fromDay !== null)
    conditions.push(sql<boolean>`(d.date IS NOT NULL AND ${docLastDay} >= ${values.fromDay})`);
  if (values.toDay !== null) conditions.push(sql<boolean>`(d.date IS NOT NULL AND ${docFirstDay} <= ${values.toDay})`);
  if (values.hasQuotes) {
    conditions.push(
      sql<boolean>`EXISTS (SELECT 1 FROM quotes hq WHERE hq.document_id = d.id AND hq.deleted_at IS NULL)`,
    );
  }
  if (values.entity) conditions.push(sql<boolean>`d.id IN (${documentsNaming(values.entity)})`);
  const tags = values.tags;
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
