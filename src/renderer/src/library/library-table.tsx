/**
 * The library table: virtualized (only the rows on screen exist), so 100,000 documents
 * scroll as smoothly as ten. Its rows come in pages from the core as they scroll into
 * view (a row not yet here is drawn as a blank line). Arrow keys move the selection,
 * Enter opens.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { alsoInText, formatPartialDate, typeLabel } from '../common/format.js';
import { FormatBadge } from '../common/format-badge.js';
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
  /** Rows that pass the filter, fetched or not. */
  count: number;
  /** The row at an index, undefined while its page is on its way. */
  rowAt: (index: number) => LibraryRow | undefined;
  /** Where the selected row stands, -1 when unknown. */
  selectedIndex: number;
  /** Called with the rows in view (overscan included), so their pages are fetched. */
  onRange: (start: number, end: number) => void;
  /** A new order or filter: back to the top. */
  resetKey: string;
  total: number;
  sort: Sort;
  onSort: (sort: Sort) => void;
  selectedId: number | null;
  onSelect: (id: number) => void;
  onOpen: (id: number) => void;
  /** Bumped to move focus into the table. */
  focusSignal?: number;
}

export function LibraryTable({
  count,
  rowAt,
  selectedIndex,
  onRange,
  resetKey,
  total,
  sort,
  onSort,
  selectedId,
  onSelect,
  onOpen,
  focusSignal,
}: LibraryTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  /** A row the keyboard moved to before its page arrived: selected when it does. */
  const [pending, setPending] = useState<number | null>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer keeps its own state; rows are re-read each render.
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 16,
  });
  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [resetKey]);

  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => onRange(first, last), [first, last, onRange, resetKey]);

  const pendingRow = pending === null ? undefined : rowAt(pending);
  useEffect(() => {
    if (pendingRow) {
      setPending(null);
      onSelect(pendingRow.id);
    }
  }, [pendingRow, onSelect]);

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  useEffect(() => {
    if (focusSignal) scrollRef.current?.focus();
  }, [focusSignal]);

  const move = (delta: number) => {
    if (count === 0) return;
    const from = pending ?? selectedIndex;
    const next = Math.max(0, Math.min(count - 1, (from < 0 ? (delta > 0 ? -1 : count) : from) + delta));
    const row = rowAt(next);
    if (row) {
      setPending(null);
      onSelect(row.id);
    } else {
      setPending(next);
      virtualizer.scrollToIndex(next, { align: 'auto' });
    }
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
        move(-count);
        break;
      case 'End':
        move(count);
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

  return (
    <div
      className="library-table"
      role="grid"
      aria-label="Documents"
      aria-rowcount={count + 1}
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
                    onSort({
                      key: c.key,
                      direction:
                        active && sort.direction === 'asc'
                          ? 'desc'
                          : active
                            ? 'asc'
                            : c.key === 'date' || c.key === 'quotes'
                              ? 'desc'
                              : 'asc',
                    })
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
        aria-label={`${count.toLocaleString()} of ${total.toLocaleString()} documents; arrow keys move, Enter opens`}
        aria-activedescendant={selectedIndex >= 0 ? `doc-row-${selectedId}` : undefined}
        onKeyDown={onKeyDown}
      >
        <div className="lt-spacer" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rowAt(item.index);
            if (!row)
              return (
                <div
                  key={`wait-${item.index}`}
                  className="lt-row lt-waiting"
                  aria-hidden="true"
                  style={{ transform: `translateY(${item.start}px)` }}
                />
              );
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
                  <FormatBadge format={row.format} />
                  {row.versions.length > 0 && (
                    <span className="also-in" title={alsoInText(row.versions)}>
                      {alsoInText(row.versions)}
                    </span>
                  )}
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
                  {versionQuotes(row) > 0 && (
                    <span className="faint" title="Quotes made on its other versions, which stay on them">
                      {' '}
                      +{versionQuotes(row)} in versions
                    </span>
                  )}
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

/** Quotes made on a row's other versions (each stays on the version it was made on). */
function versionQuotes(row: LibraryRow): number {
  return row.versions.reduce((n, v) => n + v.quoteCount, 0);
}
