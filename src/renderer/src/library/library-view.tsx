/**
 * The library: every document, filtered and sorted on the spot, with the details of the
 * selected one beside it. Filters, order and selection survive a trip to the reader.
 */
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { isPartialDate } from '../../../shared/document.js';
import { isUnsupported, useQuery } from '../api/use-query.js';
import { EmptyState, ErrorLine } from '../common/empty-state.js';
import { plainError } from '../common/errors.js';
import { Icon } from '../common/icons.js';
import { navigate } from '../common/router.js';
import { useShortcut } from '../common/shortcuts.js';
import { LibraryFilters } from './library-filters.js';
import { buildRows, filterRows, isFiltering, NO_FILTER, sortRows, type LibraryFilter, type Sort } from './library-rows.js';
import { LibraryTable } from './library-table.js';
import { MetadataPanel } from './metadata-panel.js';

/** Kept across visits while the app runs. */
const memory: { filter: LibraryFilter; sort: Sort; selectedId: number | null; panel: boolean } = {
  filter: NO_FILTER,
  sort: { key: 'date', direction: 'desc' },
  selectedId: null,
  panel: true,
};

/** The filter with half-typed dates left out. */
function usable(filter: LibraryFilter): LibraryFilter {
  return { ...filter, from: isPartialDate(filter.from) ? filter.from : '', to: isPartialDate(filter.to) ? filter.to : '' };
}

export function LibraryView({ onImport }: { onImport: () => void }) {
  const documents = useQuery('documents.index', {});
  const annotations = useQuery('documents.annotations', {});
  const tagList = useQuery('tags.list', {});
  const [filter, setFilterState] = useState<LibraryFilter>(memory.filter);
  const [sort, setSortState] = useState<Sort>(memory.sort);
  const [selectedId, setSelectedState] = useState<number | null>(memory.selectedId);
  const [panel, setPanelState] = useState(memory.panel);
  const [focusSignal, setFocusSignal] = useState(0);
  const filterInput = useRef<HTMLInputElement>(null);

  const setFilter = (f: LibraryFilter) => setFilterState((memory.filter = f));
  const setSort = (s: Sort) => setSortState((memory.sort = s));
  const setSelected = (id: number | null) => setSelectedState((memory.selectedId = id));
  const setPanel = (open: boolean) => setPanelState((memory.panel = open));

  const annotationsAvailable = !isUnsupported(annotations.error);
  const rows = useMemo(() => buildRows(documents.data ?? [], annotations.data), [documents.data, annotations.data]);
  // Typing in the quick filter stays responsive: the table catches up a frame later.
  const deferredFilter = useDeferredValue(filter);
  const effective = useMemo<LibraryFilter>(() => usable(deferredFilter), [deferredFilter]);
  const shown = useMemo(() => sortRows(filterRows(rows, effective), sort), [rows, effective, sort]);
  const allTags = useMemo(() => (tagList.data ?? []).map((t) => t.name), [tagList.data]);
  const selectedRow = selectedId === null ? undefined : rows.find((r) => r.id === selectedId);

  const open = (id: number) => navigate({ name: 'reader', documentId: id });
  useShortcut('libraryFilter', () => {
    filterInput.current?.focus();
    filterInput.current?.select();
  });
  useShortcut(
    'libraryEdit',
    () => {
      if (selectedId === null) return false;
      setPanel(true);
      window.setTimeout(() => document.querySelector<HTMLInputElement>('.metadata-form input')?.focus(), 0);
    },
    selectedId !== null,
  );

  if (documents.error) {
    return (
      <div className="view-pad">
        <ErrorLine message={plainError(documents.error, 'reading the library')} onRetry={documents.reload} />
      </div>
    );
  }
  const loaded = documents.data !== undefined;

  return (
    <div className={`library ${panel && selectedRow ? 'with-panel' : ''}`}>
      <LibraryFilters rows={rows} filter={filter} onChange={setFilter} tagsAvailable={annotationsAvailable} />
      <section className="library-main" aria-label="Library" data-shown-filter={effective.text}>
        <div className="view-toolbar">
          <h1>Library</h1>
          <div className="quick-filter">
            <Icon name="search" />
            <input
              ref={filterInput}
              className="input"
              type="search"
              aria-label="Filter documents by title, author or file name"
              placeholder="Filter by title, author or file name (F)"
              value={filter.text}
              onChange={(e) => setFilter({ ...filter, text: e.target.value })}
              onKeyDown={(e) => {
                if (e.key === 'ArrowDown' || e.key === 'Enter') {
                  e.preventDefault();
                  // The table may lag the field by a frame: pick from the filter as typed.
                  const now = sortRows(filterRows(rows, usable(filter)), sort);
                  const first = now[0];
                  if (first && !now.some((r) => r.id === selectedId)) setSelected(first.id);
                  setFocusSignal((n) => n + 1);
                }
                if (e.key === 'Escape' && filter.text) {
                  e.preventDefault();
                  setFilter({ ...filter, text: '' });
                }
              }}
            />
          </div>
          <span className="count" aria-live="polite">
            {loaded ? (isFiltering(filter) ? `${shown.length.toLocaleString()} of ${rows.length.toLocaleString()} documents` : `${rows.length.toLocaleString()} documents`) : ''}
          </span>
        </div>
        {!loaded ? (
          <div className="table-skeleton" aria-busy="true" aria-label="Loading the library" />
        ) : rows.length === 0 ? (
          <EmptyState
            icon="library"
            title="Your archive is empty"
            action={
              <button type="button" className="btn primary" onClick={onImport}>
                <Icon name="import" /> Import documents
              </button>
            }
          >
            <p>Drop PDFs, Word files, emails, web pages or text files anywhere in this window, or choose them from your disk.</p>
          </EmptyState>
        ) : shown.length === 0 ? (
          <EmptyState
            icon="search"
            title="No document matches these filters"
            action={
              <button type="button" className="btn" onClick={() => setFilter({ ...NO_FILTER })}>
                Clear the filters
              </button>
            }
          />
        ) : (
          <LibraryTable
            rows={shown}
            total={rows.length}
            sort={sort}
            onSort={setSort}
            selectedId={selectedId}
            onSelect={(id) => {
              setSelected(id);
            }}
            onOpen={open}
            focusSignal={focusSignal}
          />
        )}
      </section>
      {panel && selectedRow && (
        <MetadataPanel
          documentId={selectedRow.id}
          tags={annotationsAvailable ? selectedRow.tags : null}
          allTags={allTags}
          onOpen={open}
          onClose={() => {
            setPanel(false);
            setFocusSignal((n) => n + 1);
          }}
        />
      )}
      {!panel && selectedRow && (
        <button type="button" className="btn ghost panel-reopen" onClick={() => setPanel(true)} aria-label="Show details">
          <Icon name="edit" /> Details
        </button>
      )}
    </div>
  );
}
