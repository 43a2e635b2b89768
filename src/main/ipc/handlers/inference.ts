/** Handlers for metadata read from a document's face: what was inferred, re-reading, accepting and rejecting. */
import { retryWhileBusy } from '../../archive/index.js';
import { acceptInferences, rejectInferences } from '../../archive/inference/decisions.js';
import { documentInference } from '../../archive/inference/read.js';
import { reinferDocument } from '../../archive/inference/reinfer.js';
import type { HandlersFor } from '../types.js';

type InferenceCalls = 'documents.inference' | 'documents.reinfer' | 'documents.decideInference';

export const inferenceHandlers: HandlersFor<InferenceCalls> = {
  'documents.inference': (input, { session }) => documentInference(session.current().db, input.id),
  // Reading the original again is repeated with the one transaction after it: nothing is applied twice.
  'documents.reinfer': (input, { session }) => retryWhileBusy(() => reinferDocument(session.current(), input.id)),
  'documents.decideInference': (input, { session }) =>
    retryWhileBusy(() =>
      input.decision === 'accept'
        ? acceptInferences(session.current(), input.id, input.fields)
        : rejectInferences(session.current(), input.id, input.fields),
    ),
};
