/** The items of collections (collection_items): which quotes, at which positions. */
import type { Selectable } from 'kysely';
import type { QuotesTable } from '../schema.js';
import type { Db, Trx } from './db.js';

/** An item's quote row, with its position and its document's title and trash time. */
export type CollectionItemRow = Selectable<QuotesTable> & {
  position: number;
  document_title: string;
  document_deleted_at: string | null;
};

/** A collection's items in order, each with its quote and its document's title. */
export async function listItemRows(db: Db, collectionId: number): Promise<CollectionItemRow[]> {
  return db
    .selectFrom('collection_items')
    .innerJoin('quotes', 'quotes.id', 'collection_items.quote_id')
    .innerJoin('documents', 'documents.id', 'quotes.document_id')
    .selectAll('quotes')
    .select([
      'collection_items.position',
      'documents.title as document_title',
      'documents.deleted_at as document_deleted_at',
    ])
    .where('collection_items.collection_id', '=', collectionId)
    .orderBy('collection_items.position')
    .execute();
}

/** The collection's quote ids in order. */
export async function itemOrder(db: Db, collectionId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('collection_items')
    .select('quote_id')
    .where('collection_id', '=', collectionId)
    .orderBy('position')
    .orderBy('added_at')
    .execute();
  return rows.map((r) => r.quote_id);
}

/** Adds items at their positions, added `now`. */
export async function insertItems(
  trx: Trx,
  collectionId: number,
  items: readonly { quoteId: number; position: number }[],
  now: string,
): Promise<void> {
  await trx
    .insertInto('collection_items')
    .values(
      items.map(({ quoteId, position }) => ({
        collection_id: collectionId,
        quote_id: quoteId,
        position,
        added_at: now,
      })),
    )
    .execute();
}

export async function deleteItem(trx: Trx, collectionId: number, quoteId: number): Promise<void> {
  await trx
    .deleteFrom('collection_items')
    .where('collection_id', '=', collectionId)
    .where('quote_id', '=', quoteId)
    .execute();
}

export async function deleteItems(trx: Trx, collectionId: number, quoteIds: readonly number[]): Promise<void> {
  await trx
    .deleteFrom('collection_items')
    .where('collection_id', '=', collectionId)
    .where('quote_id', 'in', [...quoteIds])
    .execute();
}

export async function setItemPosition(
  trx: Trx,
  collectionId: number,
  quoteId: number,
  position: number,
): Promise<void> {
  await trx
    .updateTable('collection_items')
    .set({ position })
    .where('collection_id', '=', collectionId)
    .where('quote_id', '=', quoteId)
    .execute();
}

/** An item whose quote is of one of the documents asked about. */
export interface ItemOfDocument {
  collectionId: number;
  name: string;
  quoteId: number;
  document_id: number;
  text: string;
  page: number;
  position: number;
}

/** Items whose quotes are of these documents, by collection, then position. */
export async function itemsOfDocuments(db: Db, documentIds: readonly number[]): Promise<ItemOfDocument[]> {
  return db
    .selectFrom('collection_items')
    .innerJoin('quotes', 'quotes.id', 'collection_items.quote_id')
    .innerJoin('collections', 'collections.id', 'collection_items.collection_id')
    .select([
      'collections.id as collectionId',
      'collections.name',
      'quotes.id as quoteId',
      'quotes.document_id',
      'quotes.text',
      'quotes.page',
      'collection_items.position',
    ])
    .where('quotes.document_id', 'in', [...documentIds])
    .orderBy('collections.id')
    .orderBy('collection_items.position')
    .execute();
}
