/**
 * What was read from the document's face (issue 13), in the details panel: each field with
 * its status, confidence and source words (a click shows them highlighted in the reader),
 * Accept / Reject with Undo, a field the person set shown as theirs, the file's own dates
 * under their own heading, and the document's other versions.
 */
import { useId } from 'react';
import type { DocumentRecord } from '../../../shared/document.js';
import type { Inference, InferredField } from '../../../shared/inference.js';
import { api } from '../api/client.js';
import { invalidate, useQuery } from '../api/use-query.js';
import { plainError } from '../common/errors.js';
import { navigate } from '../common/router.js';
import { useToast } from '../common/toast.js';
import { FILE_DATE_LABEL, FIELD_LABEL, fileDateText, inferenceValueText, STATUS_LABEL } from './inference-text.js';

/** Accepts or rejects a field's inferred value, with Undo in the toast. */
export function useDecide(): (id: number, field: InferredField, decision: 'accept' | 'reject') => Promise<boolean> {
  const toast = useToast();
  return async (id, field, decision) => {
    const result = await api().call('documents.decideInference', { id, decision, fields: [field] });
    if (!result.ok) {
      toast(plainError(result.error, `deciding on the ${FIELD_LABEL[field].toLowerCase()}`), { tone: 'error' });
      return false;
    }
    invalidate('documents');
    toast(`${FIELD_LABEL[field]} ${decision === 'accept' ? 'accepted' : 'rejected'}.`, {
      actionLabel: 'Undo',
      onAction: () => {
        void api()
          .call('documents.undoInferenceDecision', { id })
          .then((r) => {
            invalidate('documents');
            if (!r.ok) toast(plainError(r.error, 'undoing'), { tone: 'error' });
          });
      },
    });
    return true;
  };
}

/** Opens the document at the words a value came from, highlighted. */
export function openSource(documentId: number, i: Inference): void {
  if (!i.source) return;
  navigate({
    name: 'reader',
    documentId,
    page: i.source.page,
    mark: { start: i.source.start, end: i.source.end },
  });
}

export function InferenceRow({
  documentId,
  inference: i,
  theirs,
  onDecide,
}: {
  documentId: number;
  inference: Inference;
  theirs: boolean;
  onDecide: (field: InferredField, decision: 'accept' | 'reject') => void;
}) {
  const label = FIELD_LABEL[i.field];
  // Buttons are named by their words and described by the field: a name holding the field's
  // ("Reject date") would also answer to the form's own "Date" label.
  const fieldId = `${useId()}-field`;
  return (
    <li className={`inference ${i.status}`} data-field={i.field}>
      <div className="inference-head">
        <span className="inference-field" id={fieldId}>
          {label}
        </span>
        <span className="inference-value">{inferenceValueText(i)}</span>
      </div>
      <div className="inference-meta faint">
        <span className={`chip inference-status ${i.status}`}>{STATUS_LABEL[i.status]}</span>
        <span title={`rule: ${i.rule}`}>{Math.round(i.confidence * 100)}% sure</span>
        {theirs && <span className="chip">yours: set by you, never overwritten</span>}
      </div>
      {i.source ? (
        <button
          type="button"
          className="source-words"
          title="Show these words, highlighted, in the document"
          aria-describedby={fieldId}
          onClick={() => openSource(documentId, i)}
        >
          “{i.source.text}” <span className="faint">p. {i.source.page}</span>
        </button>
      ) : (
        <span className="faint source-words" title={`rule: ${i.rule}`}>
          Not from one place on a page: read from the file’s headers or the document as a whole
        </span>
      )}
      {!theirs && i.status !== 'rejected' && (
        <div className="inference-actions">
          {i.status === 'suggested' && (
            <button
              type="button"
              className="btn small primary"
              aria-describedby={fieldId}
              onClick={() => onDecide(i.field, 'accept')}
            >
              Accept
            </button>
          )}
          <button
            type="button"
            className="btn small"
            aria-describedby={fieldId}
            onClick={() => onDecide(i.field, 'reject')}
          >
            Reject
          </button>
        </div>
      )}
    </li>
  );
}

export function InferenceFields({ record, onOpen }: { record: DocumentRecord; onOpen: (id: number) => void }) {
  const shown = useQuery('documents.inference', { id: record.id });
  const versions = useQuery('documents.query', {
    sort: { key: 'title', direction: 'asc' },
    filter: { ids: [record.id] },
    offset: 0,
    limit: 1,
  });
  const decide = useDecide();
  if (shown.error) return <p className="faint">{plainError(shown.error)}</p>;
  const data = shown.data;
  if (!data) return <div className="panel-loading" aria-busy="true" />;
  const others = versions.data?.rows[0]?.versions ?? [];
  const fileDates = Object.entries(data.fileDates) as [keyof typeof FILE_DATE_LABEL, string][];
  return (
    <section className="inference-fields" aria-label="Read from the document">
      <h3>Read from the document</h3>
      {record.date === null && <p className="undated">No date on its face (cited n.d.)</p>}
      {data.inferences.length === 0 ? (
        <p className="faint">Nothing was read from this document’s face.</p>
      ) : (
        <ul className="inference-list">
          {data.inferences.map((i) => (
            <InferenceRow
              key={i.field}
              documentId={record.id}
              inference={i}
              theirs={data.userFields.includes(i.field)}
              onDecide={(field, decision) => void decide(record.id, field, decision)}
            />
          ))}
        </ul>
      )}
      {others.length > 0 && (
        <>
          <h3>Versions</h3>
          <ul className="version-list" aria-label="Other versions of this document">
            {others.map((v) => (
              <li key={v.id}>
                <button type="button" className="source-link" onClick={() => onOpen(v.id)}>
                  {v.format.toUpperCase()} version
                </button>{' '}
                <span className="faint">
                  {v.quoteCount} quote{v.quoteCount === 1 ? '' : 's'} of its own
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>File dates</h3>
      {fileDates.length === 0 ? (
        <p className="faint">The file gave no dates of its own.</p>
      ) : (
        <dl className="file-dates">
          {fileDates.map(([key, value]) => (
            <div key={key}>
              <dt>{FILE_DATE_LABEL[key]}</dt>
              <dd>{fileDateText(value)}</dd>
            </div>
          ))}
        </dl>
      )}
      <p className="hint">The file’s dates are kept as facts about the file, never as the document’s date.</p>
    </section>
  );
}
