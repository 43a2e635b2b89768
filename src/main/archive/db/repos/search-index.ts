/**
 * The search indexes: one FTS5 table per kind of hit (exact words, and porter stems in the
 * `_stem` twins), the one statement a search runs over them, and their upkeep (rebuild,
 * cache refresh). The statement's shape is explained in search/search.ts.
 */
import { sql, type RawBuilder } from 'kysely';
import type { SearchKind } from '../../../../shared/search.js';
import { FTS_TABLES } from '../migrations/0002-quotes-tags-search.js';
import { ArchiveError, messageOf } from '../../errors.js';
import type { Db, Trx } from './db.js';
import { backendOf, notYetOnPostgres } from './backend.js';
import type { FilterSql } from './search-filter-sql.js';

/** Words of context in a snippet. */
const SNIPPET_TOKENS = 16;
/** FTS5 marks matched terms with these (control characters never stored in text); they become <mark>. */
export const OPEN = '\u0001';
export const CLOSE = '\u0002';

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

/** Where each kind's source text and index form stand (metadata is indexed as it is). */
const SOURCE_FORMS: Partial<Record<SearchKind, { text: string; form: string }>> = {
  page: { text: 'p.text', form: 'p.search_text' },
  quote: { text: 'q.text', form: 'q.search_text' },
  note: { text: 'q.note', form: 'q.search_note' },
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
  /** The source text when it is indexed in another form: `snippet` is then the whole index text highlighted. */
  source: string | null;
  /** How many hits in all (the same on every row). */
  total: number;
}

/** A search as SQL: what the core runs, and what the benchmark replays in the sqlite3 shell. */
export interface SearchStatements {
  /** Hits `offset`..`offset + limit` with their snippets, best first, each with the total. */
  statement: RawBuilder<HitRow>;
  /** The total alone (for a page of hits past the last one). */
  count: RawBuilder<{ total: number }>;
}

/** A checked search: the FTS5 query, the kinds searched, the window and the filters. */
export interface SearchSpec {
  fts: string;
  kinds: readonly SearchKind[];
  limit: number;
  offset: number;
  filters: FilterSql;
  stem: boolean;
  byDate: boolean;
  /**
   * The archive holds versions (documents grouped by version_group): a page or metadata hit
   * is then kept for one version of each group only, the one with the best-ranked hit.
   */
  versions?: boolean;
}

/** Kinds whose hits are a document's own text, so one version of a group stands for the rest. */
const VERSIONED: ReadonlySet<SearchKind> = new Set(['page', 'metadata']);

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

/** Builds the search statement and its count without running them. */
export function searchStatements({
  fts,
  kinds,
  limit,
  offset,
  filters,
  stem,
  byDate,
  versions = false,
}: SearchSpec): SearchStatements {
  const table = (kind: SearchKind) => sql.table(`${KINDS[kind].table}${stem ? '_stem' : ''}`);
  const match = (kind: SearchKind) => (KINDS[kind].columns ? `${KINDS[kind].columns} : (${fts})` : fts);
  const where = (kind: SearchKind) => {
    const t = table(kind);
    const only = restriction(kind, filters);
    return only ? sql`${t} MATCH ${match(kind)} AND ${only}` : sql`${t} MATCH ${match(kind)}`;
  };

  // Each kind's matching rows with their score (and date), unordered.
  const scored = (kind: SearchKind): RawBuilder<unknown> => {
    const t = table(kind);
    const rank = sql.raw(
      `-bm25(${KINDS[kind].table}${stem ? '_stem' : ''}, ${KINDS[kind].weights.map((w) => w.toFixed(1)).join(', ')})`,
    );
    const date = !byDate
      ? sql`NULL`
      : kind === 'page'
        ? sql`(SELECT d.date FROM pages p JOIN documents d ON d.id = p.document_id WHERE p.id = ${t}.rowid)`
        : kind === 'metadata'
          ? sql`(SELECT d.date FROM documents d WHERE d.id = ${t}.rowid)`
          : sql`(SELECT d.date FROM quotes q JOIN documents d ON d.id = q.document_id WHERE q.id = ${t}.rowid)`;
    return sql`SELECT ${sql.lit(kind)} AS kind, ${t}.rowid AS id, ${rank} AS score, ${date} AS date FROM ${t} WHERE ${where(kind)}`;
  };
  const grouped = (kind: SearchKind) => versions && VERSIONED.has(kind);
  // With versions, a kind's matches are kept (once, materialized) for one version per group:
  // the document of the group's best hit. A document in no group is a group of its own.
  const groupedCtes = kinds.filter(grouped).map((kind) => {
    const t = table(kind);
    const doc = kind === 'page' ? sql`(SELECT p.document_id FROM pages p WHERE p.id = ${t}.rowid)` : sql`${t}.rowid`;
    const rank = sql.raw(
      `-bm25(${KINDS[kind].table}${stem ? '_stem' : ''}, ${KINDS[kind].weights.map((w) => w.toFixed(1)).join(', ')})`,
    );
    const date = !byDate ? sql`NULL` : sql`(SELECT d.date FROM documents d WHERE d.id = m.doc)`;
    return sql`${sql.ref(`kept_${kind}`)} AS MATERIALIZED (SELECT kind, id, score, date FROM (
      SELECT m.*, ${date} AS date, first_value(m.doc) OVER (PARTITION BY m.grp ORDER BY m.score DESC, m.id) AS keeper FROM (
        SELECT ${sql.lit(kind)} AS kind, ${t}.rowid AS id, ${rank} AS score, ${doc} AS doc,
          (SELECT coalesce(d.version_group, -d.id) FROM documents d WHERE d.id = ${doc}) AS grp
        FROM ${t} WHERE ${where(kind)}) m) WHERE doc = keeper)`;
  });
  // The best `limit + offset` rows of each kind, ranked inside SQLite.
  const top = (kind: SearchKind): RawBuilder<unknown> => {
    const order = byDate ? sql`date IS NULL, date DESC, score DESC` : sql`score DESC`;
    const rows = grouped(kind) ? sql`SELECT * FROM ${sql.ref(`kept_${kind}`)}` : scored(kind);
    return sql`SELECT * FROM (${rows}) ORDER BY ${order} LIMIT ${sql.lit(limit + offset)}`;
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
    const column = sql.lit(KINDS[kind].column);
    const cut = sql`snippet(${t}, ${column}, ${OPEN}, ${CLOSE}, '…', ${sql.lit(SNIPPET_TOKENS)})`;
    // A text indexed in another form (CJK bigrams, marks dropped) is highlighted whole, and the
    // snippet is cut from its source text in search.ts, so it shows the source's own characters.
    const form = SOURCE_FORMS[kind];
    const snippet = form
      ? sql`CASE WHEN ${sql.raw(form.form)} IS NULL THEN ${cut} ELSE highlight(${t}, ${column}, ${OPEN}, ${CLOSE}) END`
      : cut;
    const source = form
      ? sql`CASE WHEN ${sql.raw(form.form)} IS NULL THEN NULL ELSE ${sql.raw(form.text)} END`
      : sql`NULL`;
    const on = sql`r.kind = ${sql.lit(kind)} AND ${t} MATCH ${match(kind)}`;
    const head = sql`r.kind, r.id, r.score, r.date, d.title, ${snippet} AS snippet, ${source} AS source, d.page_labels, d.page_label_offset`;
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
    kinds.map((k) =>
      grouped(k)
        ? sql`(SELECT count(*) FROM ${sql.ref(`kept_${k}`)})`
        : sql`(SELECT count(*) FROM ${table(k)} WHERE ${where(k)})`,
    ),
    sql` + `,
  )}`;
  const sets = [...allowedSets(kinds, filters), ...groupedCtes];
  const statement = sql<HitRow>`WITH ${sql.join([...sets, ...ctes, ranked])}
    SELECT *, (${total}) AS total FROM (${sql.join(details, sql` UNION ALL `)}) ORDER BY ${order}`;
  const count = sql<{ total: number }>`${sets.length ? sql`WITH ${sql.join(sets)} ` : sql``}SELECT ${total} AS total`;
  return { statement, count };
}

/** The search indexes `exhibit check` verifies: FTS5's tables; none yet on PostgreSQL. */
export function searchIndexTables(db: Db): readonly string[] {
  return backendOf(db) === 'postgres' ? [] : FTS_TABLES;
}

/** Runs a statement, turning an FTS5 complaint (which our parser should prevent) into a sentence. */
export async function runSearchStatement<R>(db: Db, query: RawBuilder<R>): Promise<R[]> {
  if (backendOf(db) === 'postgres') throw notYetOnPostgres('Full-text search');
  try {
    return (await query.execute(db)).rows;
  } catch (error) {
    const message = messageOf(error);
    if (/fts5|syntax error/i.test(message))
      throw new ArchiveError('invalid-input', `search: this query cannot be run (${message})`);
    throw error;
  }
}

/**
 * Makes this connection's FTS5 tables forget what they cached of their index structure if
 * another connection has written since. FTS5 keeps the structure between transactions and
 * checks it is current only when a statement opens a cursor on the table or writes to it;
 * `PRAGMA integrity_check` does neither, so after another process merged index segments it
 * read blobs that were gone and reported "fts5: corruption found reading blob …" in a
 * sound archive. Run inside the same read transaction as the integrity check.
 */
export async function refreshSearchIndexCaches(db: Db): Promise<void> {
  for (const table of searchIndexTables(db)) await sql.raw(`SELECT rowid FROM ${table} LIMIT 1`).execute(db);
}

/** Rebuilds every search index from its view; returns the indexes' names. */
export async function rebuildSearchIndexTables(trx: Trx): Promise<string[]> {
  if (backendOf(trx) === 'postgres') throw notYetOnPostgres('Rebuilding the search indexes');
  for (const table of FTS_TABLES) await sql.raw(`INSERT INTO ${table} (${table}) VALUES ('rebuild')`).execute(trx);
  return [...FTS_TABLES];
}
