/**
 * Collections as the app's collection builder sees them: by id, saved whole (title,
 * introduction and order at once). Built on the same tables as collections.ts; a new
 * collection's name is its title, made unique. Deleted quotes keep their place in the
 * table (collections.ts) but are left out of `quoteIds`; saving keeps them, after the rest.
 */
import type { Kysely } from 'kysely';
import type { Archive } from '../archive.js';
import { recordHistory } from '../custody.js';
import type { Database } from '../db/schema.js';
import { ArchiveError } from '../errors.js';
import { MAX_COLLECTION_NAME, MAX_INTRODUCTION, MAX_TITLE, normalizeCollectionName } from './collections.js';

type Db = Kysely<Database>;

export interface WholeCollection {
  id: number;
  title: string;
  introduction: string;
  /** Its live quotes in order. */
  quoteIds: number[];
  updatedAt: string;
}

export interface CollectionOutline {
  id: number;
  title: string;
  quoteCount: number;
  updatedAt: string;
}

export interface WholeCollectionInput {
  /** Absent: a new collection. */
  id?: number;
  title: string;
  introduction: string;
  quoteIds: readonly number[];
}

/** Every collection, by title, with how many live quotes it holds. */
export async function listCollectionOutlines(db: Db): Promise<CollectionOutline[]> {
  const rows = await db
    .selectFrom('collections')
    .leftJoin('collection_items', 'collection_items.collection_id', 'collections.id')
    .leftJoin('quotes', (join) => join.onRef('quotes.id', '=', 'collection_items.quote_id').on('quotes.deleted_at', 'is', null))
    .select(['collections.id', 'collections.title', 'collections.updated_at', (eb) => eb.fn.count<number>('quotes.id').as('count')])
    .groupBy('collections.id')
    .orderBy('collections.title')
    .execute();
  return rows.map((r) => ({ id: r.id, title: r.title, quoteCount: Number(r.count), updatedAt: r.updated_at }));
}

async function itemsOf(db: Db, id: number): Promise<{ quote_id: number; deleted: boolean }[]> {
  const rows = await db
    .selectFrom('collection_items')
    .innerJoin('quotes', 'quotes.id', 'collection_items.quote_id')
    .select(['collection_items.quote_id', 'quotes.deleted_at'])
    .where('collection_items.collection_id', '=', id)
    .orderBy('collection_items.position')
    .execute();
  return rows.map((r) => ({ quote_id: r.quote_id, deleted: r.deleted_at !== null }));
}

/** One collection with its live quotes in order; throws not-found. */
export async function getCollectionById(db: Db, id: number): Promise<WholeCollection> {
  const row = await db.selectFrom('collections').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new ArchiveError('not-found', `collection ${id}: no such collection`);
  const items = await itemsOf(db, id);
  return {
    id: row.id,
    title: row.title,
    introduction: row.introduction ?? '',
    quoteIds: items.filter((i) => !i.deleted).map((i) => i.quote_id),
    updatedAt: row.updated_at,
  };
}

async function uniqueName(db: Db, title: string): Promise<string> {
  const base = normalizeCollectionName(title.slice(0, MAX_COLLECTION_NAME - 6));
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base} (${n})`;
    const taken = await db.selectFrom('collections').select('id').where('name', '=', name).executeTakeFirst();
    if (!taken) return name;
  }
}

/** Creates (no id) or replaces a collection's title, introduction and order, in one transaction. */
export async function saveWholeCollection(archive: Archive, input: WholeCollectionInput): Promise<WholeCollection> {
  const title = input.title.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (title === '') throw new ArchiveError('invalid-input', 'title: a collection needs a title');
  if (title.length > MAX_TITLE) throw new ArchiveError('invalid-input', `title: longer than ${MAX_TITLE} characters`);
  const introduction = input.introduction.replace(/\r\n?/g, '\n').trim();
  if (introduction.length > MAX_INTRODUCTION) throw new ArchiveError('invalid-input', `introduction: longer than ${MAX_INTRODUCTION} characters`);
  const seen = new Set<number>();
  for (const id of input.quoteIds) {
    if (seen.has(id)) throw new ArchiveError('invalid-input', `quote ${id}: listed twice in the collection`);
    seen.add(id);
  }
  return archive.db.transaction().execute(async (trx) => {
    for (const quoteId of input.quoteIds) {
      const quote = await trx.selectFrom('quotes').select(['id', 'deleted_at']).where('id', '=', quoteId).executeTakeFirst();
      if (!quote || quote.deleted_at !== null) throw new ArchiveError('not-found', `quote ${quoteId}: no such quote`);
    }
    const now = new Date().toISOString();
    let id = input.id;
    let before: WholeCollection | null = null;
    let keptDeleted: number[] = [];
    if (id === undefined) {
      const row = await trx
        .insertInto('collections')
        .values({ name: await uniqueName(trx, title), title, introduction: introduction || null, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = row.id;
    } else {
      before = await getCollectionById(trx, id);
      keptDeleted = (await itemsOf(trx, id)).filter((i) => i.deleted && !seen.has(i.quote_id)).map((i) => i.quote_id);
      await trx.updateTable('collections').set({ title, introduction: introduction || null, updated_at: now }).where('id', '=', id).execute();
      await trx.deleteFrom('collection_items').where('collection_id', '=', id).execute();
    }
    const collectionId = id;
    const order = [...input.quoteIds, ...keptDeleted];
    if (order.length) {
      await trx
        .insertInto('collection_items')
        .values(order.map((quoteId, i) => ({ collection_id: collectionId, quote_id: quoteId, position: i + 1, added_at: now })))
        .execute();
    }
    await recordHistory(trx, {
      action: before ? 'collection-edit' : 'collection-create',
      subject: `collection:${collectionId}`,
      details: before
        ? { from: { title: before.title, introduction: before.introduction, quoteIds: before.quoteIds }, to: { title, introduction, quoteIds: [...input.quoteIds] } }
        : { title, introduction, quoteIds: [...input.quoteIds] },
    });
    return getCollectionById(trx, collectionId);
  });
}

/** Deletes a collection by id (its quotes stay). */
export async function deleteCollectionById(archive: Archive, id: number): Promise<void> {
  await archive.db.transaction().execute(async (trx) => {
    const before = await getCollectionById(trx, id);
    await trx.deleteFrom('collection_items').where('collection_id', '=', id).execute();
    await trx.deleteFrom('collections').where('id', '=', id).execute();
    await recordHistory(trx, { action: 'collection-delete', subject: `collection:${id}`, details: { title: before.title, introduction: before.introduction, quoteIds: before.quoteIds } });
  });
}
