/**
 * The library: every document, filtered and sorted by the core a page at a time, with the
 * details of the selected one beside it. Filters, order and selection survive a trip to
 * the reader.
 */
import { useMemo, useRef, useState } from 'react';
import { isUnsupported, useQuery } from '../api/use-query.js';
import { EmptyState, ErrorLine } from '../common/empty-state.js';
import { plainError } from '../common/errors.js';
import { Icon } from '../common/icons.js';
import { navigate } from '../common/router.js';
import { useShortcut } from '../common/shortcuts.js';
import { LibraryFilters } from './library-filters.js';
import { useLibraryPages } from './library-pages.js';
import { isFiltering, NO_FILTER, toQueryFilter, toRow, type LibraryFilter, type Sort } from './library-rows.js';
import { LibraryTable } from './library-table.js';
import { MetadataPanel } from './metadata-panel.js';

/** The selected document's own row is asked for by id; any order will do. */
const BY_ID: Sort = { key: 'date', direction: 'desc' };

/** Kept across visits while the app runs. */
const memory: { filter: LibraryFilter; sort: Sort; selectedId: number | null; panel: boolean } = {
  filter: NO_FILTER,
  sort: { key: 'date', direction: 'desc' },
  selectedId: null,
  panel: true,
};

export function LibraryView({ onImport }: { onImport: () => void }) {
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

  const queryFilter = useMemo(() => toQueryFilter(filter), [filter]);
  // The table's rows, a page at a time; the rows shown change only when the new ones are here.
  const pages = useLibraryPages(sort, queryFilter, filter.text);
  // Asked after the first page, so the table's first paint never waits on the counting.
  const facets = useQuery('documents.facets', pages.shown ? {} : null);
  const tagsAvailable = !isUnsupported(facets.error);
  const allTags = useMemo(() => (tagList.data ?? []).map((t) => t.name), [tagList.data]);
  // The selected document's row wherever the table stands (it may be filtered out or not fetched).
  const selectedQuery = useQuery(
    'documents.query',
    selectedId === null ? null : { sort: BY_ID, filter: { ids: [selectedId] }, offset: 0, limit: 1 },
  );
  const selectedIndex = selectedId === null ? -1 : pages.indexOf(selectedId);
  const fromQuery = selectedQuery.data?.rows[0];
  const own = fromQuery?.id === selectedId ? fromQuery : undefined;
  // Its own answer once it has one; until then its row in the table, so the panel does not flicker.
  const selectedRow = own
    ? toRow(own)
    : selectedQuery.loading && selectedIndex >= 0
      ? pages.rowAt(selectedIndex)
      : undefined;

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

  if (pages.error && !pages.shown) {
    return (
      <div className="view-pad">
        <ErrorLine message={plainError(pages.error, 'reading the library')} onRetry={pages.reload} />
      </div>
    );
  }
  const shown = pages.shown;
  const total = shown?.total ?? 0;
  const documentCount = facets.data?.documents;

  return (
    <div className={`library ${panel && selectedRow ? 'with-panel' : ''}`}>
      <LibraryFilters facets={facets.data} filter={filter} onChange={setFilter} tagsAvailable={tagsAvailable} />
      <section
        className="library-main"
        aria-label="Library"
        aria-busy={pages.busy}
        data-shown-filter={shown?.filterText}
      >
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
                  // The table may lag the field: pick from the filter as typed, then move there.
                  void pages.firstRows().then((now) => {
                    const first = now[0];
                    if (first && !now.some((r) => r.id === selectedId)) setSelected(first.id);
                    setFocusSignal((n) => n + 1);
                  });
                }
                if (e.key === 'Escape' && filter.text) {
                  e.preventDefault();
                  setFilter({ ...filter, text: '' });
                }
              }}
            />
          </div>
          <span className="count" aria-live="polite">
            {!shown ? '' : libraryCountText(total, documentCount, isFiltering(filter))}
          </span>
        </div>
        {!shown ? (
          <div className="table-skeleton" aria-busy="true" aria-label="Loading the library" />
        ) : total === 0 && (documentCount === 0 || !isFiltering(filter)) ? (
          <EmptyState
            icon="library"
            title="Your archive is empty"
            action={
              <button type="button" className="btn primary" onClick={onImport}>
                <Icon name="import" /> Import documents
              </button>
            }
          >
            <p>
              Drop PDFs, Word files, emails, web pages or text files anywhere in this window, or choose them from your
              disk.
            </p>
          </EmptyState>
        ) : total === 0 ? (
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
            count={total}
            rowAt={pages.rowAt}
            selectedIndex={selectedIndex}
            onRange={pages.showRange}
            resetKey={shown.query}
            total={documentCount ?? total}
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
          tags={tagsAvailable ? selectedRow.tags : null}
          allTags={allTags}
          onOpen={open}
          onClose={() => {
            setPanel(false);
            setFocusSignal((n) => n + 1);
          }}
        />
      )}
      {!panel && selectedRow && (
        <button
          type="button"
          className="btn ghost panel-reopen"
          onClick={() => setPanel(true)}
          aria-label="Show details"
        >
          <Icon name="edit" /> Details
        </button>
      )}
    </div>
  );
}

/**
 * What the count says it counts: rows (a document's versions share one row) against the
 * archive's documents (every file counted).
 */
export function libraryCountText(rows: number, documents: number | undefined, filtering: boolean): string {
  const r = `${rows.toLocaleString()} ${rows === 1 ? 'row' : 'rows'}`;
  if (documents === undefined) return r;
  const d = `${documents.toLocaleString()} document${documents === 1 ? '' : 's'}`;
  if (filtering) return `${r} match, of ${d} (versions of one text share a row)`;
  return rows === documents ? d : `${r} for ${d} (versions of one text share a row)`;
}
