/**
 * Full-text search over page text, quotes, notes and document metadata, with filters.
 *
 * Each kind of hit has its own FTS5 index (exact words, or porter stems on request).
 * A search ranks each kind's rows by bm25 inside SQLite and keeps its best, merges the
 * kinds by weighted score (titles count ten times body text), then fetches snippets
 * for the few hits shown. Filters become a set of allowed rowids that FTS5 tests row
 * by row (`+rowid IN (…)`: the `+` keeps SQLite from looking each rowid up instead).
 * Trashed documents and deleted quotes are not in the indexes at all (see migration 0002).
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { pageLabel } from '../../../shared/page-label.js';
import type { SearchHit, SearchKind, SearchOptions, SearchResult } from '../../../shared/search.js';
import { MARK_CLOSE, MARK_OPEN, SEARCH_KINDS } from '../../../shared/search.js';
import type { Database } from '../db/schema.js';
import { ArchiveError, messageOf } from '../errors.js';
import { allOf, filterSql, type FilterSql } from './filters.js';
import { ftsQuery } from './query.js';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 500;
/** Words of context in a snippet. */
const SNIPPET_TOKENS = 16;
/** FTS5 marks matched terms with these (control characters never stored in text), we turn them into <mark>. */
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

/** A search as SQL: what the core runs, and what the benchmark replays in the sqlite3 shell. */
export interface SearchPlan {
  kinds: SearchKind[];
  match: Record<SearchKind, string>;
  /** Ranked (kind, id, score) rows, best first, `limit` of them after `offset`. */
  ranked: RawBuilder<{ kind: SearchKind; id: number; score: number }>;
  /** One row: how many hits each kind has. */
  count: RawBuilder<Record<SearchKind, number>>;
  limit: number;
  offset: number;
  table: (kind: SearchKind) => string;
}

function restriction(kind: SearchKind, filters: FilterSql): RawBuilder<boolean> | null {
  if (kind === 'page') {
    if (filters.documents.length === 0) return null;
    return sql<boolean>`+rowid IN (SELECT p.id FROM documents d JOIN pages p ON p.document_id = d.id WHERE ${allOf(filters.documents)})`;
  }
  if (kind === 'metadata') {
    if (filters.documents.length === 0) return null;
    return sql<boolean>`+rowid IN (SELECT d.id FROM documents d WHERE ${allOf(filters.documents)})`;
  }
  if (filters.quotes.length === 0) return null;
  return sql<boolean>`+rowid IN (SELECT q.id FROM quotes q JOIN documents d ON d.id = q.document_id WHERE ${allOf(filters.quotes)})`;
}

function clampLimit(value: number | undefined, fallback: number, max: number, field: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0 || value > max) throw new ArchiveError('invalid-input', `${field}: must be a whole number from 0 to ${max}`);
  return value;
}

/** Builds the SQL of a search without running it. */
export async function planSearch(db: Kysely<Database>, query: string, options: SearchOptions = {}): Promise<SearchPlan> {
  const fts = ftsQuery(query);
  const limit = clampLimit(options.limit, DEFAULT_LIMIT, MAX_LIMIT, 'limit');
  const offset = clampLimit(options.offset, 0, 100_000, 'offset');
  const kinds = options.kinds?.length ? SEARCH_KINDS.filter((k) => options.kinds?.includes(k)) : [...SEARCH_KINDS];
  const filters = await filterSql(db, options);
  const table = (kind: SearchKind) => `${KINDS[kind].table}${options.stem ? '_stem' : ''}`;
  const match = Object.fromEntries(
    SEARCH_KINDS.map((k) => [k, KINDS[k].columns ? `${KINDS[k].columns} : (${fts})` : fts]),
  ) as Record<SearchKind, string>;
  const byDate = options.sort === 'date';
  const keep = limit + offset;

  const top = (kind: SearchKind): RawBuilder<unknown> => {
    const t = sql.table(table(kind));
    const rank = sql.raw(`bm25(${table(kind)}, ${KINDS[kind].weights.map((w) => w.toFixed(1)).join(', ')})`);
    const where = restriction(kind, filters);
    const condition = where ? sql`${t} MATCH ${match[kind]} AND ${where}` : sql`${t} MATCH ${match[kind]}`;
    if (!byDate) {
      return sql`SELECT ${sql.lit(kind)} AS kind, rowid AS id, -${rank} AS score, NULL AS date FROM ${t} WHERE ${condition} ORDER BY score DESC LIMIT ${keep}`;
    }
    const docOf =
      kind === 'page'
        ? sql`(SELECT d.date FROM pages p JOIN documents d ON d.id = p.document_id WHERE p.id = ${t}.rowid)`
        : kind === 'metadata'
          ? sql`(SELECT d.date FROM documents d WHERE d.id = ${t}.rowid)`
          : sql`(SELECT d.date FROM quotes q JOIN documents d ON d.id = q.document_id WHERE q.id = ${t}.rowid)`;
    return sql`SELECT ${sql.lit(kind)} AS kind, rowid AS id, -${rank} AS score, ${docOf} AS date FROM ${t} WHERE ${condition}
      ORDER BY date IS NULL, date DESC, score DESC LIMIT ${keep}`;
  };
  const parts = kinds.map((k) => sql`SELECT * FROM (${top(k)})`);
  const order = byDate ? sql`date IS NULL, date DESC, score DESC, kind, id` : sql`score DESC, kind, id`;
  const ranked = sql<{ kind: SearchKind; id: number; score: number }>`SELECT kind, id, score FROM (${sql.join(parts, sql` UNION ALL `)})
    ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`;

  const counts = SEARCH_KINDS.map((k) => {
    if (!kinds.includes(k)) return sql`0 AS ${sql.ref(k)}`;
    const t = sql.table(table(k));
    const where = restriction(k, filters);
    return sql`(SELECT count(*) FROM ${t} WHERE ${t} MATCH ${match[k]}${where ? sql` AND ${where}` : sql``}) AS ${sql.ref(k)}`;
  });
  const count = sql<Record<SearchKind, number>>`SELECT ${sql.join(counts)}`;
  return { kinds, match, ranked, count, limit, offset, table };
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

interface DetailRow {
  kind: SearchKind;
  id: number;
  document_id: number;
  page: number;
  title: string;
  snippet: string | null;
  quote_id: number | null;
  page_labels: string | null;
  page_label_offset: number;
}

function details(plan: SearchPlan, kind: SearchKind, ids: number[]): RawBuilder<DetailRow> {
  const t = sql.table(plan.table(kind));
  const snippet = sql`snippet(${t}, ${sql.lit(KINDS[kind].column)}, ${OPEN}, ${CLOSE}, '…', ${sql.lit(SNIPPET_TOKENS)})`;
  const idList = sql.join(ids);
  const where = sql`${t} MATCH ${plan.match[kind]} AND ${t}.rowid IN (${idList})`;
  if (kind === 'page') {
    return sql<DetailRow>`SELECT 'page' AS kind, ${t}.rowid AS id, p.document_id, p.number AS page, d.title, ${snippet} AS snippet, NULL AS quote_id, d.page_labels, d.page_label_offset
      FROM ${t} JOIN pages p ON p.id = ${t}.rowid JOIN documents d ON d.id = p.document_id WHERE ${where}`;
  }
  if (kind === 'metadata') {
    return sql<DetailRow>`SELECT 'metadata' AS kind, ${t}.rowid AS id, d.id AS document_id, 1 AS page, d.title, ${snippet} AS snippet, NULL AS quote_id, d.page_labels, d.page_label_offset
      FROM ${t} JOIN documents d ON d.id = ${t}.rowid WHERE ${where}`;
  }
  return sql<DetailRow>`SELECT ${sql.lit(kind)} AS kind, ${t}.rowid AS id, q.document_id, q.page, d.title, ${snippet} AS snippet, q.id AS quote_id, d.page_labels, d.page_label_offset
    FROM ${t} JOIN quotes q ON q.id = ${t}.rowid JOIN documents d ON d.id = q.document_id WHERE ${where}`;
}

/** Runs a query, turning an FTS5 complaint (which our parser should prevent) into a sentence. */
async function run<R>(db: Kysely<Database>, query: RawBuilder<R>): Promise<R[]> {
  try {
    return (await query.execute(db)).rows;
  } catch (error) {
    const message = messageOf(error);
    if (/fts5|syntax error|no such column/i.test(message)) throw new ArchiveError('invalid-input', `search: this query cannot be run (${message})`);
    throw error;
  }
}

/** Searches the archive; see SearchOptions for filters and SearchHit for what comes back. */
export async function search(db: Kysely<Database>, query: string, options: SearchOptions = {}): Promise<SearchResult> {
  const plan = await planSearch(db, query, options);
  const [countRow] = await run(db, plan.count);
  const total = plan.kinds.reduce((sum, k) => sum + Number(countRow?.[k] ?? 0), 0);
  if (total === 0 || plan.limit === 0) return { total, hits: [] };
  const ranked = await run(db, plan.ranked);
  const byKind = new Map<SearchKind, number[]>();
  for (const r of ranked) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r.id]);
  const parts = [...byKind.entries()].map(([kind, ids]) => details(plan, kind, ids));
  const rows = parts.length ? await run(db, sql<DetailRow>`${sql.join(parts, sql` UNION ALL `)}`) : [];
  const found = new Map(rows.map((r) => [`${r.kind}:${r.id}`, r]));
  const hits: SearchHit[] = [];
  for (const r of ranked) {
    const d = found.get(`${r.kind}:${r.id}`);
    if (!d) continue;
    hits.push({
      kind: r.kind,
      documentId: d.document_id,
      title: d.title,
      page: d.page,
      pageLabel: pageLabel({ pageLabels: d.page_labels === null ? null : (JSON.parse(d.page_labels) as string[]), pageLabelOffset: d.page_label_offset }, d.page),
      snippet: markSnippet(d.snippet),
      score: Number(r.score.toPrecision(6)),
      ...(d.quote_id !== null ? { quoteId: d.quote_id } : {}),
    });
  }
  return { total, hits };
}
