/**
 * Building a collection: a title, an introduction and the quotes in the order the
 * argument needs. Drag a quote to move it, or use Alt+↑/↓ on the focused one.
 */
import { useState } from 'react';
import type { Collection, Quote } from '../../../shared/contract.js';
import { flowAsProse } from '../../../shared/prose.js';
import { api } from '../api/client.js';
import { invalidate } from '../api/use-query.js';
import { plainError } from '../common/errors.js';
import { Icon } from '../common/icons.js';
import { useToast } from '../common/toast.js';
import { useOpenExport } from '../export/export-context.js';
import { moveItem } from './reorder.js';

/** A quote's first 140 characters, flowed as prose. */
function shortProse(text: string): string {
  const prose = flowAsProse(text);
  return prose.length > 140 ? `${prose.slice(0, 140)}…` : prose;
}

export interface CollectionDraft {
  id: number | null;
  title: string;
  introduction: string;
  quoteIds: number[];
}

export interface CollectionBuilderProps {
  draft: CollectionDraft;
  onChange: (draft: CollectionDraft) => void;
  quotesById: ReadonlyMap<number, Quote>;
  onSaved: (collection: Collection) => void;
  dirty: boolean;
}

export function CollectionBuilder({ draft, onChange, quotesById, onSaved, dirty }: CollectionBuilderProps) {
  const toast = useToast();
  const openExport = useOpenExport();
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const [dropAt, setDropAt] = useState<number | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState('');

  const move = (from: number, to: number) => onChange({ ...draft, quoteIds: moveItem(draft.quoteIds, from, to) });

  const save = async (): Promise<Collection | null> => {
    if (draft.title.trim() === '') {
      setError('Give the collection a title.');
      return null;
    }
    setSaving(true);
    const result = await api().call('collections.save', {
      ...(draft.id !== null ? { id: draft.id } : {}),
      title: draft.title.trim(),
      introduction: draft.introduction,
      quoteIds: draft.quoteIds,
    });
    setSaving(false);
    if (!result.ok) {
      setError(plainError(result.error, 'saving the collection'));
      return null;
    }
    setError('');
    invalidate('collections');
    onSaved(result.value);
    toast('Collection saved.', { tone: 'success' });
    return result.value;
  };

  return (
    <section className="collection-builder" aria-label="Collection">
      <div className="field">
        <label htmlFor="collection-title">Collection title</label>
        <input
          id="collection-title"
          className="input"
          value={draft.title}
          placeholder="e.g. What the department knew"
          onChange={(e) => onChange({ ...draft, title: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="collection-intro">Introduction</label>
        <textarea
          id="collection-intro"
          className="textarea"
          rows={3}
          value={draft.introduction}
          placeholder="A few lines that frame these quotes (optional)"
          onChange={(e) => onChange({ ...draft, introduction: e.target.value })}
        />
      </div>
      <div className="cb-list-head">
        <h3>Quotes in order</h3>
        <span className="faint">{draft.quoteIds.length}</span>
      </div>
      {draft.quoteIds.length === 0 ? (
        <p className="panel-note">
          Tick quotes on the left and press “Add to collection”. Then drag them into the order your argument needs.
        </p>
      ) : (
        <ol className="cb-list" aria-label="Quotes in the collection; drag or press Alt and an arrow key to move">
          {draft.quoteIds.map((id, index) => {
            const q = quotesById.get(id);
            return (
              <li
                key={id}
                className={`cb-item ${dragFrom === index ? 'dragging' : ''} ${dropAt === index && dragFrom !== null && dragFrom !== index ? 'drop-before' : ''}`}
                draggable
                tabIndex={0}
                data-quote-id={id}
                aria-label={`${index + 1}. ${q ? q.text.slice(0, 80) : `quote ${id}`}`}
                onDragStart={(e) => {
                  setDragFrom(index);
                  e.dataTransfer.effectAllowed = 'move';
                  e.dataTransfer.setData('text/x-exhibit-quote', String(id));
                }}
                onDragOver={(e) => {
                  if (dragFrom === null) return;
                  e.preventDefault();
                  setDropAt(index);
                }}
                onDrop={(e) => {
                  e.preventDefault();
                  e.stopPropagation();
                  if (dragFrom !== null) move(dragFrom, index);
                  setDragFrom(null);
                  setDropAt(null);
                }}
                onDragEnd={() => {
                  setDragFrom(null);
                  setDropAt(null);
                }}
                onKeyDown={(e) => {
                  if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
                  e.preventDefault();
                  const to = e.key === 'ArrowUp' ? index - 1 : index + 1;
                  if (to < 0 || to >= draft.quoteIds.length) return;
                  move(index, to);
                  window.setTimeout(
                    () => document.querySelector<HTMLElement>(`.cb-item[data-quote-id="${id}"]`)?.focus(),
                    0,
                  );
                }}
              >
                <span className="cb-handle" aria-hidden="true">
                  <Icon name="drag" size={14} />
                </span>
                <span className="cb-index">{index + 1}</span>
                <span className="cb-text">
                  {q ? (
                    <>
                      “{shortProse(q.text)}”{' '}
                      <span className="faint">
                        — {q.documentTitle}, p. {q.pageLabel}
                      </span>
                    </>
                  ) : (
                    <span className="faint">Quote {id} (not in the current list)</span>
                  )}
                </span>
                <button
                  type="button"
                  className="btn ghost icon small"
                  aria-label="Remove from the collection"
                  onClick={() => onChange({ ...draft, quoteIds: draft.quoteIds.filter((x) => x !== id) })}
                >
                  <Icon name="close" size={14} />
                </button>
              </li>
            );
          })}
        </ol>
      )}
      {error && (
        <p className="error-line" role="alert">
          {error}
        </p>
      )}
      <div className="panel-actions">
        <button type="button" className="btn primary" onClick={() => void save()} disabled={saving || !dirty}>
          {saving ? 'Saving…' : draft.id === null ? 'Save collection' : 'Save changes'}
        </button>
        <button
          type="button"
          className="btn"
          disabled={draft.quoteIds.length === 0}
          onClick={() => {
            void (async () => {
              const saved = dirty || draft.id === null ? await save() : { id: draft.id };
              if (saved) openExport({ source: { kind: 'collection', id: saved.id } });
            })();
          }}
        >
          <Icon name="export" /> Export…
        </button>
      </div>
    </section>
  );
}
