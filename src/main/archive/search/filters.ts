/**
 * Search filters checked field by field, then turned into SQL conditions
 * (db/repos/search-filter-sql.ts) so a search keeps only the FTS rows that pass.
 */
import { DOCUMENT_TYPES, isPartialDate } from '../../../shared/document.js';
import type { SearchFilters } from '../../../shared/search.js';
import { searchFilterSql, type FilterSql } from '../db/repos/search-filter-sql.js';
import { ArchiveError } from '../errors.js';
import { normalizeTagName } from '../tags/names.js';

export type { FilterSql };

/** The first day a partial date can mean ("2020" → "2020-01-01"). */
export function firstDay(date: string): string {
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
}

/** The last day a partial date can mean, for comparing ("2020-02" → "2020-02-31", later than any real day of it). */
export function lastDay(date: string): string {
  return date.length === 4 ? `${date}-12-31` : date.length === 7 ? `${date}-31` : date;
}

function checkDate(field: string, value: string): void {
  if (!isPartialDate(value))
    throw new ArchiveError('invalid-input', `${field}: "${value}" is not an ISO date (2020, 2020-11 or 2020-11-13)`);
}

/** Builds the filters as sets of allowed ids; throws invalid-input naming the field. */
export function filterSql(filters: SearchFilters): FilterSql {
  const types = filters.types ?? [];
  for (const type of types) {
    if (!(DOCUMENT_TYPES as readonly string[]).includes(type)) {
      throw new ArchiveError('invalid-input', `type: "${type}" is not one of ${DOCUMENT_TYPES.join(', ')}`);
    }
  }
  const author = filters.author?.trim() ?? '';
  if (filters.from !== undefined) checkDate('from', filters.from);
  if (filters.to !== undefined) checkDate('to', filters.to);
  if (filters.from !== undefined && filters.to !== undefined && firstDay(filters.from) > lastDay(filters.to)) {
    throw new ArchiveError('invalid-input', `from: ${filters.from} is after to: ${filters.to}`);
  }
  return searchFilterSql({
    types,
    authorPattern: author === '' ? null : `%${author.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
    fromDay: filters.from === undefined ? null : firstDay(filters.from),
    toDay: filters.to === undefined ? null : lastDay(filters.to),
    hasQuotes: Boolean(filters.hasQuotes),
    tags: (filters.tags ?? []).map(normalizeTagName),
    entity: filters.entity?.trim() || null,
  });
}
