/** The library's filter column: type, tag (as a tree), author and date range, counted by the core (documents.facets). */
import { useMemo } from 'react';
import { DOCUMENT_TYPES, isPartialDate } from '../../../shared/document.js';
import { typeLabel } from '../common/format.js';
import type { LibraryFacets } from '../../../shared/contract.js';
import { buildTagTree } from '../tags/tag-tree.js';
import { TagTreeView } from '../tags/tag-tree-view.js';
import { isFiltering, NO_FILTER, type LibraryFilter } from './library-rows.js';

const NO_FACETS: LibraryFacets = {
  documents: 0,
  types: [],
  tags: [],
  authors: [],
  dates: null,
  people: [],
  organisations: [],
};

export interface LibraryFiltersProps {
  /** Undefined until the core has counted them. */
  facets: LibraryFacets | undefined;
  filter: LibraryFilter;
  onChange: (filter: LibraryFilter) => void;
  /** False while tags cannot be read (shown as a note rather than an empty tree). */
  tagsAvailable: boolean;
}

export function LibraryFilters({ facets = NO_FACETS, filter, onChange, tagsAvailable }: LibraryFiltersProps) {
  const types = useMemo(() => new Map(facets.types.map((t) => [t.type, t.count])), [facets]);
  const authors = facets.authors;
  const tagTree = useMemo(() => {
    const counts = new Map(facets.tags.map((t) => [t.name, t.count]));
    return buildTagTree(counts.keys(), (name) => counts.get(name) ?? 0);
  }, [facets]);
  const set = (patch: Partial<LibraryFilter>) => onChange({ ...filter, ...patch });
  const badDate = (value: string) => value !== '' && !isPartialDate(value);

  return (
    <aside className="library-filters" aria-label="Filters">
      <div className="filters-head">
        <h3>Filters</h3>
        {isFiltering(filter) && (
          <button type="button" className="btn ghost small" onClick={() => onChange({ ...NO_FILTER })}>
            Clear all
          </button>
        )}
      </div>

      <section className="filter-section" aria-labelledby="filter-type">
        <h4 id="filter-type">Type</h4>
        <ul className="filter-list">
          {DOCUMENT_TYPES.filter((t) => types.has(t) || filter.types.includes(t)).map((t) => {
            const active = filter.types.includes(t);
            return (
              <li key={t}>
                <button
                  type="button"
                  className={`filter-option ${active ? 'active' : ''}`}
                  aria-pressed={active}
                  onClick={() => set({ types: active ? filter.types.filter((x) => x !== t) : [...filter.types, t] })}
                >
                  <span className="filter-label">{typeLabel(t)}</span>
                  <span className="filter-count">{(types.get(t) ?? 0).toLocaleString()}</span>
                </button>
              </li>
            );
          })}
        </ul>
        <p className="filter-note">Counts are documents, each version of a text counted.</p>
      </section>

      <section className="filter-section" aria-labelledby="filter-tags">
        <h4 id="filter-tags">Tags</h4>
        {!tagsAvailable ? (
          <p className="filter-note">Tags arrive with quoting and tagging.</p>
        ) : tagTree.length === 0 ? (
          <p className="filter-note">No tags yet. Add them in a document’s details or when you quote.</p>
        ) : (
          <>
            <TagTreeView
              roots={tagTree}
              selected={filter.tag}
              onSelect={(tag) => set({ tag })}
              label="Filter by tag, on documents or their quotes"
            />
            {/* A tag may stand only on quotes: say what selecting it shows, and what the counts count. */}
            <p className="filter-note" id="filter-tags-note">
              Documents tagged, or holding a quote tagged.
            </p>
          </>
        )}
      </section>

      <section className="filter-section" aria-labelledby="filter-author">
        <h4 id="filter-author">
          <label htmlFor="filter-author-input">Author</label>
        </h4>
        <input
          id="filter-author-input"
          className="input"
          list="library-authors"
          placeholder="Any author"
          value={filter.author}
          onChange={(e) => set({ author: e.target.value })}
        />
        <datalist id="library-authors">
          {authors.map((a) => (
            <option key={a.name} value={a.name}>
              {`${a.count} document${a.count === 1 ? '' : 's'}`}
            </option>
          ))}
        </datalist>
      </section>

      <section className="filter-section" aria-labelledby="filter-date">
        <h4 id="filter-date">Date</h4>
        <div className="date-range">
          <input
            className="input"
            aria-label="From date"
            placeholder={facets.dates ? `From ${facets.dates.from}` : 'From'}
            value={filter.from}
            aria-invalid={badDate(filter.from)}
            onChange={(e) => set({ from: e.target.value.trim() })}
          />
          <input
            className="input"
            aria-label="To date"
            placeholder={facets.dates ? `To ${facets.dates.to}` : 'To'}
            value={filter.to}
            aria-invalid={badDate(filter.to)}
            onChange={(e) => set({ to: e.target.value.trim() })}
          />
        </div>
        <p className={`filter-note ${badDate(filter.from) || badDate(filter.to) ? 'error' : ''}`}>
          As 2020, 2020-11 or 2020-11-13.
        </p>
      </section>
    </aside>
  );
}
