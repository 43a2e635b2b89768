/**
 * One quote: its text flowed as prose, cite, tags and note, with the actions every view offers
 * (show in the document, edit, where else, delete with Undo).
 */
import { useState } from 'react';
import type { Quote } from '../../../shared/contract.js';
import { flowAsProse } from '../../../shared/prose.js';
import { Icon } from '../common/icons.js';
import { TagInput } from '../tags/tag-input.js';
import { QuoteSources } from './quote-sources.js';
import { useQuoteActions } from './use-quote-actions.js';

export interface QuoteCardProps {
  quote: Quote;
  allTags: readonly string[];
  active?: boolean;
  /** Show the document's title (lists that mix documents). */
  showDocument?: boolean;
  onShow?: (quote: Quote) => void;
  /** Extra controls (e.g. a checkbox on the board). */
  leading?: React.ReactNode;
}

export function QuoteCard({ quote, allTags, active, showDocument, onShow, leading }: QuoteCardProps) {
  const { remove, update } = useQuoteActions();
  const [editing, setEditing] = useState(false);
  const [sources, setSources] = useState(false);
  const [tags, setTags] = useState<string[]>(quote.tags);
  const [note, setNote] = useState(quote.note ?? '');

  return (
    <article
      className={`quote-card ${active ? 'active' : ''} ${quote.status === 'orphaned' ? 'flagged' : ''}`}
      aria-label={`Quote from ${quote.documentTitle}, page ${quote.pageLabel}`}
      data-quote-id={quote.id}
    >
      <div className="qc-head">
        {leading}
        {showDocument && <span className="qc-doc">{quote.documentTitle}</span>}
        <span className="chip">p. {quote.pageLabel}</span>
        {quote.status === 'orphaned' && (
          <span className="chip warn" title="The document's text changed; this passage no longer stands where it was.">
            needs review
          </span>
        )}
      </div>
      <blockquote className="qc-text">{flowAsProse(quote.text)}</blockquote>
      {editing ? (
        <div className="qc-edit">
          <TagInput value={tags} onChange={setTags} suggestions={allTags} label="Tags" />
          <textarea
            className="textarea"
            rows={2}
            aria-label="Note"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder="Note"
          />
          <div className="row">
            <button
              type="button"
              className="btn primary small"
              onClick={() =>
                void update(quote, { tags, note: note.trim() === '' ? null : note }).then((q) => q && setEditing(false))
              }
            >
              Save
            </button>
            <button
              type="button"
              className="btn small"
              onClick={() => {
                setTags(quote.tags);
                setNote(quote.note ?? '');
                setEditing(false);
              }}
            >
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <>
          {quote.tags.length > 0 && (
            <div className="qc-tags">
              {quote.tags.map((t) => (
                <span key={t} className="chip accent">
                  {t}
                </span>
              ))}
            </div>
          )}
          {quote.note && <p className="qc-note">{quote.note}</p>}
        </>
      )}
      <div className="qc-actions">
        {onShow && (
          <button type="button" className="btn ghost small" onClick={() => onShow(quote)}>
            Show
          </button>
        )}
        <button type="button" className="btn ghost small" onClick={() => setEditing((e) => !e)} aria-expanded={editing}>
          <Icon name="edit" size={14} /> Edit
        </button>
        <button type="button" className="btn ghost small" onClick={() => setSources((s) => !s)} aria-expanded={sources}>
          <Icon name="sources" size={14} /> Where else?
        </button>
        <span className="spacer" />
        <button
          type="button"
          className="btn ghost small danger"
          aria-label="Delete quote"
          onClick={() => void remove(quote)}
        >
          <Icon name="trash" size={14} />
        </button>
      </div>
      {sources && <QuoteSources quoteId={quote.id} />}
    </article>
  );
}
