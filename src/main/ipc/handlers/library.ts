/** Handlers for the library's own lean reads: the paged table and its filter column. */
import { libraryFacets } from '../../archive/library-facets.js';
import { warmLibraryText } from '../../archive/library-order.js';
import { queryLibrary } from '../../archive/library-query.js';
import type { HandlersFor } from '../types.js';

export const libraryHandlers: HandlersFor<'documents.query' | 'documents.facets'> = {
  'documents.query': (input, { session }) => queryLibrary(session.current().db, input),
  'documents.facets': async (_input, { session }) => {
    const db = session.current().db;
    const facets = await libraryFacets(db);
    // The library has painted by now: read the quick filter's text before the first keystroke.
    setTimeout(() => void warmLibraryText(db).catch(() => undefined), 100);
    return facets;
  },
};
