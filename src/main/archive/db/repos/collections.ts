/**
 * The collections table: named, ordered lists of quotes. Their items (collection_items)
 * are in collection-items.ts.
 */
import type { Selectable } from 'kysely';
import type { CollectionSummary } from '../../../../shared/collection.js';
import type { CollectionsTable } from '../schema.js';
import type { Db, Trx } from './db.js';

export type CollectionRow = Selectable<CollectionsTable>;

/** A row as a list shows it, with how many quotes the collection holds. */
export function rowToCollection(row: CollectionRow, quotes: number): CollectionSummary {
  return {
    id: row.id,
    name: row.name,
    title: row.title,
    introduction: row.introduction,
    quotes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function findCollection(db: Db, name: string): Promise<CollectionRow | undefined> {
  return db.selectFrom('collections').selectAll().where('name', '=', name).executeTakeFirst();
}

export async function findCollectionById(db: Db, id: number): Promise<CollectionRow | undefined> {
  return db.selectFrom('collections').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A collection's name; undefined when there is no such collection. */
export async function findCollectionName(db: Db, id: number): Promise<string | undefined> {
  const row = await db.selectFrom('collections').select('name').where('id', '=', id).executeTakeFirst();
  return row?.name;
}

/** Every collection by name, with how many items each holds. */
export async function listCollectionRows(db: Db): Promise<{ row: CollectionRow; count: number }[]> {
  const rows = await db
    .selectFrom('collections')
    .leftJoin('collection_items', 'collection_items.collection_id', 'collections.id')
    .selectAll('collections')
    .select((eb) => eb.fn.count<number>('collection_items.quote_id').as('count'))
    .groupBy('collections.id')
    .orderBy('collections.name')
    .execute();
  return rows.map(({ count, ...row }) => ({ row, count: Number(count) }));
}

/** Inserts a collection created and updated `now`. */
export async function insertCollectionRow(
  trx: Trx,
  values: { name: string; title: string; introduction: string | null },
  now: string,
): Promise<CollectionRow> {
  return trx
    .insertInto('collections')
    .values({ ...values, created_at: now, updated_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Sets some of a collection's name, title and introduction and its updated_at; returns the row after. */
export async function updateCollectionRow(
  trx: Trx,
  id: number,
  changes: { name?: string; title?: string; introduction?: string | null },
  now: string,
): Promise<CollectionRow> {
  return trx
    .updateTable('collections')
    .set({ ...changes, updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Marks a collection changed now (its items moved). */
export async function touchCollection(trx: Trx, id: number): Promise<void> {
  await trx.updateTable('collections').set({ updated_at: new Date().toISOString() }).where('id', '=', id).execute();
}

export async function deleteCollectionRow(trx: Trx, id: number): Promise<void> {
  await trx.deleteFrom('collections').where('id', '=', id).execute();
}
