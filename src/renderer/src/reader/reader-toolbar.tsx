/** The reader's toolbar: back to the library, the title, pages, zoom, find, Quote, the quotes panel. */
import type { Ref } from 'react';
import type { DocumentRecord } from '../../../shared/document.js';
import { formatPartialDate, typeLabel } from '../common/format.js';
import { Icon } from '../common/icons.js';
import { navigate } from '../common/router.js';
import { PageInput } from './page-input.js';
import type { ReaderZoom } from './use-reader-zoom.js';

export interface ReaderToolbarProps {
  doc: DocumentRecord;
  page: number;
  goToPage: (page: number) => void;
  pageInput: Ref<HTMLInputElement>;
  zoom: ReaderZoom;
  /** Whether the PDF viewer is showing (it alone can fit the width). */
  pdfView: boolean;
  onFind: () => void;
  /** Quote the selection or the current find match; null when there is neither. */
  onQuote: (() => void) | null;
  quoteCount: number;
  panelOpen: boolean;
  onTogglePanel: () => void;
}

export function ReaderToolbar({
  doc,
  page,
  goToPage,
  pageInput,
  zoom,
  pdfView,
  onFind,
  onQuote,
  quoteCount,
  panelOpen,
  onTogglePanel,
}: ReaderToolbarProps) {
  const pageCount = doc.pageCount;
  const meta = [typeLabel(doc.type), doc.authors.join('; '), formatPartialDate(doc.date)].filter(Boolean).join(' · ');
  return (
    <div className="reader-toolbar" role="toolbar" aria-label="Reader">
      <button
        type="button"
        className="btn ghost"
        onClick={() => navigate({ name: 'library' })}
        title="Back to the library (Backspace)"
      >
        <Icon name="chevronLeft" /> Library
      </button>
      <div className="reader-title">
        <h1 title={doc.title}>{doc.title}</h1>
        <span className="faint">{meta}</span>
      </div>
      <div className="page-nav" aria-label="Pages">
        <button
          type="button"
          className="btn ghost icon"
          aria-label="Previous page"
          onClick={() => goToPage(page - 1)}
          disabled={page <= 1}
        >
          <Icon name="chevronLeft" />
        </button>
        <PageInput page={page} pageCount={pageCount} goToPage={goToPage} inputRef={pageInput} />
        <span className="faint page-total">of {pageCount}</span>
        <button
          type="button"
          className="btn ghost icon"
          aria-label="Next page"
          onClick={() => goToPage(page + 1)}
          disabled={page >= pageCount}
        >
          <Icon name="chevronRight" />
        </button>
      </div>
      <div className="zoom" aria-label="Zoom">
        <button type="button" className="btn ghost icon" aria-label="Zoom out" onClick={() => zoom.zoomBy(-1)}>
          <Icon name="minus" />
        </button>
        <span className="zoom-level" aria-live="polite">
          {Math.round(zoom.shown * 100)}%
        </span>
        <button type="button" className="btn ghost icon" aria-label="Zoom in" onClick={() => zoom.zoomBy(1)}>
          <Icon name="plus" />
        </button>
        {pdfView && (
          <button
            type="button"
            className={`btn ghost ${zoom.zoom.mode === 'fit' ? 'pressed' : ''}`}
            aria-pressed={zoom.zoom.mode === 'fit'}
            onClick={zoom.fitWidth}
            title="Fit the page to the width (W)"
          >
            <Icon name="fitWidth" /> Fit width
          </button>
        )}
      </div>
      <span className="spacer" />
      <button
        type="button"
        className="btn ghost icon"
        aria-label="Find in this document"
        title="Find in this document (Ctrl F)"
        onClick={onFind}
      >
        <Icon name="search" />
      </button>
      <button
        type="button"
        className="btn primary"
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => onQuote?.()}
        disabled={!onQuote}
        title="Quote the selected text or the current find match (Q)"
      >
        <Icon name="quote" /> Quote
      </button>
      <button
        type="button"
        className={`btn ghost ${panelOpen ? 'pressed' : ''}`}
        aria-pressed={panelOpen}
        onClick={onTogglePanel}
      >
        Quotes{quoteCount ? ` (${quoteCount})` : ''}
      </button>
    </div>
  );
}
