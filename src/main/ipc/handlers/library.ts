/** Handlers for the library's own lean reads. */
import { listLibraryIndex } from '../../archive/library-index.js';
import type { HandlersFor } from '../types.js';

export const libraryHandlers: HandlersFor<'documents.index'> = {
  'documents.index': (_input, { session }) => listLibraryIndex(session.current().db),
};
