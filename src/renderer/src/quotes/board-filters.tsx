/**
 * The quotes board's filters: words, document and tag narrow the quotes shown; a saved
 * collection opens in the builder.
 */
import { useMemo } from 'react';
import type { Quote } from '../../../shared/contract.js';
import { useQuery } from '../api/use-query.js';
import { Icon } from '../common/icons.js';
import { navigate } from '../common/router.js';
import { buildTagTree, countUnder } from '../tags/tag-tree.js';
import { TagTreeView } from '../tags/tag-tree-view.js';
import { TagActions } from './tag-actions.js';

export interface BoardFiltersProps {
  /** Every quote in the archive, for the document list and the tag counts. */
  allQuotes: readonly Quote[] | undefined;
  tagNames: readonly string[];
  tag: string | null;
  onTagChange: (tag: string | null) => void;
  documentId: number | null;
  onDocumentChange: (documentId: number | null) => void;
  text: string;
  onTextChange: (text: string) => void;
  /** The collection open in the builder, if it has been saved. */
  collectionId: number | undefined;
}

export function BoardFilters({
  allQuotes,
  tagNames,
  tag,
  onTagChange,
  documentId,
  onDocumentChange,
  text,
  onTextChange,
  collectionId,
}: BoardFiltersProps) {
  const collections = useQuery('collections.list', {});
  const documents = useMemo(() => {
    const map = new Map<number, string>();
    for (const q of allQuotes ?? []) map.set(q.documentId, q.documentTitle);
    return [...map].sort((a, b) => a[1].localeCompare(b[1]));
  }, [allQuotes]);
  // Counted from the quotes themselves, so a parent counts each quote under it once.
  const tagTree = useMemo(() => {
    const counts = countUnder((allQuotes ?? []).map((q) => q.tags));
    return buildTagTree(tagNames, (name) => counts.get(name) ?? 0);
  }, [tagNames, allQuotes]);

  return (
    <aside className="board-filters" aria-label="Quote filters">
      <div className="filters-head">
        <h3>Filters</h3>
        {(tag || documentId !== null || text) && (
          <button
            type="button"
            className="btn ghost small"
            onClick={() => {
              onTagChange(null);
              onDocumentChange(null);
              onTextChange('');
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
          onChange={(e) => onTextChange(e.target.value)}
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
          onChange={(e) => onDocumentChange(e.target.value ? Number(e.target.value) : null)}
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
          <TagTreeView roots={tagTree} selected={tag} onSelect={onTagChange} label="Filter quotes by tag" />
        )}
        <TagActions tag={tag} onTagChange={onTagChange} />
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
  );
}
