/** Handlers for collections (src/main/archive/collections/whole.ts). */
import { deleteCollectionById, getCollectionById, listCollectionOutlines, saveWholeCollection } from '../../archive/collections/whole.js';
import type { HandlersFor } from '../types.js';

export const collectionHandlers: HandlersFor<'collections.list' | 'collections.get' | 'collections.save' | 'collections.delete'> = {
  'collections.list': (_input, { session }) => listCollectionOutlines(session.current().db),
  'collections.get': (input, { session }) => getCollectionById(session.current().db, input.id),
  'collections.save': (input, { session }) =>
    saveWholeCollection(session.current(), {
      ...(input.id !== undefined ? { id: input.id } : {}),
      title: input.title,
      introduction: input.introduction,
      quoteIds: input.quoteIds,
    }),
  'collections.delete': async (input, { session }) => {
    await deleteCollectionById(session.current(), input.id);
    return null;
  },
};
