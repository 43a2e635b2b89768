/**
 * "Review metadata" (issue 13): the documents with open suggestions, one at a time, keyboard
 * first: A accepts and R rejects the current suggestion (Undo in the toast), J/K or the arrows
 * go to the next or previous document, Enter opens the words the suggestion came from.
 */
import { useState } from 'react';
import type { Inference } from '../../../shared/inference.js';
import { useQuery } from '../api/use-query.js';
import { EmptyState } from '../common/empty-state.js';
import { plainError } from '../common/errors.js';
import { FormatBadge } from '../common/format-badge.js';
import { navigate } from '../common/router.js';
import { displayCombo, useShortcut } from '../common/shortcuts.js';
import { InferenceRow, openSource, useDecide } from '../library/inference-fields.js';
import { FIELD_LABEL } from '../library/inference-text.js';

export function ReviewView() {
  const list = useQuery('documents.suggestions', {});
  const [index, setIndex] = useState(0);
  const documents = list.data?.documents ?? [];
  const at = Math.min(index, Math.max(0, documents.length - 1));
  const current = documents[at];
  const shown = useQuery('documents.inference', current ? { id: current.id } : null);
  const decide = useDecide();
  // While another document's inferences load, the last ones must not be acted on.
  const inferences = current && shown.data && !shown.loading ? shown.data.inferences : [];
  const open: Inference | undefined = inferences.find((i) => i.status === 'suggested');

  const step = (by: number) => setIndex(Math.max(0, Math.min(documents.length - 1, at + by)));
  const act = (decision: 'accept' | 'reject') => {
    if (current && open) void decide(current.id, open.field, decision);
  };
  useShortcut('reviewAccept', () => act('accept'), Boolean(open));
  useShortcut('reviewReject', () => act('reject'), Boolean(open));
  useShortcut('reviewNext', () => step(1), documents.length > 1);
  useShortcut('reviewPrevious', () => step(-1), documents.length > 1);
  useShortcut(
    'reviewOpen',
    () => {
      if (!current) return false;
      if (open?.source) openSource(current.id, open);
      else navigate({ name: 'reader', documentId: current.id });
      return true;
    },
    Boolean(current),
  );

  if (list.error) return <p className="error-line view-pad">{plainError(list.error)}</p>;
  if (!list.data) return <div className="panel-loading" aria-busy="true" />;
  const total = list.data.total;
  if (!current)
    return (
      <EmptyState icon="keyboard" title="No suggestions to review">
        Every value read from the documents’ faces has been applied, accepted or rejected.
      </EmptyState>
    );
  return (
    <section className="review-view" aria-label="Review metadata">
      <header className="review-head">
        <h1>Review metadata</h1>
        <p className="review-count" aria-live="polite">
          Document {at + 1} of {total.toLocaleString()} with open suggestions
        </p>
        <p className="faint review-keys">
          <Key combo="a" /> accept · <Key combo="r" /> reject · <Key combo="j" />/<Key combo="k" /> next or previous ·{' '}
          <Key combo="enter" /> show the words
        </p>
      </header>
      <article className="review-document" aria-label={`Suggestions for ${current.title}`}>
        <h2>
          {current.title} <FormatBadge format={current.format} />
        </h2>
        {open && (
          <p className="review-current">
            Current: <strong>{FIELD_LABEL[open.field]}</strong>
          </p>
        )}
        {shown.error ? (
          <p className="error-line">{plainError(shown.error)}</p>
        ) : (
          <ul className="inference-list">
            {inferences.map((i) => (
              <InferenceRow
                key={i.field}
                documentId={current.id}
                inference={i}
                theirs={shown.data?.userFields.includes(i.field) ?? false}
                onDecide={(field, decision) => void decide(current.id, field, decision)}
              />
            ))}
          </ul>
        )}
        <div className="panel-actions">
          <button type="button" className="btn" disabled={at === 0} onClick={() => step(-1)}>
            Previous
          </button>
          <button type="button" className="btn" disabled={at >= documents.length - 1} onClick={() => step(1)}>
            Next
          </button>
          <span className="spacer" />
          <button type="button" className="btn" onClick={() => navigate({ name: 'reader', documentId: current.id })}>
            Open the document
          </button>
        </div>
      </article>
    </section>
  );
}

function Key({ combo }: { combo: string }) {
  return <kbd>{displayCombo(combo).join(' ')}</kbd>;
}
