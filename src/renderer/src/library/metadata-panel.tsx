/**
 * The metadata editor beside the library: the document's details as a form (checked
 * field by field before saving), its tags applied at once, its file facts, and the trash.
 */
import { useId, useState } from 'react';
import { DOCUMENT_TYPES, type DocumentRecord } from '../../../shared/document.js';
import { api } from '../api/client.js';
import { invalidate, useQuery } from '../api/use-query.js';
import { plainError } from '../common/errors.js';
import { formatBytes, formatTimestamp, typeLabel } from '../common/format.js';
import { Icon } from '../common/icons.js';
import { useToast } from '../common/toast.js';
import { TagInput } from '../tags/tag-input.js';
import { InferenceFields } from './inference-fields.js';
import {
  diffPatch,
  formFromRecord,
  validateForm,
  type MetadataForm,
  type MetadataPatchInput,
} from './metadata-form.js';

export interface MetadataPanelProps {
  documentId: number;
  onClose: () => void;
  onOpen: (id: number) => void;
  /** Tags the document carries (from the library's annotations), null when unknown. */
  tags: string[] | null;
  allTags: readonly string[];
}

export function MetadataPanel({ documentId, onClose, onOpen, tags, allTags }: MetadataPanelProps) {
  const doc = useQuery('documents.get', { id: documentId });
  return (
    <aside className="side-panel metadata-panel" aria-label="Document details">
      <header className="side-panel-head">
        <h2>Details</h2>
        <button type="button" className="btn ghost icon" aria-label="Close details" onClick={onClose}>
          <Icon name="close" />
        </button>
      </header>
      {doc.error ? (
        <p className="panel-error" role="alert">
          {plainError(doc.error)}
        </p>
      ) : !doc.data || doc.data.id !== documentId ? (
        <div className="panel-loading" aria-busy="true" />
      ) : (
        <MetadataEditor
          key={`${doc.data.id}:${doc.data.updatedAt}`}
          record={doc.data}
          tags={tags}
          allTags={allTags}
          onOpen={onOpen}
          onTrashed={onClose}
        />
      )}
    </aside>
  );
}

function MetadataEditor({
  record,
  tags,
  allTags,
  onOpen,
  onTrashed,
}: {
  record: DocumentRecord;
  tags: string[] | null;
  allTags: readonly string[];
  onOpen: (id: number) => void;
  onTrashed: () => void;
}) {
  const toast = useToast();
  const id = useId();
  const [form, setForm] = useState<MetadataForm>(() => formFromRecord(record));
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState('');
  const [localTags, setLocalTags] = useState<string[] | null>(tags);
  // When the library's tags for this document change (after a reload), show those.
  const [shownTags, setShownTags] = useState(tags);
  if (JSON.stringify(tags) !== JSON.stringify(shownTags)) {
    setShownTags(tags);
    setLocalTags(tags);
  }

  const errors = validateForm(form);
  const patch: MetadataPatchInput = diffPatch(record, form);
  const dirty = Object.keys(patch).length > 0;
  const set =
    (field: keyof MetadataForm) =>
    (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => {
      setForm((f) => ({ ...f, [field]: e.target.value }));
      setServerError('');
    };

  const save = async () => {
    if (Object.keys(errors).length || !dirty) return;
    setSaving(true);
    const result = await api().call('documents.updateMetadata', { id: record.id, patch });
    setSaving(false);
    if (!result.ok) {
      setServerError(plainError(result.error, 'saving the details'));
      return;
    }
    invalidate('documents');
    toast('Details saved.', { tone: 'success' });
  };

  const changeTags = async (next: string[]) => {
    const before = localTags ?? [];
    setLocalTags(next);
    const added = next.filter((t) => !before.includes(t));
    const removed = before.filter((t) => !next.includes(t));
    for (const name of added) {
      const r = await api().call('tags.add', { name, documentId: record.id });
      if (!r.ok) {
        setLocalTags(before);
        toast(plainError(r.error), { tone: 'error' });
        return;
      }
    }
    for (const name of removed) {
      const r = await api().call('tags.remove', { name, documentId: record.id });
      if (!r.ok) {
        setLocalTags(before);
        toast(plainError(r.error), { tone: 'error' });
        return;
      }
    }
    invalidate('tags');
  };

  const trash = async () => {
    const result = await api().call('documents.trash', { id: record.id });
    if (!result.ok) {
      toast(plainError(result.error, 'moving the document to the trash'), { tone: 'error' });
      return;
    }
    invalidate('documents');
    onTrashed();
    toast(`“${record.title}” moved to the trash.`, {
      actionLabel: 'Undo',
      onAction: () => {
        void api()
          .call('documents.restore', { id: record.id })
          .then((r) => {
            invalidate('documents');
            if (!r.ok) toast(plainError(r.error), { tone: 'error' });
          });
      },
    });
  };

  const field = (name: keyof MetadataForm, label: string, hint?: string, multiline = false) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      {multiline ? (
        <textarea
          id={`${id}-${name}`}
          className="textarea"
          rows={3}
          value={form[name]}
          onChange={set(name)}
          aria-invalid={Boolean(errors[name])}
        />
      ) : (
        <input
          id={`${id}-${name}`}
          className="input"
          value={form[name]}
          onChange={set(name)}
          aria-invalid={Boolean(errors[name])}
          aria-describedby={hint || errors[name] ? `${id}-${name}-note` : undefined}
        />
      )}
      {(errors[name] || hint) && (
        <span id={`${id}-${name}-note`} className={errors[name] ? 'error' : 'hint'}>
          {errors[name] ?? hint}
        </span>
      )}
    </div>
  );

  return (
    <form
      className="metadata-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
          e.preventDefault();
          void save();
        }
      }}
    >
      <div className="panel-actions">
        <button type="button" className="btn primary" onClick={() => onOpen(record.id)}>
          Open
        </button>
        <span className="spacer" />
        <button type="button" className="btn ghost danger" onClick={() => void trash()}>
          <Icon name="trash" /> Move to trash
        </button>
      </div>

      {field('title', 'Title')}
      <div className="field">
        <label htmlFor={`${id}-type`}>Type</label>
        <select id={`${id}-type`} className="select" value={form.type} onChange={set('type')}>
          {DOCUMENT_TYPES.map((t) => (
            <option key={t} value={t}>
              {typeLabel(t)}
            </option>
          ))}
        </select>
      </div>
      {field('authors', 'Authors', 'Separate names with semicolons.')}
      {field('recipients', 'Recipients', 'Separate names with semicolons.')}
      {field('organization', 'Organization')}
      {field('date', 'Date', '2020, 2020-11 or 2020-11-13.')}
      {field('source', 'Source or publisher')}
      {field('url', 'Address (URL)')}
      {field('description', 'Description', undefined, true)}
      {record.format === 'pdf' &&
        field('pageLabelOffset', 'Page number offset', 'When page 1 of the file is printed as 27, enter 26.')}

      {serverError && (
        <p className="error-line" role="alert">
          {serverError}
        </p>
      )}
      <div className="panel-actions sticky">
        <button type="submit" className="btn primary" disabled={!dirty || saving || Object.keys(errors).length > 0}>
          {saving ? 'Saving…' : 'Save details'}
        </button>
        <button
          type="button"
          className="btn"
          disabled={!dirty || saving}
          onClick={() => setForm(formFromRecord(record))}
        >
          Revert
        </button>
      </div>

      <div className="field">
        <span className="label" id={`${id}-tags-label`}>
          Tags
        </span>
        {localTags === null ? (
          <span className="hint">Tags arrive with quoting and tagging.</span>
        ) : (
          <TagInput
            value={localTags}
            onChange={(t) => void changeTags(t)}
            suggestions={allTags}
            label="Document tags"
          />
        )}
      </div>

      <InferenceFields record={record} onOpen={onOpen} />

      <dl className="file-facts">
        <dt>File</dt>
        <dd>{record.fileName}</dd>
        <dt>Format</dt>
        <dd>
          {record.format.toUpperCase()} · {formatBytes(record.size)} · {record.pageCount} page
          {record.pageCount === 1 ? '' : 's'}
        </dd>
        <dt>SHA-256</dt>
        <dd className="mono sha">{record.sha256}</dd>
        <dt>Imported</dt>
        <dd>{formatTimestamp(record.importedAt)}</dd>
        {record.warnings.length > 0 && (
          <>
            <dt>Warnings</dt>
            <dd>
              <ul className="warnings">
                {record.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
    </form>
  );
}
