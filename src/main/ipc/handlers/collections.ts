/** Handlers for collections (src/main/archive/collections.ts). */
import { deleteCollection, getCollection, listCollections, saveCollection } from '../../archive/collections.js';
import type { HandlersFor } from '../types.js';

export const collectionHandlers: HandlersFor<'collections.list' | 'collections.get' | 'collections.save' | 'collections.delete'> = {
  'collections.list': (_input, { session }) => listCollections(session.current().db),
  'collections.get': (input, { session }) => getCollection(session.current().db, input.id),
  'collections.save': (input, { session }) =>
    saveCollection(session.current(), {
      ...(input.id !== undefined ? { id: input.id } : {}),
      title: input.title,
      introduction: input.introduction,
      quoteIds: input.quoteIds,
    }),
  'collections.delete': async (input, { session }) => {
    await deleteCollection(session.current(), input.id);
    return null;
  },
};
