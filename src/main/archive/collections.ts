/**
 * The collections repository: named, ordered lists of quotes with a title and an
 * introduction, saved whole (the renderer's collection builder saves title, introduction
 * and order at once). Each change is one transaction with its custody entry.
 */
import type { Kysely } from 'kysely';
import type { Archive } from './archive.js';
import { recordHistory } from './custody.js';
import type { Database } from './db/schema.js';
import { ArchiveError } from './errors.js';

export interface CollectionRecord {
  id: number;
  title: string;
  introduction: string;
  /** Its quotes in order (deleted quotes left out). */
  quoteIds: number[];
  updatedAt: string;
}

export interface CollectionListEntry {
  id: number;
  title: string;
  quoteCount: number;
  updatedAt: string;
}

export interface CollectionInput {
  /** Absent: a new collection. */
  id?: number;
  title: string;
  introduction: string;
  quoteIds: readonly number[];
}

type Db = Kysely<Database>;

/** Every collection, by title, with how many live quotes it holds. */
export async function listCollections(db: Db): Promise<CollectionListEntry[]> {
  const rows = await db
    .selectFrom('collections')
    .leftJoin('collection_quotes', 'collection_quotes.collection_id', 'collections.id')
    .leftJoin('quotes', (join) => join.onRef('quotes.id', '=', 'collection_quotes.quote_id').on('quotes.deleted_at', 'is', null))
    .select(['collections.id', 'collections.title', 'collections.updated_at', (eb) => eb.fn.count<number>('quotes.id').as('count')])
    .groupBy('collections.id')
    .orderBy('collections.title')
    .execute();
  return rows.map((r) => ({ id: r.id, title: r.title, quoteCount: Number(r.count), updatedAt: r.updated_at }));
}

/** One collection with its quotes in order; throws not-found. */
export async function getCollection(db: Db, id: number): Promise<CollectionRecord> {
  const row = await db.selectFrom('collections').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new ArchiveError('not-found', `collection ${id}: no such collection`);
  const items = await db
    .selectFrom('collection_quotes')
    .innerJoin('quotes', 'quotes.id', 'collection_quotes.quote_id')
    .select('collection_quotes.quote_id')
    .where('collection_quotes.collection_id', '=', id)
    .where('quotes.deleted_at', 'is', null)
    .orderBy('collection_quotes.position')
    .execute();
  return { id: row.id, title: row.title, introduction: row.introduction, quoteIds: items.map((i) => i.quote_id), updatedAt: row.updated_at };
}

/** Creates a collection (no id) or replaces one's title, introduction and order. */
export async function saveCollection(archive: Archive, input: CollectionInput): Promise<CollectionRecord> {
  const title = input.title.trim();
  if (title === '') throw new ArchiveError('invalid-input', 'title: a collection needs a title');
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
    let before: CollectionRecord | null = null;
    if (id === undefined) {
      const row = await trx
        .insertInto('collections')
        .values({ title, introduction: input.introduction, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = row.id;
    } else {
      before = await getCollection(trx, id);
      await trx.updateTable('collections').set({ title, introduction: input.introduction, updated_at: now }).where('id', '=', id).execute();
      await trx.deleteFrom('collection_quotes').where('collection_id', '=', id).execute();
    }
    const collectionId = id;
    if (input.quoteIds.length) {
      await trx
        .insertInto('collection_quotes')
        .values(input.quoteIds.map((quoteId, position) => ({ collection_id: collectionId, quote_id: quoteId, position })))
        .execute();
    }
    await recordHistory(trx, {
      action: before ? 'collection-edit' : 'collection-create',
      subject: `collection:${collectionId}`,
      details: before
        ? { from: { title: before.title, introduction: before.introduction, quoteIds: before.quoteIds }, to: { title, introduction: input.introduction, quoteIds: [...input.quoteIds] } }
        : { title, introduction: input.introduction, quoteIds: [...input.quoteIds] },
    });
    return getCollection(trx, collectionId);
  });
}

/** Deletes a collection (its quotes stay). */
export async function deleteCollection(archive: Archive, id: number): Promise<void> {
  await archive.db.transaction().execute(async (trx) => {
    const before = await getCollection(trx, id);
    await trx.deleteFrom('collections').where('id', '=', id).execute();
    await recordHistory(trx, { action: 'collection-delete', subject: `collection:${id}`, details: { title: before.title, introduction: before.introduction, quoteIds: before.quoteIds } });
  });
}
