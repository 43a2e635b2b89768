/**
 * The collections repository: named, ordered lists of quotes with a title and an
 * introduction, the unit an investigator exports. Every change is one transaction with
 * its custody entry. Items point at quotes: a deleted quote keeps its place (shown as
 * deleted, left out of exports) until it is restored or taken out by hand; a quote that
 * leaves the archive for good (its document purged from the trash) is taken out of its
 * collections with a custody entry each (releaseFromCollections).
 */
import type { CollectionItem, CollectionRecord, CollectionSummary } from '../../../shared/collection.js';
import type { Archive } from '../archive.js';
import { recordHistory } from '../custody.js';
import type { Db, Trx } from '../db/repos/db.js';
import { deleteItem, deleteItems, insertItems, listItemRows } from '../db/repos/collection-items.js';
import {
  deleteCollectionRow,
  findCollection,
  findCollectionById,
  insertCollectionRow,
  listCollectionRows,
  rowToCollection,
  updateCollectionRow,
  type CollectionRow,
} from '../db/repos/collections.js';
import { ArchiveError } from '../errors.js';
import { cleanMultilineText } from '../clean-text.js';
import { checkQuotes, orderOf, positions, renumber, touch } from './collection-order.js';

export { releaseFromCollections } from './release.js';
import { toRecords } from '../quotes/quotes.js';

export const MAX_COLLECTION_NAME = 200;
export const MAX_TITLE = 500;
export const MAX_INTRODUCTION = 100_000;

export interface NewCollection {
  name: string;
  /** The heading of its exports; the name when not given. */
  title?: string;
  introduction?: string | null;
}

export interface CollectionPatch {
  /** A new name. */
  name?: string;
  title?: string;
  /** null or "" clears it. */
  introduction?: string | null;
}

/** The tidy form of a collection name (NFC, single spaces); throws invalid-input. */
export function normalizeCollectionName(raw: string): string {
  const name = raw.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (name === '') throw new ArchiveError('invalid-input', 'collection: the name is empty');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name))
    throw new ArchiveError('invalid-input', `collection "${raw}": control characters are not allowed in a name`);
  if (name.length > MAX_COLLECTION_NAME)
    throw new ArchiveError(
      'invalid-input',
      `collection "${name.slice(0, 40)}…": a name is at most ${MAX_COLLECTION_NAME} characters`,
    );
  return name;
}

function cleanTitle(raw: string): string {
  const title = raw.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (title === '') throw new ArchiveError('invalid-input', 'title: must not be empty');
  if (title.length > MAX_TITLE) throw new ArchiveError('invalid-input', `title: longer than ${MAX_TITLE} characters`);
  return title;
}

function cleanIntroduction(raw: string | null | undefined): string | null {
  if (raw === undefined || raw === null) return null;
  const text = cleanMultilineText(raw);
  if (text.length > MAX_INTRODUCTION)
    throw new ArchiveError('invalid-input', `introduction: longer than ${MAX_INTRODUCTION} characters`);
  return text === '' ? null : text;
}

async function requireCollection(db: Db, raw: string): Promise<CollectionRow> {
  const name = normalizeCollectionName(raw);
  const row = await findCollection(db, name);
  if (!row)
    throw new ArchiveError(
      'not-found',
      `collection "${name}": no such collection (exhibit collection list shows them)`,
    );
  return row;
}

async function recordOf(db: Db, row: CollectionRow): Promise<CollectionRecord> {
  const items = await listItemRows(db, row.id);
  const records = await toRecords(
    db,
    items.map(({ position: _p, document_title: _t, document_deleted_at: _d, ...quote }) => quote),
  );
  const list: CollectionItem[] = items.map((item, i) => ({
    position: item.position,
    quote: records[i] as CollectionItem['quote'],
    documentTitle: item.document_title,
    documentTrashed: item.document_deleted_at !== null,
  }));
  return { ...rowToCollection(row, list.length), items: list };
}

/** Every collection, by name, with how many quotes each holds. */
export async function listCollections(db: Db): Promise<CollectionSummary[]> {
  const rows = await listCollectionRows(db);
  return rows.map(({ row, count }) => rowToCollection(row, count));
}

/** A collection with its quotes in order; throws not-found. */
export async function getCollection(db: Db, name: string): Promise<CollectionRecord> {
  return recordOf(db, await requireCollection(db, name));
}

/** Inserts a collection in the caller's transaction, with its custody entry. */
async function insertCollection(
  trx: Trx,
  name: string,
  title: string,
  introduction: string | null,
): Promise<CollectionRow> {
  const clash = await findCollection(trx, name);
  if (clash) throw new ArchiveError('conflict', `collection "${clash.name}": already exists`);
  const now = new Date().toISOString();
  const row = await insertCollectionRow(trx, { name, title, introduction }, now);
  await recordHistory(trx, {
    action: 'collection-create',
    subject: `collection:${row.id}`,
    details: { name, title, introduction },
  });
  return row;
}

/** Makes a new, empty collection. */
export async function createCollection(archive: Archive, input: NewCollection): Promise<CollectionRecord> {
  const name = normalizeCollectionName(input.name);
  const title = cleanTitle(input.title ?? name);
  const introduction = cleanIntroduction(input.introduction);
  return archive.db
    .transaction()
    .execute(async (trx) => recordOf(trx, await insertCollection(trx, name, title, introduction)));
}

/** Applies cleaned changes to `before` in the caller's transaction; one custody entry if anything changed. */
async function applyEdit(
  trx: Trx,
  before: CollectionRow,
  patch: { name?: string | undefined; title?: string | undefined; introduction?: string | null | undefined },
): Promise<CollectionRow> {
  const { name, title, introduction } = patch;
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  if (name !== undefined && name !== before.name) {
    const clash = await findCollection(trx, name);
    if (clash && clash.id !== before.id)
      throw new ArchiveError('conflict', `collection "${clash.name}": already exists`);
    changes['name'] = { from: before.name, to: name };
  }
  if (title !== undefined && title !== before.title) changes['title'] = { from: before.title, to: title };
  if (introduction !== undefined && introduction !== before.introduction)
    changes['introduction'] = { from: before.introduction, to: introduction };
  if (Object.keys(changes).length === 0) return before;
  const after = await updateCollectionRow(
    trx,
    before.id,
    {
      ...(changes['name'] && name !== undefined ? { name } : {}),
      ...(changes['title'] && title !== undefined ? { title } : {}),
      ...(changes['introduction'] && introduction !== undefined ? { introduction } : {}),
    },
    new Date().toISOString(),
  );
  await recordHistory(trx, {
    action: 'collection-edit',
    subject: `collection:${before.id}`,
    details: { name: after.name, changes },
  });
  return after;
}

/** Renames a collection or changes its title or introduction. */
export async function editCollection(
  archive: Archive,
  rawName: string,
  patch: CollectionPatch,
): Promise<CollectionRecord> {
  const name = patch.name === undefined ? undefined : normalizeCollectionName(patch.name);
  const title = patch.title === undefined ? undefined : cleanTitle(patch.title);
  const introduction = patch.introduction === undefined ? undefined : cleanIntroduction(patch.introduction);
  return archive.db.transaction().execute(async (trx) => {
    const before = await requireCollection(trx, rawName);
    return recordOf(trx, await applyEdit(trx, before, { name, title, introduction }));
  });
}

/** Deletes a collection (its quotes stay in the archive); the custody entry keeps its order. */
export async function deleteCollection(archive: Archive, rawName: string): Promise<{ name: string; quotes: number }> {
  return archive.db.transaction().execute(async (trx) => {
    const row = await requireCollection(trx, rawName);
    const quoteIds = await orderOf(trx, row.id);
    await deleteCollectionRow(trx, row.id);
    await recordHistory(trx, {
      action: 'collection-delete',
      subject: `collection:${row.id}`,
      details: { name: row.name, title: row.title, introduction: row.introduction, quoteIds },
    });
    return { name: row.name, quotes: quoteIds.length };
  });
}

/**
 * Adds quotes to a collection, in the order given, at the end or from `position`
 * (1-based) on. A quote already in it, unknown or deleted is refused, naming each.
 */
export async function addToCollection(
  archive: Archive,
  rawName: string,
  quoteIds: readonly number[],
  position?: number,
): Promise<CollectionRecord> {
  if (quoteIds.length === 0) throw new ArchiveError('invalid-input', 'collection add: give at least one quote id');
  const repeated = quoteIds.filter((id, i) => quoteIds.indexOf(id) !== i);
  if (repeated.length) throw new ArchiveError('invalid-input', `quote ${repeated[0]}: given twice`);
  return archive.db.transaction().execute(async (trx) => {
    const row = await requireCollection(trx, rawName);
    await checkQuotes(trx, quoteIds);
    const before = await orderOf(trx, row.id);
    const present = quoteIds.filter((id) => before.includes(id));
    if (present.length) {
      const where = present.map((id) => `quote ${id} at position ${before.indexOf(id) + 1}`).join(', ');
      throw new ArchiveError(
        'conflict',
        `collection "${row.name}": already holds ${where} (exhibit collection move changes the order)`,
      );
    }
    const at = position ?? before.length + 1;
    if (!Number.isInteger(at) || at < 1 || at > before.length + 1) {
      throw new ArchiveError(
        'invalid-input',
        `position ${at}: collection "${row.name}" has ${before.length} quote(s); give 1 to ${before.length + 1}`,
      );
    }
    const order = [...before.slice(0, at - 1), ...quoteIds, ...before.slice(at - 1)];
    const now = new Date().toISOString();
    await insertItems(
      trx,
      row.id,
      quoteIds.map((quoteId) => ({ quoteId, position: order.indexOf(quoteId) + 1 })),
      now,
    );
    await renumber(
      trx,
      row.id,
      order,
      new Map([...positions(before), ...quoteIds.map((id): [number, number] => [id, order.indexOf(id) + 1])]),
    );
    await touch(trx, row.id);
    await recordHistory(trx, {
      action: 'collection-add',
      subject: `collection:${row.id}`,
      details: { name: row.name, quoteIds: [...quoteIds], position: at },
    });
    return recordOf(trx, row);
  });
}

/** Takes a quote out of a collection (the quote itself stays in the archive). */
export async function removeFromCollection(
  archive: Archive,
  rawName: string,
  quoteId: number,
): Promise<CollectionRecord> {
  return archive.db.transaction().execute(async (trx) => {
    const row = await requireCollection(trx, rawName);
    const before = await orderOf(trx, row.id);
    const index = before.indexOf(quoteId);
    if (index < 0) throw new ArchiveError('not-found', `quote ${quoteId}: not in collection "${row.name}"`);
    await deleteItem(trx, row.id, quoteId);
    const order = before.filter((id) => id !== quoteId);
    await renumber(trx, row.id, order, positions(before));
    await touch(trx, row.id);
    await recordHistory(trx, {
      action: 'collection-remove',
      subject: `collection:${row.id}`,
      details: { name: row.name, quoteId, position: index + 1 },
    });
    return recordOf(trx, row);
  });
}

/** Moves a quote to `position` (1-based) in its collection; the others close up around it. */
export async function moveInCollection(
  archive: Archive,
  rawName: string,
  quoteId: number,
  position: number,
): Promise<CollectionRecord> {
  return archive.db.transaction().execute(async (trx) => {
    const row = await requireCollection(trx, rawName);
    const before = await orderOf(trx, row.id);
    const index = before.indexOf(quoteId);
    if (index < 0) throw new ArchiveError('not-found', `quote ${quoteId}: not in collection "${row.name}"`);
    if (!Number.isInteger(position) || position < 1 || position > before.length) {
      throw new ArchiveError(
        'invalid-input',
        `position ${position}: collection "${row.name}" has ${before.length} quote(s); give 1 to ${before.length}`,
      );
    }
    if (position === index + 1) return recordOf(trx, row);
    const order = before.filter((id) => id !== quoteId);
    order.splice(position - 1, 0, quoteId);
    await renumber(trx, row.id, order, positions(before));
    await touch(trx, row.id);
    await recordHistory(trx, {
      action: 'collection-move',
      subject: `collection:${row.id}`,
      details: { name: row.name, quoteId, from: index + 1, to: position },
    });
    return recordOf(trx, row);
  });
}

/** What the app's collection builder shows: a title, an introduction and the quotes in order. */
export interface CollectionDraft {
  /** The collection to overwrite; a new one (named after its title) when absent. */
  id?: number | undefined;
  title: string;
  introduction?: string | null | undefined;
  quoteIds: readonly number[];
}

/**
 * Saves a draft from the collection builder in ONE transaction: creates or edits the
 * collection and brings its items to exactly `quoteIds`, so a failure (an unknown quote,
 * a name taken) leaves the collection as it was. Custody gets the create or edit entry
 * and one "collection-order" entry with the order before and after. Quotes already in
 * the collection may stay even if deleted since (they keep their place); new ones must
 * exist and not be deleted.
 */
export async function saveCollection(archive: Archive, draft: CollectionDraft): Promise<CollectionRecord> {
  const title = cleanTitle(draft.title);
  const introduction = cleanIntroduction(draft.introduction);
  const wanted = [...draft.quoteIds];
  const repeated = wanted.filter((id, i) => wanted.indexOf(id) !== i);
  if (repeated.length) throw new ArchiveError('invalid-input', `quote ${repeated[0]}: given twice`);
  return archive.db.transaction().execute(async (trx) => {
    let row: CollectionRow;
    if (draft.id === undefined) {
      row = await insertCollection(trx, normalizeCollectionName(title), title, introduction);
    } else {
      const found = await findCollectionById(trx, draft.id);
      if (!found) throw new ArchiveError('not-found', `collection ${draft.id}: no such collection`);
      row = await applyEdit(trx, found, { title, introduction });
    }
    const before = await orderOf(trx, row.id);
    await checkQuotes(
      trx,
      wanted.filter((id) => !before.includes(id)),
    );
    if (before.join() === wanted.join()) return recordOf(trx, row);
    const gone = before.filter((id) => !wanted.includes(id));
    if (gone.length) await deleteItems(trx, row.id, gone);
    const added = wanted.filter((id) => !before.includes(id));
    const now = new Date().toISOString();
    if (added.length) {
      await insertItems(
        trx,
        row.id,
        added.map((quoteId) => ({ quoteId, position: wanted.indexOf(quoteId) + 1 })),
        now,
      );
    }
    const current = new Map([
      ...positions(before),
      ...added.map((id): [number, number] => [id, wanted.indexOf(id) + 1]),
    ]);
    await renumber(trx, row.id, wanted, current);
    await touch(trx, row.id);
    await recordHistory(trx, {
      action: 'collection-order',
      subject: `collection:${row.id}`,
      details: { name: row.name, from: before, to: wanted },
    });
    const after = await findCollectionById(trx, row.id);
    if (!after) throw new ArchiveError('not-found', `collection ${row.id}: no such collection`);
    return recordOf(trx, after);
  });
}
