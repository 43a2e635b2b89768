/**
 * Handlers for collections over the core (src/main/archive/collections): the renderer
 * names a collection by id and saves its title, introduction and order at once, which
 * the core does in one transaction (saveCollection).
 */
import {
  deleteCollection,
  getCollection,
  listCollections,
  saveCollection,
} from '../../archive/collections/collections.js';
import type { Db } from '../../archive/db/repos/db.js';
import { findCollectionName } from '../../archive/db/repos/collections.js';
import { retryWhileBusy } from '../../archive/busy.js';
import { ArchiveError } from '../../archive/errors.js';
import type { Collection } from '../../../shared/contract.js';
import type { CollectionRecord } from '../../../shared/collection.js';
import type { HandlersFor } from '../types.js';

/** The name of the collection with this id; throws not-found. */
export async function collectionName(db: Db, id: number): Promise<string> {
  const name = await findCollectionName(db, id);
  if (name === undefined) throw new ArchiveError('not-found', `collection ${id}: no such collection`);
  return name;
}

function toCollection(record: CollectionRecord): Collection {
  return {
    id: record.id,
    title: record.title,
    introduction: record.introduction ?? '',
    quoteIds: record.items.map((i) => i.quote.id),
    updatedAt: record.updatedAt,
  };
}

export const collectionHandlers: HandlersFor<
  'collections.list' | 'collections.get' | 'collections.save' | 'collections.delete'
> = {
  'collections.list': async (_input, { session }) =>
    (await listCollections(session.current().db)).map((c) => ({
      id: c.id,
      title: c.title,
      quoteCount: c.quotes,
      updatedAt: c.updatedAt,
    })),

  'collections.get': async (input, { session }) => {
    const db = session.current().db;
    return toCollection(await getCollection(db, await collectionName(db, input.id)));
  },

  'collections.save': async (input, { session }) =>
    // One transaction, tried again while another program holds the write lock.
    toCollection(
      await retryWhileBusy(() =>
        saveCollection(session.current(), {
          id: input.id,
          title: input.title,
          introduction: input.introduction,
          quoteIds: input.quoteIds,
        }),
      ),
    ),

  'collections.delete': async (input, { session }) => {
    const archive = session.current();
    const name = await collectionName(archive.db, input.id);
    await retryWhileBusy(() => deleteCollection(archive, name));
    return null;
  },
};
