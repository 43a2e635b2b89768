/**
 * Full-text search over page text, quotes, notes and document metadata, with filters.
 *
 * Each kind of hit has its own FTS5 index (exact words, or porter stems on request).
 * One SQL statement does the whole search: each kind's rows are ranked by bm25 inside
 * SQLite and its best kept; the kinds are merged by weighted score (a title counts ten
 * times body text); snippets are cut for the few hits shown only; the total is counted
 * once. One statement, because on a fast query the round trips cost more than SQLite.
 * Filters become a set of allowed rowids that FTS5 tests row by row (`+rowid IN (…)`:
 * the `+` keeps SQLite from looking each rowid up instead). Trashed documents and
 * deleted quotes are not in the indexes at all (see migration 0002).
 */
import { pageLabel } from '../../../shared/page-label.js';
import type { SearchHit, SearchKind, SearchOptions, SearchResult } from '../../../shared/search.js';
import { MARK_CLOSE, MARK_OPEN, SEARCH_KINDS } from '../../../shared/search.js';
import type { Db } from '../db/repos/db.js';
import { decodePageLabels } from '../db/repos/documents.js';
import {
  CLOSE,
  OPEN,
  runSearchStatement,
  searchStatements,
  type HitRow,
  type SearchStatements,
} from '../db/repos/search-index.js';
import { hasLiveVersions, otherVersionsIn } from '../db/repos/library/versions-sql.js';
import { ArchiveError } from '../errors.js';
import { findTag } from '../tags/tags.js';
import { entityIdsNamed } from '../db/repos/entities.js';
import { filterSql, type FilterSql } from './filters.js';
import { ftsQuery } from './query.js';
import { pageTrueSnippet } from './page-true-snippet.js';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 500;
export type { HitRow };

/** A search as SQL: what the core runs, and what the benchmark replays in the sqlite3 shell. */
export interface SearchPlan extends SearchStatements {
  kinds: SearchKind[];
  limit: number;
  offset: number;
  filters: FilterSql;
}

function checkWhole(value: number | undefined, fallback: number, max: number, field: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0 || value > max)
    throw new ArchiveError('invalid-input', `${field}: must be a whole number from 0 to ${max}`);
  return value;
}

/**
 * Builds the SQL of a search without running it; throws invalid-input for a query or filter it cannot read.
 * `versions`: the archive holds versions of one text, so page and metadata hits are kept for one version of each.
 */
export function planSearch(query: string, options: SearchOptions = {}, versions = false): SearchPlan {
  const fts = ftsQuery(query);
  const limit = checkWhole(options.limit, DEFAULT_LIMIT, MAX_LIMIT, 'limit');
  const offset = checkWhole(options.offset, 0, 100_000, 'offset');
  const kinds = options.kinds?.length ? SEARCH_KINDS.filter((k) => options.kinds?.includes(k)) : [...SEARCH_KINDS];
  const filters = filterSql(options);
  const statements = searchStatements({
    fts,
    kinds,
    limit,
    offset,
    filters,
    stem: Boolean(options.stem),
    byDate: options.sort === 'date',
    versions,
  });
  return { kinds, limit, offset, filters, ...statements };
}

/** HTML-escapes a snippet and turns FTS5's marks into <mark>; white space folds to single spaces. */
export function markSnippet(raw: string | null): string {
  if (!raw) return '';
  return raw
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c)
    .replaceAll(OPEN, MARK_OPEN)
    .replaceAll(CLOSE, MARK_CLOSE);
}

function toHit(r: HitRow): SearchHit {
  const labels = {
    pageLabels: decodePageLabels(r.page_labels),
    pageLabelOffset: r.page_label_offset,
  };
  return {
    kind: r.kind,
    documentId: r.document_id,
    title: r.title,
    page: r.page,
    pageLabel: pageLabel(labels, r.page),
    snippet: markSnippet(r.source === null ? r.snippet : pageTrueSnippet(r.source, r.snippet ?? '', OPEN, CLOSE)),
    score: Number(r.score.toPrecision(6)),
    ...(r.quote_id !== null ? { quoteId: r.quote_id } : {}),
  };
}

/** Names each hit's document's other versions, whose hits of the same text were left out. */
async function withVersions(db: Db, hits: SearchHit[]): Promise<SearchHit[]> {
  const versions = await otherVersionsIn(db, JSON.stringify([...new Set(hits.map((h) => h.documentId))]));
  return hits.map((h) => {
    const others = versions.get(h.documentId);
    return others ? { ...h, alsoIn: others.map((v) => ({ documentId: v.id, format: v.format })) } : h;
  });
}

/** Searches the archive; see SearchOptions for filters and SearchHit for what comes back. */
export async function search(db: Db, query: string, options: SearchOptions = {}): Promise<SearchResult> {
  const plan = planSearch(query, options, await hasLiveVersions(db));
  const rows = plan.limit === 0 ? [] : await runSearchStatement(db, plan.statement);
  if (rows.length > 0) return { total: Number(rows[0]?.total ?? 0), hits: await withVersions(db, rows.map(toHit)) };
  const total =
    plan.limit === 0 || plan.offset > 0 ? Number((await runSearchStatement(db, plan.count))[0]?.total ?? 0) : 0;
  if (total === 0) {
    // Nothing found: say so if it is because a tag filtered on does not exist.
    for (const tag of plan.filters.tags) {
      if (!(await findTag(db, tag))) throw new ArchiveError('not-found', `tag "${tag}": no such tag`);
    }
    const entity = options.entity?.trim();
    if (entity && (await entityIdsNamed(db, entity)).length === 0)
      throw new ArchiveError('not-found', `entity "${entity}": no person or organisation has this name or alias`);
  }
  return { total, hits: [] };
}
