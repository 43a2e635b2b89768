/** Handlers for the library's own lean reads: the paged table and its filter column. */
import { libraryFacets } from '../../archive/library-facets.js';
import { queryLibrary } from '../../archive/library-query.js';
import type { HandlersFor } from '../types.js';

export const libraryHandlers: HandlersFor<'documents.query' | 'documents.facets'> = {
  'documents.query': (input, { session }) => queryLibrary(session.current().db, input),
  'documents.facets': (_input, { session }) => libraryFacets(session.current().db),
};
