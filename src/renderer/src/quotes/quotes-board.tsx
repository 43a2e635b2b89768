/**
 * The quotes board: every quote, narrowed by tag, document and words; tick some to build
 * an ordered collection (title, introduction) or to export them.
 */
import { useDeferredValue, useMemo, useState } from 'react';
import type { Quote } from '../../../shared/contract.js';
import { useQuery } from '../api/use-query.js';
import { EmptyState, ErrorLine } from '../common/empty-state.js';
import { plainError } from '../common/errors.js';
import { Icon } from '../common/icons.js';
import { navigate } from '../common/router.js';
import { useShortcut } from '../common/shortcuts.js';
import { useOpenExport } from '../export/export-context.js';
import { BoardFilters } from './board-filters.js';
import { CollectionBuilder } from './collection-builder.js';
import { QuoteCard } from './quote-card.js';
import { appendUnique } from './reorder.js';
import { useCollectionDraft } from './use-collection-draft.js';
import { useQuoteActions } from './use-quote-actions.js';

export function QuotesBoard({ collectionId }: { collectionId?: number | undefined }) {
  const openExport = useOpenExport();
  const { remove } = useQuoteActions();
  const [tag, setTag] = useState<string | null>(null);
  const [documentId, setDocumentId] = useState<number | null>(null);
  const [text, setText] = useState('');
  const words = useDeferredValue(text.trim());
  const [checked, setChecked] = useState<ReadonlySet<number>>(() => new Set());
  const [focused, setFocused] = useState<number | null>(null);

  const all = useQuery('quotes.list', {});
  const filtered = useQuery('quotes.list', {
    ...(tag ? { tag } : {}),
    ...(documentId !== null ? { documentId } : {}),
    ...(words ? { query: words } : {}),
  });
  const tags = useQuery('tags.list', {});
  const { draft, setDraft, dirty, markSaved } = useCollectionDraft(collectionId);

  const quotes = filtered.data ?? [];
  const quotesById = useMemo(() => new Map<number, Quote>((all.data ?? []).map((q) => [q.id, q])), [all.data]);
  const allTagNames = useMemo(() => (tags.data ?? []).map((t) => t.name), [tags.data]);

  useShortcut(
    'deleteQuote',
    () => {
      const q = focused === null ? undefined : quotesById.get(focused);
      if (!q) return false;
      void remove(q);
      setFocused(null);
    },
    focused !== null,
  );

  if (all.error) {
    return (
      <div className="view-pad">
        <ErrorLine message={plainError(all.error, 'reading the quotes')} onRetry={all.reload} />
      </div>
    );
  }

  const toggle = (id: number) =>
    setChecked((set) => {
      const next = new Set(set);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const noQuotesAtAll = all.data !== undefined && all.data.length === 0;

  return (
    <div className="board">
      <BoardFilters
        allQuotes={all.data}
        tagNames={allTagNames}
        tag={tag}
        onTagChange={setTag}
        documentId={documentId}
        onDocumentChange={setDocumentId}
        text={text}
        onTextChange={setText}
        collectionId={collectionId}
      />

      <section className="board-main" aria-label="Quotes">
        <div className="view-toolbar">
          <h1>Quotes</h1>
          <span className="count">
            {filtered.data ? `${quotes.length.toLocaleString()} quote${quotes.length === 1 ? '' : 's'}` : ''}
          </span>
          <span className="spacer" />
          {checked.size > 0 && <span className="faint">{checked.size} selected</span>}
          <button
            type="button"
            className="btn"
            disabled={checked.size === 0}
            onClick={() => {
              setDraft((d) => ({
                ...d,
                quoteIds: appendUnique(
                  d.quoteIds,
                  quotes.filter((q) => checked.has(q.id)).map((q) => q.id),
                ),
              }));
              setChecked(new Set());
            }}
          >
            <Icon name="plus" /> Add to collection
          </button>
          <button
            type="button"
            className="btn"
            disabled={checked.size === 0}
            onClick={() => openExport({ source: { kind: 'quotes', quoteIds: [...checked] } })}
          >
            <Icon name="export" /> Export selected
          </button>
          {words && quotes.length > 0 && (
            // Words alone are the CLI's `export --search`; with a tag or document too, the quotes shown.
            <button
              type="button"
              className="btn"
              onClick={() =>
                openExport({
                  source:
                    tag === null && documentId === null
                      ? { kind: 'search', query: words }
                      : { kind: 'quotes', quoteIds: quotes.map((q) => q.id) },
                })
              }
            >
              <Icon name="export" /> Export these quotes…
            </button>
          )}
        </div>
        {noQuotesAtAll ? (
          <EmptyState
            icon="quote"
            title="No quotes yet"
            action={
              <button type="button" className="btn primary" onClick={() => navigate({ name: 'library' })}>
                Open the library
              </button>
            }
          >
            <p>
              Open a document, select a passage and press Q. Your quotes gather here, with their tags, notes and exact
              page cites.
            </p>
          </EmptyState>
        ) : filtered.error ? (
          <ErrorLine message={plainError(filtered.error)} onRetry={filtered.reload} />
        ) : filtered.data && quotes.length === 0 ? (
          <EmptyState icon="search" title="No quote matches these filters" />
        ) : (
          <div className="board-list">
            {quotes.length > 1 && (
              <label className="check select-all">
                <input
                  type="checkbox"
                  checked={quotes.every((q) => checked.has(q.id))}
                  onChange={(e) => setChecked(e.target.checked ? new Set(quotes.map((q) => q.id)) : new Set())}
                />
                Select all {quotes.length}
              </label>
            )}
            {quotes.map((q) => (
              <div key={`${q.id}:${q.updatedAt}`} onFocus={() => setFocused(q.id)} onClick={() => setFocused(q.id)}>
                <QuoteCard
                  quote={q}
                  allTags={allTagNames}
                  showDocument
                  active={focused === q.id}
                  onShow={(quote) =>
                    navigate({ name: 'reader', documentId: quote.documentId, page: quote.page, quoteId: quote.id })
                  }
                  leading={
                    <input
                      type="checkbox"
                      className="qc-check"
                      aria-label={`Select quote from ${q.documentTitle}, page ${q.pageLabel}`}
                      checked={checked.has(q.id)}
                      onChange={() => toggle(q.id)}
                    />
                  }
                />
              </div>
            ))}
          </div>
        )}
      </section>

      <aside className="side-panel board-panel" aria-label="Collection builder">
        <header className="side-panel-head">
          <h2>{draft.id === null ? 'New collection' : 'Collection'}</h2>
        </header>
        <CollectionBuilder
          draft={draft}
          onChange={setDraft}
          quotesById={quotesById}
          dirty={dirty}
          onSaved={(c) => {
            markSaved(c);
            if (collectionId !== c.id) navigate({ name: 'quotes', collectionId: c.id }, { replace: true });
          }}
        />
      </aside>
    </div>
  );
}
