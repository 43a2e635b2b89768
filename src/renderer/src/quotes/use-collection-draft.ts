/**
 * The collection builder's draft on the quotes board: empty for a new collection, loaded
 * from the archive when the route names one, and whether it differs from what was saved.
 */
import { useState, type Dispatch, type SetStateAction } from 'react';
import type { Collection } from '../../../shared/contract.js';
import { useQuery } from '../api/use-query.js';
import type { CollectionDraft } from './collection-builder.js';

const EMPTY_DRAFT: CollectionDraft = { id: null, title: '', introduction: '', quoteIds: [] };

export interface CollectionDraftState {
  draft: CollectionDraft;
  setDraft: Dispatch<SetStateAction<CollectionDraft>>;
  /** The draft has changes not yet saved (a new one: a title or a quote). */
  dirty: boolean;
  /** Takes a just-saved collection as the draft and as what later edits are compared with. */
  markSaved: (collection: Collection) => void;
}

export function useCollectionDraft(collectionId: number | undefined): CollectionDraftState {
  const collection = useQuery('collections.get', collectionId !== undefined ? { id: collectionId } : null);
  const [draft, setDraft] = useState<CollectionDraft>(EMPTY_DRAFT);
  const [loadedFrom, setLoadedFrom] = useState<Collection | null>(null);
  // Load the chosen collection into the builder when it arrives.
  if (collection.data && collection.data !== loadedFrom && collection.data.id === collectionId) {
    setLoadedFrom(collection.data);
    setDraft({
      id: collection.data.id,
      title: collection.data.title,
      introduction: collection.data.introduction,
      quoteIds: collection.data.quoteIds,
    });
  }
  if (collectionId === undefined && loadedFrom !== null) {
    setLoadedFrom(null);
    setDraft(EMPTY_DRAFT);
  }
  const dirty =
    draft.id === null
      ? draft.title.trim() !== '' || draft.quoteIds.length > 0
      : !loadedFrom ||
        loadedFrom.title !== draft.title ||
        loadedFrom.introduction !== draft.introduction ||
        loadedFrom.quoteIds.join() !== draft.quoteIds.join();

  const markSaved = (c: Collection) => {
    setLoadedFrom(c);
    setDraft({ id: c.id, title: c.title, introduction: c.introduction, quoteIds: c.quoteIds });
  };
  return { draft, setDraft, dirty, markSaved };
}
