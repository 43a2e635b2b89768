/**
 * Search filters as SQL conditions on a document row `d` (and a quote row `q`), so that
 * a search keeps only the FTS rows of the documents and quotes that pass.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { DOCUMENT_TYPES, isPartialDate } from '../../../shared/document.js';
import type { SearchFilters } from '../../../shared/search.js';
import type { Database } from '../db/schema.js';
import { ArchiveError } from '../errors.js';
import { tagIdsWithin } from '../tags/tags.js';

export interface FilterSql {
  /** Conditions on `documents d`; empty when no document filter applies. */
  documents: RawBuilder<boolean>[];
  /** Conditions on `quotes q` joined to `documents d`. */
  quotes: RawBuilder<boolean>[];
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
  if (!isPartialDate(value)) throw new ArchiveError('invalid-input', `${field}: "${value}" is not an ISO date (2020, 2020-11 or 2020-11-13)`);
}

/** Builds the filter conditions; throws invalid-input or not-found (unknown tag) naming the field. */
export async function filterSql(db: Kysely<Database>, filters: SearchFilters): Promise<FilterSql> {
  const documents: RawBuilder<boolean>[] = [];
  const quotes: RawBuilder<boolean>[] = [];
  const both = (condition: RawBuilder<boolean>) => {
    documents.push(condition);
    quotes.push(condition);
  };
  if (filters.types?.length) {
    for (const type of filters.types) {
      if (!(DOCUMENT_TYPES as readonly string[]).includes(type)) {
        throw new ArchiveError('invalid-input', `type: "${type}" is not one of ${DOCUMENT_TYPES.join(', ')}`);
      }
    }
    both(sql<boolean>`d.type IN (${sql.join(filters.types)})`);
  }
  if (filters.author !== undefined && filters.author.trim() !== '') {
    const pattern = `%${filters.author.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    both(sql<boolean>`d.authors LIKE ${pattern} ESCAPE '\\'`);
  }
  if (filters.from !== undefined) {
    checkDate('from', filters.from);
    both(sql<boolean>`(d.date IS NOT NULL AND ${docLastDay} >= ${firstDay(filters.from)})`);
  }
  if (filters.to !== undefined) {
    checkDate('to', filters.to);
    both(sql<boolean>`(d.date IS NOT NULL AND ${docFirstDay} <= ${lastDay(filters.to)})`);
  }
  if (filters.from !== undefined && filters.to !== undefined && firstDay(filters.from) > lastDay(filters.to)) {
    throw new ArchiveError('invalid-input', `from: ${filters.from} is after to: ${filters.to}`);
  }
  if (filters.hasQuotes) {
    both(sql<boolean>`EXISTS (SELECT 1 FROM quotes hq WHERE hq.document_id = d.id AND hq.deleted_at IS NULL)`);
  }
  for (const tag of filters.tags ?? []) {
    const ids = sql.join(await tagIdsWithin(db, tag));
    const onDocument = sql<boolean>`EXISTS (SELECT 1 FROM document_tags dt WHERE dt.document_id = d.id AND dt.tag_id IN (${ids}))`;
    documents.push(onDocument);
    quotes.push(sql<boolean>`(${onDocument} OR EXISTS (SELECT 1 FROM quote_tags qt WHERE qt.quote_id = q.id AND qt.tag_id IN (${ids})))`);
  }
  return { documents, quotes };
}

/** `a AND b AND …`, or TRUE. */
export function allOf(conditions: readonly RawBuilder<boolean>[]): RawBuilder<boolean> {
  return conditions.length === 0 ? sql<boolean>`1` : sql<boolean>`${sql.join(conditions, sql` AND `)}`;
}
