/**
 * The library table: virtualized (only the rows on screen exist), so 100,000 documents
 * scroll as smoothly as ten. Arrow keys move the selection, Enter opens.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { formatPartialDate, typeLabel } from '../common/format.js';
import type { LibraryRow, Sort, SortKey } from './library-rows.js';

const COLUMNS: { key: SortKey; label: string; className: string }[] = [
  { key: 'title', label: 'Title', className: 'col-title' },
  { key: 'type', label: 'Type', className: 'col-type' },
  { key: 'authors', label: 'Authors', className: 'col-authors' },
  { key: 'date', label: 'Date', className: 'col-date' },
  { key: 'tags', label: 'Tags', className: 'col-tags' },
  { key: 'quotes', label: 'Quotes', className: 'col-quotes' },
];

const ROW_HEIGHT = 36;

export interface LibraryTableProps {
  rows: readonly LibraryRow[];
  total: number;
  sort: Sort;
  onSort: (sort: Sort) => void;
  selectedId: number | null;
  onSelect: (id: number) => void;
  onOpen: (id: number) => void;
  /** Bumped to move focus into the table. */
  focusSignal?: number;
}

export function LibraryTable({ rows, total, sort, onSort, selectedId, onSelect, onOpen, focusSignal }: LibraryTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer keeps its own state; rows are re-read each render.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 16,
  });
  const selectedIndex = selectedId === null ? -1 : rows.findIndex((r) => r.id === selectedId);

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  useEffect(() => {
    if (focusSignal) scrollRef.current?.focus();
  }, [focusSignal]);

  const move = (delta: number) => {
    if (rows.length === 0) return;
    const next = Math.max(0, Math.min(rows.length - 1, (selectedIndex < 0 ? (delta > 0 ? -1 : rows.length) : selectedIndex) + delta));
    const row = rows[next];
    if (row) onSelect(row.id);
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    switch (event.key) {
      case 'ArrowDown':
        move(1);
        break;
      case 'ArrowUp':
        move(-1);
        break;
      case 'PageDown':
        move(page);
        break;
      case 'PageUp':
        move(-page);
        break;
      case 'Home':
        move(-rows.length);
        break;
      case 'End':
        move(rows.length);
        break;
      case 'Enter':
        if (selectedId !== null) onOpen(selectedId);
        break;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  };

  const items = virtualizer.getVirtualItems();
  return (
    <div
      className="library-table"
      role="grid"
      aria-label="Documents"
      aria-rowcount={rows.length + 1}
      aria-colcount={COLUMNS.length}
      aria-multiselectable="false"
    >
      <div className="lt-head" role="rowgroup">
        <div className="lt-row lt-header" role="row" aria-rowindex={1}>
          {COLUMNS.map((c) => {
            const active = sort.key === c.key;
            return (
              <div
                key={c.key}
                role="columnheader"
                className={c.className}
                aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
              >
                <button
                  type="button"
                  className={`lt-sort ${active ? 'active' : ''}`}
                  onClick={() =>
                    onSort({ key: c.key, direction: active && sort.direction === 'asc' ? 'desc' : active ? 'asc' : c.key === 'date' || c.key === 'quotes' ? 'desc' : 'asc' })
                  }
                  title={`Sort by ${c.label.toLowerCase()}`}
                >
                  {c.label}
                  <span className="lt-arrow" aria-hidden="true">
                    {active ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
                  </span>
                </button>
              </div>
            );
          })}
        </div>
      </div>
      <div
        ref={scrollRef}
        className="lt-body"
        role="rowgroup"
        tabIndex={0}
        aria-label={`${rows.length.toLocaleString()} of ${total.toLocaleString()} documents; arrow keys move, Enter opens`}
        aria-activedescendant={selectedIndex >= 0 ? `doc-row-${selectedId}` : undefined}
        onKeyDown={onKeyDown}
      >
        <div className="lt-spacer" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const selected = row.id === selectedId;
            return (
              <div
                key={row.id}
                id={`doc-row-${row.id}`}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={selected}
                className={`lt-row ${selected ? 'selected' : ''} ${item.index % 2 ? 'odd' : ''}`}
                style={{ transform: `translateY(${item.start}px)` }}
                onClick={() => onSelect(row.id)}
                onDoubleClick={() => onOpen(row.id)}
                data-document-id={row.id}
              >
                <div role="gridcell" className="col-title" title={row.title}>
                  <span className={`format-dot ${row.format}`} aria-hidden="true" />
                  <span className="cell-text">{row.title}</span>
                </div>
                <div role="gridcell" className="col-type">
                  {typeLabel(row.type)}
                </div>
                <div role="gridcell" className="col-authors" title={row.authorText}>
                  <span className="cell-text">{row.authorText}</span>
                </div>
                <div role="gridcell" className="col-date">
                  {formatPartialDate(row.date)}
                </div>
                <div role="gridcell" className="col-tags">
                  {row.tags.slice(0, 3).map((t) => (
                    <span key={t} className="chip">
                      {t}
                    </span>
                  ))}
                  {row.tags.length > 3 && <span className="faint">+{row.tags.length - 3}</span>}
                </div>
                <div role="gridcell" className="col-quotes">
                  {row.quoteCount > 0 ? row.quoteCount : <span className="faint">–</span>}
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
