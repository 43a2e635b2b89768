/** Taking quotes out of collections when their documents leave the archive for good. */
import { recordHistory } from '../custody.js';
import type { Trx } from '../db/repos/db.js';
import { deleteItems, itemsOfDocuments } from '../db/repos/collection-items.js';
import { orderOf, positions, renumber, touch } from './collection-order.js';

/**
 * Takes the quotes of documents about to be deleted for good out of every collection,
 * in the caller's transaction, with a custody entry per collection naming each quote,
 * its position and its text. Without this the database refuses the deletion.
 */
export async function releaseFromCollections(trx: Trx, documentIds: readonly number[]): Promise<number> {
  if (documentIds.length === 0) return 0;
  const items = await itemsOfDocuments(trx, documentIds);
  const byCollection = new Map<number, typeof items>();
  for (const item of items) byCollection.set(item.collectionId, [...(byCollection.get(item.collectionId) ?? []), item]);
  for (const [collectionId, released] of byCollection) {
    const before = await orderOf(trx, collectionId);
    const gone = new Set(released.map((r) => r.quoteId));
    await deleteItems(trx, collectionId, [...gone]);
    const order = before.filter((id) => !gone.has(id));
    await renumber(trx, collectionId, order, positions(before));
    await touch(trx, collectionId);
    await recordHistory(trx, {
      action: 'collection-remove',
      subject: `collection:${collectionId}`,
      details: {
        name: released[0]?.name,
        reason: 'document deleted for good',
        quotes: released.map((r) => ({
          quoteId: r.quoteId,
          documentId: r.document_id,
          position: r.position,
          page: r.page,
          text: r.text,
        })),
      },
    });
  }
  return items.length;
}
