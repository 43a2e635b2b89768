/** Handlers for the "Review metadata" view: the documents with open suggestions, and Undo of a decision. */
import { documentsWithSuggestions } from '../../archive/db/repos/inference-review.js';
import { retryWhileBusy } from '../../archive/index.js';
import { undoInferenceDecision } from '../../archive/inference/undo-decision.js';
import type { HandlersFor } from '../types.js';

/** Answered when the view does not say how many it wants. */
const DEFAULT_LIMIT = 1000;

export const reviewHandlers: HandlersFor<'documents.suggestions' | 'documents.undoInferenceDecision'> = {
  'documents.suggestions': (input, { session }) =>
    documentsWithSuggestions(session.current().db, input.limit ?? DEFAULT_LIMIT),
  'documents.undoInferenceDecision': (input, { session }) =>
    retryWhileBusy(() => undoInferenceDecision(session.current(), input.id)),
};
