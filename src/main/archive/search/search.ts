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
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { pageLabel } from '../../../shared/page-label.js';
import type { SearchHit, SearchKind, SearchOptions, SearchResult } from '../../../shared/search.js';
import { MARK_CLOSE, MARK_OPEN, SEARCH_KINDS } from '../../../shared/search.js';
import type { Database } from '../db/schema.js';
import { ArchiveError, messageOf } from '../errors.js';
import { findTag } from '../tags/tags.js';
import { filterSql, type FilterSql } from './filters.js';
import { ftsQuery } from './query.js';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 500;
/** Words of context in a snippet. */
const SNIPPET_TOKENS = 16;
/** FTS5 marks matched terms with these (control characters never stored in text); they become <mark>. */
const OPEN = '\u0001';
const CLOSE = '\u0002';

interface KindSpec {
  table: 'fts_pages' | 'fts_documents' | 'fts_quotes';
  /** bm25 column weights: metadata weighs title 10, people 5, the rest 2. */
  weights: number[];
  /** The column snippets are cut from (-1: the best one). */
  column: number;
  /** FTS5 column filter for the quote index. */
  columns?: string;
}

const KINDS: Record<SearchKind, KindSpec> = {
  page: { table: 'fts_pages', weights: [1], column: 0 },
  metadata: { table: 'fts_documents', weights: [10, 5, 2], column: -1 },
  quote: { table: 'fts_quotes', weights: [2, 0], column: 0, columns: '{text}' },
  note: { table: 'fts_quotes', weights: [0, 1.5], column: 1, columns: '{note}' },
};

/** One hit as the search statement returns it. */
export interface HitRow {
  kind: SearchKind;
  id: number;
  score: number;
  document_id: number;
  page: number;
  title: string;
  snippet: string | null;
  quote_id: number | null;
  page_labels: string | null;
  page_label_offset: number;
  /** How many hits in all (the same on every row). */
  total: number;
}

/** A search as SQL: what the core runs, and what the benchmark replays in the sqlite3 shell. */
export interface SearchPlan {
  kinds: SearchKind[];
  limit: number;
  offset: number;
  filters: FilterSql;
  /** Hits `offset`..`offset + limit` with their snippets, best first, each with the total. */
  statement: RawBuilder<HitRow>;
  /** The total alone (for a page of hits past the last one). */
  count: RawBuilder<{ total: number }>;
}

/** The filter as a condition on a kind's FTS rows: the rowid must be in the allowed set (a CTE, built once). */
function restriction(kind: SearchKind, filters: FilterSql): RawBuilder<boolean> | null {
  if (kind === 'page') return filters.documentIds ? sql<boolean>`+rowid IN allowed_pages` : null;
  if (kind === 'metadata') return filters.documentIds ? sql<boolean>`+rowid IN allowed_documents` : null;
  return filters.quoteIds ? sql<boolean>`+rowid IN allowed_quotes` : null;
}

/** The allowed sets the kinds searched need, each computed once per statement. */
function allowedSets(kinds: readonly SearchKind[], filters: FilterSql): RawBuilder<unknown>[] {
  const sets: RawBuilder<unknown>[] = [];
  if (filters.documentIds && (kinds.includes('page') || kinds.includes('metadata'))) {
    sets.push(sql`allowed_documents AS MATERIALIZED (${filters.documentIds})`);
    if (kinds.includes('page')) {
      sets.push(sql`allowed_pages AS MATERIALIZED (SELECT p.id FROM pages p WHERE p.document_id IN allowed_documents)`);
    }
  }
  if (filters.quoteIds && (kinds.includes('quote') || kinds.includes('note'))) {
    sets.push(sql`allowed_quotes AS MATERIALIZED (${filters.quoteIds})`);
  }
  return sets;
}

function checkWhole(value: number | undefined, fallback: number, max: number, field: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0 || value > max)
    throw new ArchiveError('invalid-input', `${field}: must be a whole number from 0 to ${max}`);
  return value;
}

/** Builds the SQL of a search without running it; throws invalid-input for a query or filter it cannot read. */
export function planSearch(query: string, options: SearchOptions = {}): SearchPlan {
  const fts = ftsQuery(query);
  const limit = checkWhole(options.limit, DEFAULT_LIMIT, MAX_LIMIT, 'limit');
  const offset = checkWhole(options.offset, 0, 100_000, 'offset');
  const kinds = options.kinds?.length ? SEARCH_KINDS.filter((k) => options.kinds?.includes(k)) : [...SEARCH_KINDS];
  const filters = filterSql(options);
  const table = (kind: SearchKind) => sql.table(`${KINDS[kind].table}${options.stem ? '_stem' : ''}`);
  const match = (kind: SearchKind) => (KINDS[kind].columns ? `${KINDS[kind].columns} : (${fts})` : fts);
  const where = (kind: SearchKind) => {
    const t = table(kind);
    const only = restriction(kind, filters);
    return only ? sql`${t} MATCH ${match(kind)} AND ${only}` : sql`${t} MATCH ${match(kind)}`;
  };
  const byDate = options.sort === 'date';

  // The best `limit + offset` rows of each kind, ranked inside SQLite.
  const top = (kind: SearchKind): RawBuilder<unknown> => {
    const t = table(kind);
    const rank = sql.raw(
      `-bm25(${KINDS[kind].table}${options.stem ? '_stem' : ''}, ${KINDS[kind].weights.map((w) => w.toFixed(1)).join(', ')})`,
    );
    const date = !byDate
      ? sql`NULL`
      : kind === 'page'
        ? sql`(SELECT d.date FROM pages p JOIN documents d ON d.id = p.document_id WHERE p.id = ${t}.rowid)`
        : kind === 'metadata'
          ? sql`(SELECT d.date FROM documents d WHERE d.id = ${t}.rowid)`
          : sql`(SELECT d.date FROM quotes q JOIN documents d ON d.id = q.document_id WHERE q.id = ${t}.rowid)`;
    const order = byDate ? sql`date IS NULL, date DESC, score DESC` : sql`score DESC`;
    return sql`SELECT ${sql.lit(kind)} AS kind, ${t}.rowid AS id, ${rank} AS score, ${date} AS date FROM ${t} WHERE ${where(kind)}
      ORDER BY ${order} LIMIT ${sql.lit(limit + offset)}`;
  };
  const order = byDate ? sql`date IS NULL, date DESC, score DESC, kind, id` : sql`score DESC, kind, id`;
  const ctes = kinds.map((k) => sql`${sql.ref(`top_${k}`)} AS (${top(k)})`);
  const ranked = sql`ranked AS (SELECT * FROM (${sql.join(
    kinds.map((k) => sql`SELECT * FROM ${sql.ref(`top_${k}`)}`),
    sql` UNION ALL `,
  )}) ORDER BY ${order} LIMIT ${sql.lit(limit)} OFFSET ${sql.lit(offset)})`;

  // Snippets and places for the ranked rows only: each FTS table is entered by rowid
  // (CROSS JOIN keeps SQLite from scanning every match and probing the ranked rows instead).
  const details = kinds.map((kind) => {
    const t = table(kind);
    const snippet = sql`snippet(${t}, ${sql.lit(KINDS[kind].column)}, ${OPEN}, ${CLOSE}, '…', ${sql.lit(SNIPPET_TOKENS)})`;
    const on = sql`r.kind = ${sql.lit(kind)} AND ${t} MATCH ${match(kind)}`;
    const head = sql`r.kind, r.id, r.score, r.date, d.title, ${snippet} AS snippet, d.page_labels, d.page_label_offset`;
    if (kind === 'page') {
      return sql`SELECT ${head}, p.document_id, p.number AS page, NULL AS quote_id
        FROM ranked r CROSS JOIN ${t} ON ${t}.rowid = r.id JOIN pages p ON p.id = r.id JOIN documents d ON d.id = p.document_id WHERE ${on}`;
    }
    if (kind === 'metadata') {
      return sql`SELECT ${head}, d.id AS document_id, 1 AS page, NULL AS quote_id
        FROM ranked r CROSS JOIN ${t} ON ${t}.rowid = r.id JOIN documents d ON d.id = r.id WHERE ${on}`;
    }
    return sql`SELECT ${head}, q.document_id, q.page, q.id AS quote_id
      FROM ranked r CROSS JOIN ${t} ON ${t}.rowid = r.id JOIN quotes q ON q.id = r.id JOIN documents d ON d.id = q.document_id WHERE ${on}`;
  });
  const total = sql`${sql.join(
    kinds.map((k) => sql`(SELECT count(*) FROM ${table(k)} WHERE ${where(k)})`),
    sql` + `,
  )}`;
  const sets = allowedSets(kinds, filters);
  const statement = sql<HitRow>`WITH ${sql.join([...sets, ...ctes, ranked])}
    SELECT *, (${total}) AS total FROM (${sql.join(details, sql` UNION ALL `)}) ORDER BY ${order}`;
  const count = sql<{ total: number }>`${sets.length ? sql`WITH ${sql.join(sets)} ` : sql``}SELECT ${total} AS total`;
  return { kinds, limit, offset, filters, statement, count };
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

/** Runs a statement, turning an FTS5 complaint (which our parser should prevent) into a sentence. */
async function run<R>(db: Kysely<Database>, query: RawBuilder<R>): Promise<R[]> {
  try {
    return (await query.execute(db)).rows;
  } catch (error) {
    const message = messageOf(error);
    if (/fts5|syntax error/i.test(message))
      throw new ArchiveError('invalid-input', `search: this query cannot be run (${message})`);
    throw error;
  }
}

function toHit(r: HitRow): SearchHit {
  const labels = {
    pageLabels: r.page_labels === null ? null : (JSON.parse(r.page_labels) as string[]),
    pageLabelOffset: r.page_label_offset,
  };
  return {
    kind: r.kind,
    documentId: r.document_id,
    title: r.title,
    page: r.page,
    pageLabel: pageLabel(labels, r.page),
    snippet: markSnippet(r.snippet),
    score: Number(r.score.toPrecision(6)),
    ...(r.quote_id !== null ? { quoteId: r.quote_id } : {}),
  };
}

/** Searches the archive; see SearchOptions for filters and SearchHit for what comes back. */
export async function search(db: Kysely<Database>, query: string, options: SearchOptions = {}): Promise<SearchResult> {
  const plan = planSearch(query, options);
  const rows = plan.limit === 0 ? [] : await run(db, plan.statement);
  if (rows.length > 0) return { total: Number(rows[0]?.total ?? 0), hits: rows.map(toHit) };
  const total = plan.limit === 0 || plan.offset > 0 ? Number((await run(db, plan.count))[0]?.total ?? 0) : 0;
  if (total === 0) {
    // Nothing found: say so if it is because a tag filtered on does not exist.
    for (const tag of plan.filters.tags) {
      if (!(await findTag(db, tag))) throw new ArchiveError('not-found', `tag "${tag}": no such tag`);
    }
  }
  return { total, hits: [] };
}
