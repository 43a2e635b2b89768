/**
 * The ordered ids of the live documents that pass a library filter, kept while the
 * archive is unchanged. Reading every passing id in order is one indexed scan (or one
 * sort, for the computed columns); every later window of the same query is then a slice,
 * so scrolling to row 50,000 costs what scrolling to row 50 does.
 *
 * The cache is keyed by query and checked against SQLite's own change counters: this
 * connection's total_changes() moves with every write made through it, and data_version
 * with every write another process (the CLI) commits to the file.
 *
 * Text is compared as a reader would (library-text.ts), which SQLite cannot do without
 * ICU: text columns are sorted here by folded keys, and the filter's words and author
 * narrow the cached order of the other filters by folded matching.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { LibraryFilter, LibrarySort } from '../../shared/library-query.js';
import type { Database } from './db/schema.js';
import { filterWords, libraryConditions, scanBeatsOrderIndex } from './library-filter-sql.js';
import { compareKeys, foldText, sortKey } from './library-text.js';

/** Queries remembered per archive: a few sorts and the last filters typed. */
const MAX_CACHED = 8;

/**
 * Values read from an archive, each kept (at most MAX_CACHED per archive, least recently
 * used first out) while the change token it was read at still holds.
 */
class TokenCache<T> {
  private readonly byArchive = new WeakMap<Kysely<Database>, Map<string, { token: string; value: T }>>();

  async get(db: Kysely<Database>, key: string, token: string, read: () => Promise<T>): Promise<T> {
    let held = this.byArchive.get(db);
    if (!held) this.byArchive.set(db, (held = new Map()));
    const hit = held.get(key);
    held.delete(key);
    if (hit && hit.token === token) {
      held.set(key, hit);
      return hit.value;
    }
    const value = await read();
    held.set(key, { token, value });
    while (held.size > MAX_CACHED) {
      const oldest = held.keys().next().value;
      if (oldest === undefined) break;
      held.delete(oldest);
    }
    return value;
  }
}

/** The ordered ids per query. */
const orders = new TokenCache<readonly number[]>();

interface SortSql {
  /** What rows are ordered by. */
  value: RawBuilder<unknown>;
  /** Rows with a value, ordered by it; the others (no date, no authors, no tags) go last by id. Null when every row has one. */
  present: RawBuilder<unknown> | null;
}

/** A single author's name, or the names joined with "; " (as the table shows them). */
const authorText = sql`(CASE WHEN d.authors NOT LIKE '%","%' THEN d.authors ->> '$[0]' ELSE (SELECT group_concat(a.value, '; ') FROM json_each(d.authors) a) END)`;

function sortSql(key: LibrarySort['key']): SortSql {
  switch (key) {
    case 'title':
      return { value: sql`d.title COLLATE NOCASE`, present: sql`d.title <> ''` };
    case 'type':
      return { value: sql`d.type`, present: null };
    case 'authors':
      return { value: sql`${authorText} COLLATE NOCASE`, present: sql`d.authors <> '[]'` };
    case 'date':
      return { value: sql`d.date`, present: sql`d.date IS NOT NULL` };
    case 'tags':
      return {
        value: sql`(SELECT group_concat(n, ', ') FROM (SELECT t.name AS n FROM document_tags dt JOIN tags t ON t.id = dt.tag_id WHERE dt.document_id = d.id ORDER BY t.name)) COLLATE NOCASE`,
        present: sql`d.id IN (SELECT document_id FROM document_tags)`,
      };
    case 'quotes':
      return {
        value: sql`(SELECT count(*) FROM quotes q WHERE q.document_id = d.id AND q.deleted_at IS NULL)`,
        present: null,
      };
  }
}

/** Columns whose order is the reading order of their text, sorted here rather than by SQLite. */
const TEXT_KEYS: ReadonlySet<LibrarySort['key']> = new Set(['title', 'authors', 'tags']);

/** The ascending text orders read lately: both directions come from one sort. */
const textOrders = new TokenCache<{ ids: number[]; valued: number }>();

/**
 * Orders `select`'s rows (id, v) by the reading order of v, ascending: those with text by
 * its key, ties by id; those without text last, by id. `valued` says where they begin.
 */
async function textOrderAsc(
  db: Kysely<Database>,
  token: string,
  key: LibrarySort['key'],
  filter: LibraryFilter,
  select: RawBuilder<unknown>,
): Promise<{ ids: number[]; valued: number }> {
  return textOrders.get(db, JSON.stringify([key, filter]), token, async () => {
    const result = await sql<{
      rows: string | null;
    }>`SELECT json_group_array(json_array(id, v)) AS rows FROM (${select})`.execute(db);
    const pairs = JSON.parse(result.rows[0]?.rows ?? '[]') as [number, string | null][];
    const valued: { id: number; key: string }[] = [];
    const empty: number[] = [];
    for (const [id, v] of pairs) {
      if (v === null || v === '') empty.push(id);
      else valued.push({ id, key: sortKey(v) });
    }
    valued.sort((a, b) => compareKeys(a.key, b.key) || a.id - b.id);
    empty.sort((a, b) => a - b);
    return { ids: valued.map((r) => r.id).concat(empty), valued: valued.length };
  });
}

interface Haystack {
  /** Title, file name and authors, folded. */
  all: string;
  /** The authors, folded, one per line. */
  authors: string;
}

/** Every live document's folded text, one entry per archive. */
const haystacks = new TokenCache<Map<number, Haystack>>();

/** Every live document's folded text for the quick filter, kept while the archive is unchanged. */
function haystacksOf(db: Kysely<Database>, token: string): Promise<Map<number, Haystack>> {
  return haystacks.get(db, '', token, async () => {
    const result = await sql<{ rows: string | null }>`
      SELECT json_group_array(json_array(id, title, file_name, authors)) AS rows FROM documents WHERE deleted_at IS NULL`.execute(
      db,
    );
    const rows = JSON.parse(result.rows[0]?.rows ?? '[]') as [number, string, string, string][];
    const byId = new Map<number, Haystack>();
    for (const [id, title, fileName, authorsJson] of rows) {
      const parsed: unknown = JSON.parse(authorsJson);
      const authors = foldText(Array.isArray(parsed) ? parsed.map(String).join('\n') : '');
      byId.set(id, { all: `${foldText(title)}\n${foldText(fileName)}\n${authors}`, authors });
    }
    return byId;
  });
}

/**
 * Reads the quick filter's folded text ahead of the first keystroke (about 0.4 s for
 * 100,000 documents), so typing starts at full speed. Harmless to call again.
 */
export async function warmLibraryText(db: Kysely<Database>): Promise<void> {
  await haystacksOf(db, await changeToken(db));
}

/** The words and author of a filter, folded; null when it has neither. */
function textNeedles(filter: LibraryFilter): { words: string[]; author: string } | null {
  const words = filterWords(filter).map(foldText);
  const author = foldText((filter.author ?? '').trim());
  return words.length || author ? { words, author } : null;
}

async function changeToken(db: Kysely<Database>): Promise<string> {
  const result = await sql<{ changes: number; version: number }>`
    SELECT total_changes() AS changes, (SELECT data_version FROM pragma_data_version) AS version`.execute(db);
  const row = result.rows[0];
  return `${row?.changes ?? 0}:${row?.version ?? 0}`;
}

/** The ids a SELECT of `d.id` yields, in its order, as one string (100,000 row objects cost more than the query). */
async function idsOf(db: Kysely<Database>, select: RawBuilder<unknown>): Promise<number[]> {
  const result = await sql<{ ids: string | null }>`SELECT group_concat(id) AS ids FROM (${select})`.execute(db);
  const ids = result.rows[0]?.ids;
  return ids ? ids.split(',').map(Number) : [];
}

/**
 * The passing ids in order: the documents with a value by it, then those without by id,
 * whichever the direction; ties go by id in the sort's direction, so one index serves
 * both directions.
 */
async function readIds(
  db: Kysely<Database>,
  token: string,
  sort: LibrarySort,
  filter: LibraryFilter,
): Promise<number[]> {
  const where = libraryConditions(filter);
  const dir = sort.direction === 'asc' ? sql`ASC` : sql`DESC`;
  const { value, present } = sortSql(sort.key);
  if (TEXT_KEYS.has(sort.key)) {
    const asc = await textOrderAsc(
      db,
      token,
      sort.key,
      filter,
      sql`SELECT d.id AS id, ${value} AS v FROM documents d WHERE ${where}`,
    );
    if (sort.direction === 'asc') return asc.ids;
    // (key, id) is a total order, so descending is ascending reversed, empty values still last.
    return asc.ids.slice(0, asc.valued).reverse().concat(asc.ids.slice(asc.valued).reverse());
  }
  if (scanBeatsOrderIndex(filter)) {
    // One pass over the table; the rows without a value tie on it, so they go by id.
    const last = present ? sql`(NOT (${present})), ` : sql``;
    return idsOf(
      db,
      sql`SELECT d.id FROM documents d NOT INDEXED WHERE ${where} ORDER BY ${last}${value} ${dir}, d.id ${dir}`,
    );
  }
  if (!present)
    return idsOf(db, sql`SELECT d.id FROM documents d WHERE ${where} ORDER BY ${value} ${dir}, d.id ${dir}`);
  // Two walks of the order index: the rows with a value in order, then the others by id.
  const valued = await idsOf(
    db,
    sql`SELECT d.id FROM documents d WHERE ${where} AND ${present} ORDER BY ${value} ${dir}, d.id ${dir}`,
  );
  const empty = await idsOf(
    db,
    sql`SELECT d.id FROM documents d WHERE ${where} AND NOT (${present}) ORDER BY d.id ${dir}`,
  );
  return valued.concat(empty);
}

/** The live documents passing `filter`, in `sort`'s order (kept while the archive is unchanged). */
export async function orderedIds(
  db: Kysely<Database>,
  sort: LibrarySort,
  filter: LibraryFilter,
): Promise<readonly number[]> {
  return orderedIdsAt(db, await changeToken(db), sort, filter);
}

function orderedIdsAt(
  db: Kysely<Database>,
  token: string,
  sort: LibrarySort,
  filter: LibraryFilter,
): Promise<readonly number[]> {
  return orders.get(db, JSON.stringify([sort.key, sort.direction, filter]), token, async () => {
    const needles = textNeedles(filter);
    if (!needles) return readIds(db, token, sort, filter);
    // The other filters' order (cached too), narrowed by folded matching.
    const { text: _text, author: _author, ...rest } = filter;
    const base = await orderedIdsAt(db, token, sort, rest);
    const hay = await haystacksOf(db, token);
    return base.filter((id) => {
      const h = hay.get(id);
      return (
        h !== undefined &&
        needles.words.every((w) => h.all.includes(w)) &&
        (!needles.author || h.authors.includes(needles.author))
      );
    });
  });
}
