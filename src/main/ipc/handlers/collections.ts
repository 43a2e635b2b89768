/**
 * Handlers for collections over the core (src/main/archive/collections): the renderer
 * names a collection by id and saves its title, introduction and order at once; the core
 * names it by name and changes it step by step (each step on record), so a save becomes
 * the edits that lead from what is stored to what the builder shows.
 */
import type { Kysely } from 'kysely';
import {
  addToCollection,
  createCollection,
  deleteCollection,
  editCollection,
  getCollection,
  listCollections,
  moveInCollection,
  removeFromCollection,
} from '../../archive/collections/collections.js';
import type { Archive } from '../../archive/archive.js';
import type { Database } from '../../archive/db/schema.js';
import { ArchiveError } from '../../archive/errors.js';
import type { Collection } from '../../../shared/contract.js';
import type { CollectionRecord } from '../../../shared/collection.js';
import type { HandlersFor } from '../types.js';

/** The name of the collection with this id; throws not-found. */
export async function collectionName(db: Kysely<Database>, id: number): Promise<string> {
  const row = await db.selectFrom('collections').select('name').where('id', '=', id).executeTakeFirst();
  if (!row) throw new ArchiveError('not-found', `collection ${id}: no such collection`);
  return row.name;
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

/** Brings the stored order to `wanted`: out what left, in what came, then each into its place. */
async function reorder(archive: Archive, name: string, wanted: readonly number[]): Promise<void> {
  let current = (await getCollection(archive.db, name)).items.map((i) => i.quote.id);
  for (const id of current.filter((id) => !wanted.includes(id))) await removeFromCollection(archive, name, id);
  current = current.filter((id) => wanted.includes(id));
  const added = wanted.filter((id) => !current.includes(id));
  if (added.length) await addToCollection(archive, name, added);
  current = [...current, ...added];
  for (const [index, id] of wanted.entries()) {
    if (current[index] === id) continue;
    await moveInCollection(archive, name, id, index + 1);
    current = current.filter((x) => x !== id);
    current.splice(index, 0, id);
  }
}

export const collectionHandlers: HandlersFor<'collections.list' | 'collections.get' | 'collections.save' | 'collections.delete'> = {
  'collections.list': async (_input, { session }) =>
    (await listCollections(session.current().db)).map((c) => ({ id: c.id, title: c.title, quoteCount: c.quotes, updatedAt: c.updatedAt })),

  'collections.get': async (input, { session }) => {
    const db = session.current().db;
    return toCollection(await getCollection(db, await collectionName(db, input.id)));
  },

  'collections.save': async (input, { session }) => {
    const archive = session.current();
    const introduction = input.introduction.trim() === '' ? null : input.introduction;
    let name: string;
    if (input.id === undefined) {
      name = (await createCollection(archive, { name: input.title, title: input.title, introduction })).name;
    } else {
      name = await collectionName(archive.db, input.id);
      await editCollection(archive, name, { title: input.title, introduction });
    }
    await reorder(archive, name, input.quoteIds);
    return toCollection(await getCollection(archive.db, name));
  },

  'collections.delete': async (input, { session }) => {
    const archive = session.current();
    await deleteCollection(archive, await collectionName(archive.db, input.id));
    return null;
  },
};
