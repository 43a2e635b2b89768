/**
 * The quotes board: every quote, narrowed by tag, document and words; tick some to build
 * an ordered collection (title, introduction) or to export them.
 */
import { useDeferredValue, useMemo, useState } from 'react';
import type { Collection, Quote } from '../../../shared/contract.js';
import { api } from '../api/client.js';
import { invalidate, useQuery } from '../api/use-query.js';
import { EmptyState, ErrorLine } from '../common/empty-state.js';
import { plainError } from '../common/errors.js';
import { Icon } from '../common/icons.js';
import { navigate } from '../common/router.js';
import { useShortcut } from '../common/shortcuts.js';
import { useToast } from '../common/toast.js';
import { useOpenExport } from '../export/export-context.js';
import { cleanTag } from '../tags/tag-input.js';
import { buildTagTree, countUnder } from '../tags/tag-tree.js';
import { TagTreeView } from '../tags/tag-tree-view.js';
import { CollectionBuilder, type CollectionDraft } from './collection-builder.js';
import { QuoteCard } from './quote-card.js';
import { appendUnique } from './reorder.js';
import { useQuoteActions } from './use-quote-actions.js';

const EMPTY_DRAFT: CollectionDraft = { id: null, title: '', introduction: '', quoteIds: [] };

export function QuotesBoard({ collectionId }: { collectionId?: number | undefined }) {
  const toast = useToast();
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
  const collections = useQuery('collections.list', {});
  const collection = useQuery('collections.get', collectionId !== undefined ? { id: collectionId } : null);

  const [draft, setDraft] = useState<CollectionDraft>(EMPTY_DRAFT);
  const [loadedFrom, setLoadedFrom] = useState<Collection | null>(null);
  // Load the chosen collection into the builder when it arrives.
  if (collection.data && collection.data !== loadedFrom && collection.data.id === collectionId) {
    setLoadedFrom(collection.data);
    setDraft({
      id: collection.data.id,
      title: collection.data.title,
      introduction: collection.data.introduction,
      quoteIds: collection.data.quoteIds,
    });
  }
  if (collectionId === undefined && loadedFrom !== null) {
    setLoadedFrom(null);
    setDraft(EMPTY_DRAFT);
  }
  const dirty =
    draft.id === null
      ? draft.title.trim() !== '' || draft.quoteIds.length > 0
      : !loadedFrom ||
        loadedFrom.title !== draft.title ||
        loadedFrom.introduction !== draft.introduction ||
        loadedFrom.quoteIds.join() !== draft.quoteIds.join();

  const quotes = filtered.data ?? [];
  const quotesById = useMemo(() => new Map<number, Quote>((all.data ?? []).map((q) => [q.id, q])), [all.data]);
  const documents = useMemo(() => {
    const map = new Map<number, string>();
    for (const q of all.data ?? []) map.set(q.documentId, q.documentTitle);
    return [...map].sort((a, b) => a[1].localeCompare(b[1]));
  }, [all.data]);
  const allTagNames = useMemo(() => (tags.data ?? []).map((t) => t.name), [tags.data]);
  // Counted from the quotes themselves, so a parent counts each quote under it once.
  const tagTree = useMemo(() => {
    const counts = countUnder((all.data ?? []).map((q) => q.tags));
    return buildTagTree(
      (tags.data ?? []).map((t) => t.name),
      (name) => counts.get(name) ?? 0,
    );
  }, [tags.data, all.data]);

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

  const deleteTag = async (name: string) => {
    const result = await api().call('tags.delete', { name });
    if (!result.ok) {
      toast(plainError(result.error, 'deleting the tag'), { tone: 'error' });
      return;
    }
    setTag(null);
    invalidate('tags', 'quotes', 'documents');
    const snapshot = result.value;
    const count = snapshot.quotes + snapshot.documents;
    toast(`Tag “${name}” deleted${count ? ` from ${count} item${count === 1 ? '' : 's'}` : ''}.`, {
      actionLabel: 'Undo',
      onAction: () => {
        void api()
          .call('tags.restore', { tags: snapshot.tags })
          .then((r) => {
            invalidate('tags', 'quotes', 'documents');
            toast(r.ok ? `Tag “${name}” restored.` : plainError(r.error, 'restoring the tag'), {
              tone: r.ok ? 'success' : 'error',
            });
          });
      },
    });
  };

  const [renaming, setRenaming] = useState<string | null>(null);
  const renameTag = async (name: string, raw: string) => {
    setRenaming(null);
    const to = cleanTag(raw);
    if (!to || to === name) return;
    const result = await api().call('tags.rename', { from: name, to });
    if (!result.ok) {
      toast(plainError(result.error, 'renaming the tag'), { tone: 'error' });
      return;
    }
    setTag(to);
    invalidate('tags', 'quotes', 'documents');
  };

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
      <aside className="board-filters" aria-label="Quote filters">
        <div className="filters-head">
          <h3>Filters</h3>
          {(tag || documentId !== null || text) && (
            <button
              type="button"
              className="btn ghost small"
              onClick={() => {
                setTag(null);
                setDocumentId(null);
                setText('');
              }}
            >
              Clear all
            </button>
          )}
        </div>
        <section className="filter-section">
          <h4>
            <label htmlFor="board-words">Words</label>
          </h4>
          <input
            id="board-words"
            className="input"
            type="search"
            placeholder="In quotes and notes"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </section>
        <section className="filter-section">
          <h4>
            <label htmlFor="board-doc">Document</label>
          </h4>
          <select
            id="board-doc"
            className="select"
            value={documentId ?? ''}
            onChange={(e) => setDocumentId(e.target.value ? Number(e.target.value) : null)}
          >
            <option value="">All documents</option>
            {documents.map(([id, title]) => (
              <option key={id} value={id}>
                {title}
              </option>
            ))}
          </select>
        </section>
        <section className="filter-section">
          <h4>Tags</h4>
          {tagTree.length === 0 ? (
            <p className="filter-note">No tags yet. Add them when you quote.</p>
          ) : (
            <TagTreeView roots={tagTree} selected={tag} onSelect={setTag} label="Filter quotes by tag" />
          )}
          {tag && renaming === tag && (
            <form
              className="tag-rename"
              onSubmit={(e) => {
                e.preventDefault();
                void renameTag(tag, new FormData(e.currentTarget).get('name')?.toString() ?? '');
              }}
            >
              <input
                name="name"
                className="input"
                aria-label={`New name for the tag ${tag}`}
                defaultValue={tag}
                autoFocus
                onKeyDown={(e) => e.key === 'Escape' && setRenaming(null)}
              />
              <button type="submit" className="btn small primary">
                Rename
              </button>
            </form>
          )}
          {tag && renaming !== tag && (
            <div className="tag-actions">
              <button type="button" className="btn ghost small" onClick={() => setRenaming(tag)}>
                Rename…
              </button>
              <button type="button" className="btn ghost small danger" onClick={() => void deleteTag(tag)}>
                Delete tag
              </button>
            </div>
          )}
        </section>
        <section className="filter-section">
          <h4>Collections</h4>
          {(collections.data ?? []).length === 0 ? (
            <p className="filter-note">None yet. Tick quotes, press “Add to collection”, give it a title and save.</p>
          ) : (
            <ul className="filter-list">
              {(collections.data ?? []).map((c) => (
                <li key={c.id}>
                  <button
                    type="button"
                    className={`filter-option ${collectionId === c.id ? 'active' : ''}`}
                    aria-pressed={collectionId === c.id}
                    onClick={() =>
                      navigate(collectionId === c.id ? { name: 'quotes' } : { name: 'quotes', collectionId: c.id })
                    }
                  >
                    <span className="filter-label">{c.title}</span>
                    <span className="filter-count">{c.quoteCount}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {collectionId !== undefined && (
            <button type="button" className="btn ghost small" onClick={() => navigate({ name: 'quotes' })}>
              <Icon name="plus" size={14} /> New collection
            </button>
          )}
        </section>
      </aside>

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
            setLoadedFrom(c);
            setDraft({ id: c.id, title: c.title, introduction: c.introduction, quoteIds: c.quoteIds });
            if (collectionId !== c.id) navigate({ name: 'quotes', collectionId: c.id }, { replace: true });
          }}
        />
      </aside>
    </div>
  );
}
