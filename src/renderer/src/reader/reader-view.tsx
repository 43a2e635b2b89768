/**
 * The reader: a PDF drawn by pdf.js (or any other document as clean text), its saved
 * quotes highlighted where they stand, find in document, and quoting from a selection.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { Quote } from '../../../shared/contract.js';
import type { DocumentRecord } from '../../../shared/document.js';
import { api } from '../api/client.js';
import { invalidate, useQuery } from '../api/use-query.js';
import { ErrorLine } from '../common/empty-state.js';
import { plainError } from '../common/errors.js';
import { typeLabel, formatPartialDate } from '../common/format.js';
import { Icon } from '../common/icons.js';
import { navigate, type Route } from '../common/router.js';
import { useShortcut } from '../common/shortcuts.js';
import { useToast } from '../common/toast.js';
import { pinpoint } from '../quotes/page-label.js';
import { QuoteCard } from '../quotes/quote-card.js';
import { QuotePopover } from '../quotes/quote-popover.js';
import { FindBar, type FindMatch } from './find-bar.js';
import { noTextNotice } from './no-text.js';
import { anchorToPageRanges, findAll, passageText, type PassageAnchor } from './page-offsets.js';
import type { PageHighlight } from './pdf-page.js';
import { PdfViewer, type PdfViewerHandle, type Zoom } from './pdf-viewer.js';
import { TextMap } from './text-map.js';
import { TextViewer, type TextViewerHandle } from './text-viewer.js';
import { usePdf } from './use-pdf.js';
import { useSelectionAnchor, type SelectedPassage } from './use-selection-anchor.js';

type ReaderRoute = Extract<Route, { name: 'reader' }>;

const ZOOM_STEPS = [0.5, 0.67, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4];
const MAX_FIND = 5000;

export function ReaderView({ route }: { route: ReaderRoute }) {
  const documentId = route.documentId;
  const doc = useQuery('documents.get', { id: documentId });
  if (doc.error) {
    return (
      <div className="view-pad">
        <button type="button" className="btn ghost" onClick={() => navigate({ name: 'library' })}>
          <Icon name="chevronLeft" /> Library
        </button>
        <ErrorLine message={plainError(doc.error, 'opening the document')} onRetry={doc.reload} />
      </div>
    );
  }
  if (!doc.data) return <div className="reader-loading" aria-busy="true" aria-label="Opening the document" />;
  return <Reader doc={doc.data} route={route} />;
}

function Reader({ doc, route }: { doc: DocumentRecord; route: ReaderRoute }) {
  const toast = useToast();
  const pagesQuery = useQuery('documents.pages', { id: doc.id });
  const quotesQuery = useQuery('quotes.list', { documentId: doc.id });
  const tagsQuery = useQuery('tags.list', {});
  const pdfState = usePdf(doc.id, doc.format === 'pdf');
  const usePdfView = doc.format === 'pdf' && !pdfState.error;

  const [textMap] = useState(() => new TextMap());
  const pdfViewer = useRef<PdfViewerHandle>(null);
  const textViewer = useRef<TextViewerHandle>(null);
  const viewerArea = useRef<HTMLDivElement>(null);
  const pageInput = useRef<HTMLInputElement>(null);

  const [page, setPage] = useState(route.page ?? 1);
  const [pageDraft, setPageDraft] = useState<string | null>(null);
  const [zoom, setZoom] = useState<Zoom>({ mode: 'fit' });
  const [scale, setScale] = useState(1);
  const [textScale, setTextScale] = useState(1);
  const [panelOpen, setPanelOpen] = useState(true);
  const [activeQuote, setActiveQuote] = useState<number | null>(route.quoteId ?? null);
  const [focus, setFocus] = useState<{ key: string; page: number; token: number } | null>(null);

  const [findOpen, setFindOpen] = useState(Boolean(route.find));
  const [findQuery, setFindQuery] = useState(route.find ?? '');
  const [findIndex, setFindIndex] = useState(0);
  const [findFocus, setFindFocus] = useState(0);

  const [popover, setPopover] = useState<SelectedPassage | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState('');

  const pages = useMemo(() => pagesQuery.data ?? [], [pagesQuery.data]);
  const pageText = useCallback((n: number) => pages[n - 1]?.text ?? '', [pages]);
  const quotes = useMemo(() => quotesQuery.data ?? [], [quotesQuery.data]);
  const allTags = useMemo(() => (tagsQuery.data ?? []).map((t) => t.name), [tagsQuery.data]);
  const pageCount = doc.pageCount;

  const [selected, clearSelected, selectionNow] = useSelectionAnchor(viewerArea, textMap, pageText, popover !== null);

  const showAt = useCallback((key: string, atPage: number) => {
    setFocus((f) => ({ key, page: atPage, token: (f?.token ?? 0) + 1 }));
  }, []);

  const goToPage = useCallback(
    (n: number) => {
      const target = Math.max(1, Math.min(pageCount, n));
      if (usePdfView) pdfViewer.current?.goToPage(target);
      else textViewer.current?.goToPage(target);
      setPage(target);
    },
    [pageCount, usePdfView],
  );

  // Find in document over the stored page texts.
  const matches = useMemo<FindMatch[]>(() => {
    if (!findOpen || findQuery.trim().length < 1) return [];
    const out: FindMatch[] = [];
    for (const p of pages) {
      for (const m of findAll(p.text, findQuery)) {
        out.push({ page: p.number, ...m });
        if (out.length >= MAX_FIND) return out;
      }
    }
    return out;
  }, [pages, findQuery, findOpen]);

  // Arriving from a search hit: the first match on the requested page is the current one.
  // Arriving for a quote: show it once the quotes are read.
  const [arrived, setArrived] = useState({ find: !route.find, quote: route.quoteId === undefined });
  if (!arrived.find && pages.length > 0) {
    setArrived((a) => ({ ...a, find: true }));
    const onPage = matches.findIndex((m) => m.page === (route.page ?? m.page));
    const index = Math.max(0, onPage);
    const m = matches[index];
    setFindIndex(index);
    if (m) showAt(`find-${index}`, m.page);
  }
  if (!arrived.quote) {
    const q = quotes.find((x) => x.id === route.quoteId);
    if (q || quotesQuery.error) setArrived((a) => ({ ...a, quote: true }));
    if (q) showAt(`q${q.id}`, q.page);
  }

  const stepFind = (delta: number) => {
    if (matches.length === 0) return;
    const index = (findIndex + delta + matches.length) % matches.length;
    setFindIndex(index);
    const m = matches[index];
    if (m) showAt(`find-${index}`, m.page);
  };

  const highlightsByPage = useMemo(() => {
    const map = new Map<number, PageHighlight[]>();
    const add = (p: number, h: PageHighlight) => {
      const list = map.get(p);
      if (list) list.push(h);
      else map.set(p, [h]);
    };
    const len = (p: number) => pageText(p).length;
    for (const q of quotes) {
      for (const r of anchorToPageRanges(q, len)) {
        add(r.page, { key: `q${q.id}`, start: r.start, end: r.end, kind: q.id === activeQuote ? 'quote-active' : 'quote', quoteId: q.id });
      }
    }
    matches.forEach((m, i) => add(m.page, { key: `find-${i}`, start: m.start, end: m.end, kind: i === findIndex ? 'hit-current' : 'hit' }));
    if (popover) for (const r of anchorToPageRanges(popover.anchor, len)) add(r.page, { key: 'pending', start: r.start, end: r.end, kind: 'pending' });
    return map;
  }, [quotes, matches, findIndex, popover, activeQuote, pageText]);

  const noText = noTextNotice(pagesQuery.data ? pages.map((p) => p.text) : null, page);
  const openPopover = (passage: SelectedPassage | null) => {
    if (!passage) {
      toast(noText ?? 'Select some text in the document first, then press Q.', { tone: 'info' });
      return false;
    }
    setSaveError('');
    setPopover(passage);
    window.getSelection()?.removeAllRanges();
    return true;
  };

  // Without a mouse there is no text selection: the current find match stands in for it.
  const matchPassage = (): SelectedPassage | null => {
    const m = findOpen ? matches[findIndex] : undefined;
    if (!m) return null;
    const anchor: PassageAnchor = { page: m.page, start: m.start, pageEnd: m.page, end: m.end };
    const el = viewerArea.current?.querySelector('.hl.hit-current, .hl-inline.hit-current');
    const r = el?.getBoundingClientRect() ?? viewerArea.current?.getBoundingClientRect();
    return { anchor, text: passageText(anchor, pageText), rect: r ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom } : { left: 200, top: 200, right: 200, bottom: 200 } };
  };
  const quoteCurrentMatch = () => {
    const passage = matchPassage();
    if (passage) openPopover(passage);
  };

  const save = async (tags: string[], note: string) => {
    if (!popover) return;
    setSaving(true);
    const { anchor, text } = popover;
    const result = await api().call('quotes.create', { documentId: doc.id, ...anchor, text, tags, note: note.trim() === '' ? null : note.trim() });
    setSaving(false);
    if (!result.ok) {
      setSaveError(plainError(result.error, 'saving the quote'));
      return;
    }
    setPopover(null);
    clearSelected();
    invalidate('quotes', 'tags');
    setActiveQuote(result.value.id);
    toast(`Quote saved (${pinpoint(doc, anchor.page, anchor.pageEnd)}).`, { tone: 'success' });
  };

  // The selection as it stands at the key press, not as last reported (a drag may have just ended).
  useShortcut('quote', () => (popover ? false : openPopover(selectionNow() ?? matchPassage())));
  useShortcut('findInDocument', () => {
    setFindOpen(true);
    setFindFocus((n) => n + 1);
  });
  useShortcut('nextPage', () => goToPage(page + 1));
  useShortcut('previousPage', () => goToPage(page - 1));
  useShortcut('goToPage', () => {
    pageInput.current?.focus();
    pageInput.current?.select();
  });
  useShortcut('backToLibrary', () => navigate({ name: 'library' }));
  const zoomBy = (direction: 1 | -1) => {
    if (!usePdfView) {
      setTextScale((s) => Math.max(0.7, Math.min(2, Math.round((s + direction * 0.1) * 10) / 10)));
      return;
    }
    const current = scale;
    const next = direction > 0 ? ZOOM_STEPS.find((s) => s > current + 0.01) : [...ZOOM_STEPS].reverse().find((s) => s < current - 0.01);
    if (next) setZoom({ mode: 'scale', scale: next });
  };
  useShortcut('zoomIn', () => zoomBy(1));
  useShortcut('zoomOut', () => zoomBy(-1));
  useShortcut('fitWidth', () => setZoom({ mode: 'fit' }));

  const onQuoteClick = useCallback((id: number) => {
    setActiveQuote(id);
    setPanelOpen(true);
    window.setTimeout(() => document.querySelector(`.reader-panel [data-quote-id="${id}"]`)?.scrollIntoView({ block: 'nearest' }), 0);
  }, []);

  const showQuote = (q: Quote) => {
    setActiveQuote(q.id);
    showAt(`q${q.id}`, q.page);
  };

  const initialPage = route.page ?? 1;
  const meta = [typeLabel(doc.type), doc.authors.join('; '), formatPartialDate(doc.date)].filter(Boolean).join(' · ');

  return (
    <div className={`reader ${panelOpen ? 'with-panel' : ''}`}>
      <div className="reader-toolbar" role="toolbar" aria-label="Reader">
        <button type="button" className="btn ghost" onClick={() => navigate({ name: 'library' })} title="Back to the library (Backspace)">
          <Icon name="chevronLeft" /> Library
        </button>
        <div className="reader-title">
          <h1 title={doc.title}>{doc.title}</h1>
          <span className="faint">{meta}</span>
        </div>
        <div className="page-nav" aria-label="Pages">
          <button type="button" className="btn ghost icon" aria-label="Previous page" onClick={() => goToPage(page - 1)} disabled={page <= 1}>
            <Icon name="chevronLeft" />
          </button>
          <input
            ref={pageInput}
            className="input page-input"
            aria-label={`Page number, 1 to ${pageCount}`}
            inputMode="numeric"
            value={pageDraft ?? String(page)}
            onChange={(e) => setPageDraft(e.target.value)}
            onFocus={() => setPageDraft(String(page))}
            onBlur={() => setPageDraft(null)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                const n = Number(pageDraft);
                if (Number.isInteger(n)) goToPage(n);
                setPageDraft(null);
                (e.target as HTMLInputElement).blur();
              } else if (e.key === 'Escape') {
                setPageDraft(null);
                (e.target as HTMLInputElement).blur();
              }
            }}
          />
          <span className="faint page-total">of {pageCount}</span>
          <button type="button" className="btn ghost icon" aria-label="Next page" onClick={() => goToPage(page + 1)} disabled={page >= pageCount}>
            <Icon name="chevronRight" />
          </button>
        </div>
        <div className="zoom" aria-label="Zoom">
          <button type="button" className="btn ghost icon" aria-label="Zoom out" onClick={() => zoomBy(-1)}>
            <Icon name="minus" />
          </button>
          <span className="zoom-level" aria-live="polite">
            {Math.round((usePdfView ? scale : textScale) * 100)}%
          </span>
          <button type="button" className="btn ghost icon" aria-label="Zoom in" onClick={() => zoomBy(1)}>
            <Icon name="plus" />
          </button>
          {usePdfView && (
            <button type="button" className={`btn ghost ${zoom.mode === 'fit' ? 'pressed' : ''}`} aria-pressed={zoom.mode === 'fit'} onClick={() => setZoom({ mode: 'fit' })} title="Fit the page to the width (W)">
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
          onClick={() => {
            setFindOpen(true);
            setFindFocus((n) => n + 1);
          }}
        >
          <Icon name="search" />
        </button>
        <button
          type="button"
          className="btn primary"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => openPopover(selected ?? matchPassage())}
          disabled={!selected && !(findOpen && matches[findIndex])}
          title="Quote the selected text or the current find match (Q)"
        >
          <Icon name="quote" /> Quote
        </button>
        <button type="button" className={`btn ghost ${panelOpen ? 'pressed' : ''}`} aria-pressed={panelOpen} onClick={() => setPanelOpen((o) => !o)}>
          Quotes{quotes.length ? ` (${quotes.length})` : ''}
        </button>
      </div>

      {findOpen && (
        <FindBar
          query={findQuery}
          onQuery={(q) => {
            setFindQuery(q);
            setFindIndex(0);
          }}
          matches={matches}
          index={findIndex}
          onStep={stepFind}
          onClose={() => {
            setFindOpen(false);
            setFindQuery('');
          }}
          onQuoteMatch={quoteCurrentMatch}
          focusToken={findFocus}
        />
      )}

      <div className="reader-body">
        <div ref={viewerArea} className="viewer-area">
          {doc.format === 'pdf' && pdfState.error && <div className="reader-notice">{pdfState.error}</div>}
          {noText && (
            <div className="reader-notice" role="note" aria-label="No text">
              {noText}
            </div>
          )}
          {usePdfView ? (
            pdfState.pdf ? (
              <PdfViewer
                ref={pdfViewer}
                pdf={pdfState.pdf}
                documentId={doc.id}
                zoom={zoom}
                highlightsByPage={highlightsByPage}
                focus={focus}
                textMap={textMap}
                initialPage={initialPage}
                onPageChange={setPage}
                onScaleChange={setScale}
                onQuoteClick={onQuoteClick}
              />
            ) : (
              <div className="reader-loading" aria-busy="true" aria-label="Drawing the document" />
            )
          ) : pagesQuery.error ? (
            <ErrorLine message={plainError(pagesQuery.error, 'reading the text')} onRetry={pagesQuery.reload} />
          ) : pagesQuery.data ? (
            <TextViewer
              ref={textViewer}
              pages={pages}
              highlightsByPage={highlightsByPage}
              focus={focus}
              textMap={textMap}
              initialPage={initialPage}
              onPageChange={setPage}
              onQuoteClick={onQuoteClick}
              scale={textScale}
            />
          ) : (
            <div className="reader-loading" aria-busy="true" />
          )}
          {selected && !popover && (
            <button
              type="button"
              className="selection-quote"
              style={{ left: Math.min(selected.rect.right, window.innerWidth - 120), top: Math.max(8, selected.rect.top - 40) }}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => openPopover(selected)}
            >
              <Icon name="quote" /> Quote <kbd>Q</kbd>
            </button>
          )}
        </div>
        {panelOpen && (
          <aside className="side-panel reader-panel" aria-label="Quotes in this document">
            <header className="side-panel-head">
              <h2>Quotes in this document</h2>
            </header>
            {quotesQuery.error ? (
              <p className="panel-note error">{plainError(quotesQuery.error)}</p>
            ) : quotes.length === 0 ? (
              <div className="panel-empty">
                <p>No quotes yet.</p>
                <p className="faint">Select a passage with the mouse, then press <kbd>Q</kbd> or the Quote button. With the keyboard: find it with <kbd>Ctrl</kbd> <kbd>F</kbd>, then press <kbd>Ctrl</kbd> <kbd>Enter</kbd> (or Tab away and press <kbd>Q</kbd>).</p>
              </div>
            ) : (
              <div className="quote-list">
                {[...quotes]
                  .sort((a, b) => a.page - b.page || a.start - b.start)
                  .map((q) => (
                    <QuoteCard key={`${q.id}:${q.updatedAt}`} quote={q} allTags={allTags} active={q.id === activeQuote} onShow={showQuote} />
                  ))}
              </div>
            )}
          </aside>
        )}
      </div>

      {popover && (
        <QuotePopover
          anchorRect={popover.rect}
          text={popover.text}
          pageLabel={pinpoint(doc, popover.anchor.page, popover.anchor.pageEnd)}
          suggestions={allTags}
          initialTags={[]}
          saving={saving}
          error={saveError}
          onSave={(tags, note) => void save(tags, note)}
          onCancel={() => {
            setPopover(null);
            viewerArea.current?.querySelector<HTMLElement>('.pdf-viewer, .text-viewer')?.focus();
          }}
        />
      )}
    </div>
  );
}
