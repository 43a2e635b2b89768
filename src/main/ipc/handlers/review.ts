/** Handler for the "Review metadata" view: the documents with open suggestions. */
import { documentsWithSuggestions } from '../../archive/db/repos/inference-review.js';
import type { HandlersFor } from '../types.js';

/** Answered when the view does not say how many it wants. */
const DEFAULT_LIMIT = 1000;

export const reviewHandlers: HandlersFor<'documents.suggestions'> = {
  'documents.suggestions': (input, { session }) =>
    documentsWithSuggestions(session.current().db, input.limit ?? DEFAULT_LIMIT),
};
