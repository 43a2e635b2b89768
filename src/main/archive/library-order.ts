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
import type { LibraryFilter, LibrarySort } from '../../shared/library-query.js';
import type { Db } from './db/repos/db.js';
import { changeToken, idsInSqlOrder, listLiveDocumentNames, sortValuesOf } from './db/repos/library/order-sql.js';
import { liveVersionGroups } from './db/repos/library/versions-sql.js';
import { compareKeys, foldText, sortKey } from './library-text.js';
import { collapseVersions } from './library-versions.js';

/** Queries remembered per archive: a few sorts and the last filters typed. */
const MAX_CACHED = 8;

/**
 * Values read from an archive, each kept (at most MAX_CACHED per archive, least recently
 * used first out) while the change token it was read at still holds.
 */
class TokenCache<T> {
  private readonly byArchive = new WeakMap<Db, Map<string, { token: string; value: T }>>();

  async get(db: Db, key: string, token: string, read: () => Promise<T>): Promise<T> {
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

/** Columns whose order is the reading order of their text, sorted here rather than by SQLite. */
const TEXT_KEYS: ReadonlySet<LibrarySort['key']> = new Set(['title', 'authors', 'tags']);

/** The ascending text orders read lately: both directions come from one sort. */
const textOrders = new TokenCache<{ ids: number[]; valued: number }>();

/**
 * Orders the passing rows by the reading order of the key's value, ascending: those with
 * text by its key, ties by id; those without text last, by id. `valued` says where they begin.
 */
async function textOrderAsc(
  db: Db,
  token: string,
  key: LibrarySort['key'],
  filter: LibraryFilter,
): Promise<{ ids: number[]; valued: number }> {
  return textOrders.get(db, JSON.stringify([key, filter]), token, async () => {
    const pairs = await sortValuesOf(db, key, filter);
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
function haystacksOf(db: Db, token: string): Promise<Map<number, Haystack>> {
  return haystacks.get(db, '', token, async () => {
    const byId = new Map<number, Haystack>();
    for (const { id, title, fileName, authors: names } of await listLiveDocumentNames(db)) {
      const authors = foldText(names.join('\n'));
      byId.set(id, { all: `${foldText(title)}\n${foldText(fileName)}\n${authors}`, authors });
    }
    return byId;
  });
}

/**
 * Reads the quick filter's folded text ahead of the first keystroke (about 0.4 s for
 * 100,000 documents), so typing starts at full speed. Harmless to call again.
 */
export async function warmLibraryText(db: Db): Promise<void> {
  await haystacksOf(db, await changeToken(db));
}

/** The filter's words: each must stand somewhere in the title, authors or file name. */
function filterWords(filter: LibraryFilter): string[] {
  return (filter.text ?? '')
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
}

/** The words and author of a filter, folded; null when it has neither. */
function textNeedles(filter: LibraryFilter): { words: string[]; author: string } | null {
  const words = filterWords(filter).map(foldText);
  const author = foldText((filter.author ?? '').trim());
  return words.length || author ? { words, author } : null;
}

/** The passing ids in `sort`'s order: text columns by reading order, the others as SQLite orders them. */
async function readIds(db: Db, token: string, sort: LibrarySort, filter: LibraryFilter): Promise<number[]> {
  if (!TEXT_KEYS.has(sort.key)) return idsInSqlOrder(db, sort, filter);
  const asc = await textOrderAsc(db, token, sort.key, filter);
  if (sort.direction === 'asc') return asc.ids;
  // (key, id) is a total order, so descending is ascending reversed, empty values still last.
  return asc.ids.slice(0, asc.valued).reverse().concat(asc.ids.slice(asc.valued).reverse());
}

/** The live documents passing `filter`, in `sort`'s order (kept while the archive is unchanged). */
export async function orderedIds(db: Db, sort: LibrarySort, filter: LibraryFilter): Promise<readonly number[]> {
  return orderedIdsAt(db, await changeToken(db), sort, filter);
}

/** The live documents in a group of versions, with their group, per archive. */
const versionGroups = new TokenCache<Map<number, number>>();
/** The library's rows per query: versions of one text collapsed into one (library-versions.ts). */
const rowOrders = new TokenCache<readonly number[]>();

/** The library's rows passing `filter` in `sort`'s order: each group of versions once. */
export async function orderedRows(db: Db, sort: LibrarySort, filter: LibraryFilter): Promise<readonly number[]> {
  const token = await changeToken(db);
  return rowOrders.get(db, JSON.stringify([sort.key, sort.direction, filter]), token, async () => {
    const groups = await versionGroups.get(db, '', token, () => liveVersionGroups(db));
    return collapseVersions(await orderedIdsAt(db, token, sort, filter), groups);
  });
}

function orderedIdsAt(db: Db, token: string, sort: LibrarySort, filter: LibraryFilter): Promise<readonly number[]> {
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
