/**
 * The reader: a PDF drawn by pdf.js (or any other document as clean text), its saved
 * quotes highlighted where they stand, find in document, and quoting from a selection.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { Quote } from '../../../shared/contract.js';
import type { DocumentRecord } from '../../../shared/document.js';
import { useQuery } from '../api/use-query.js';
import { ErrorLine } from '../common/empty-state.js';
import { plainError } from '../common/errors.js';
import { Icon } from '../common/icons.js';
import { navigate, type Route } from '../common/router.js';
import { useShortcut } from '../common/shortcuts.js';
import { pinpoint } from '../quotes/page-label.js';
import { QuotePopover } from '../quotes/quote-popover.js';
import { FindBar } from './find-bar.js';
import { noTextNotice } from './no-text.js';
import { passageText, type PassageAnchor } from './page-offsets.js';
import { PdfViewer, type PdfViewerHandle } from './pdf-viewer.js';
import { highlightsByPage } from './reader-highlights.js';
import { ReaderQuotesPanel } from './reader-quotes-panel.js';
import { ReaderToolbar } from './reader-toolbar.js';
import { TextMap } from './text-map.js';
import { TextViewer, type TextViewerHandle } from './text-viewer.js';
import { useFindInDocument } from './use-find-in-document.js';
import { usePdf } from './use-pdf.js';
import { useQuoteDraft } from './use-quote-draft.js';
import { useReaderZoom } from './use-reader-zoom.js';
import { useSelectionAnchor, type SelectedPassage } from './use-selection-anchor.js';

type ReaderRoute = Extract<Route, { name: 'reader' }>;

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
  const zoom = useReaderZoom(usePdfView);
  const [panelOpen, setPanelOpen] = useState(true);
  const [activeQuote, setActiveQuote] = useState<number | null>(route.quoteId ?? null);
  const [focus, setFocus] = useState<{ key: string; page: number; token: number } | null>(null);

  const pages = useMemo(() => pagesQuery.data ?? [], [pagesQuery.data]);
  const pageText = useCallback((n: number) => pages[n - 1]?.text ?? '', [pages]);
  const quotes = useMemo(() => quotesQuery.data ?? [], [quotesQuery.data]);
  const allTags = useMemo(() => (tagsQuery.data ?? []).map((t) => t.name), [tagsQuery.data]);
  const pageCount = doc.pageCount;

  const showAt = useCallback((key: string, atPage: number) => {
    setFocus((f) => ({ key, page: atPage, token: (f?.token ?? 0) + 1 }));
  }, []);
  const find = useFindInDocument(pages, route.find, showAt);
  const draft = useQuoteDraft(doc);
  const [selected, clearSelected, selectionNow] = useSelectionAnchor(
    viewerArea,
    textMap,
    pageText,
    draft.passage !== null,
  );

  const goToPage = useCallback(
    (n: number) => {
      const target = Math.max(1, Math.min(pageCount, n));
      if (usePdfView) pdfViewer.current?.goToPage(target);
      else textViewer.current?.goToPage(target);
      setPage(target);
    },
    [pageCount, usePdfView],
  );

  // Arriving from a search hit: the first match on the requested page is the current one.
  // Arriving for a quote: show it once the quotes are read.
  const [arrived, setArrived] = useState({ find: !route.find, quote: route.quoteId === undefined });
  if (!arrived.find && pages.length > 0) {
    setArrived((a) => ({ ...a, find: true }));
    const onPage = find.matches.findIndex((m) => m.page === (route.page ?? m.page));
    const index = Math.max(0, onPage);
    const m = find.matches[index];
    find.setIndex(index);
    if (m) showAt(`find-${index}`, m.page);
  }
  const source = useMemo(
    () => (route.mark && route.page !== undefined ? { page: route.page, ...route.mark } : null),
    [route.mark, route.page],
  );
  const [arrivedSource, setArrivedSource] = useState(source === null);
  if (!arrivedSource && pages.length > 0) {
    setArrivedSource(true);
    if (source) showAt('source', source.page);
  }
  if (!arrived.quote) {
    const q = quotes.find((x) => x.id === route.quoteId);
    if (q || quotesQuery.error) setArrived((a) => ({ ...a, quote: true }));
    if (q) showAt(`q${q.id}`, q.page);
  }

  const pending = draft.passage?.anchor ?? null;
  const highlights = useMemo(
    () =>
      highlightsByPage(
        { quotes, activeQuote, matches: find.matches, findIndex: find.index, pending, source },
        pageText,
      ),
    [quotes, find.matches, find.index, pending, activeQuote, pageText, source],
  );

  const noText = noTextNotice(pagesQuery.data ? pages.map((p) => p.text) : null, page);
  const openPopover = (passage: SelectedPassage | null) =>
    draft.open(passage, noText ?? 'Select some text in the document first, then press Q.');

  // Without a mouse there is no text selection: the current find match stands in for it.
  const currentMatch = find.open ? find.matches[find.index] : undefined;
  const matchPassage = (): SelectedPassage | null => {
    const m = currentMatch;
    if (!m) return null;
    const anchor: PassageAnchor = { page: m.page, start: m.start, pageEnd: m.page, end: m.end };
    const el = viewerArea.current?.querySelector('.hl.hit-current, .hl-inline.hit-current');
    const r = el?.getBoundingClientRect() ?? viewerArea.current?.getBoundingClientRect();
    return {
      anchor,
      text: passageText(anchor, pageText),
      rect: r
        ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom }
        : { left: 200, top: 200, right: 200, bottom: 200 },
    };
  };
  const quoteCurrentMatch = () => {
    const passage = matchPassage();
    if (passage) openPopover(passage);
  };

  // The selection as it stands at the key press, not as last reported (a drag may have just ended).
  useShortcut('quote', () => (draft.passage ? false : openPopover(selectionNow() ?? matchPassage())));
  useShortcut('findInDocument', find.show);
  useShortcut('nextPage', () => goToPage(page + 1));
  useShortcut('previousPage', () => goToPage(page - 1));
  useShortcut('goToPage', () => {
    pageInput.current?.focus();
    pageInput.current?.select();
  });
  useShortcut('backToLibrary', () => navigate({ name: 'library' }));
  useShortcut('zoomIn', () => zoom.zoomBy(1));
  useShortcut('zoomOut', () => zoom.zoomBy(-1));
  useShortcut('fitWidth', zoom.fitWidth);

  const onQuoteClick = useCallback((id: number) => {
    setActiveQuote(id);
    setPanelOpen(true);
    window.setTimeout(
      () => document.querySelector(`.reader-panel [data-quote-id="${id}"]`)?.scrollIntoView({ block: 'nearest' }),
      0,
    );
  }, []);

  const showQuote = (q: Quote) => {
    setActiveQuote(q.id);
    showAt(`q${q.id}`, q.page);
  };

  const initialPage = route.page ?? 1;

  return (
    <div className={`reader ${panelOpen ? 'with-panel' : ''}`}>
      <ReaderToolbar
        doc={doc}
        page={page}
        goToPage={goToPage}
        pageInput={pageInput}
        zoom={zoom}
        pdfView={usePdfView}
        onFind={find.show}
        onQuote={selected || currentMatch ? () => openPopover(selected ?? matchPassage()) : null}
        quoteCount={quotes.length}
        panelOpen={panelOpen}
        onTogglePanel={() => setPanelOpen((o) => !o)}
      />

      {find.open && (
        <FindBar
          query={find.query}
          onQuery={find.setQuery}
          matches={find.matches}
          index={find.index}
          onStep={find.step}
          onClose={find.close}
          onQuoteMatch={quoteCurrentMatch}
          focusToken={find.focusToken}
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
                zoom={zoom.zoom}
                highlightsByPage={highlights}
                focus={focus}
                textMap={textMap}
                initialPage={initialPage}
                onPageChange={setPage}
                onScaleChange={zoom.setScale}
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
              highlightsByPage={highlights}
              focus={focus}
              textMap={textMap}
              initialPage={initialPage}
              onPageChange={setPage}
              onQuoteClick={onQuoteClick}
              scale={zoom.textScale}
            />
          ) : (
            <div className="reader-loading" aria-busy="true" />
          )}
          {selected && !draft.passage && (
            <button
              type="button"
              className="selection-quote"
              style={{
                left: Math.min(selected.rect.right, window.innerWidth - 120),
                top: Math.max(8, selected.rect.top - 40),
              }}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => openPopover(selected)}
            >
              <Icon name="quote" /> Quote <kbd>Q</kbd>
            </button>
          )}
        </div>
        {panelOpen && (
          <ReaderQuotesPanel
            quotes={quotes}
            error={quotesQuery.error}
            allTags={allTags}
            activeQuote={activeQuote}
            onShow={showQuote}
          />
        )}
      </div>

      {draft.passage && (
        <QuotePopover
          anchorRect={draft.passage.rect}
          text={draft.passage.text}
          pageLabel={pinpoint(doc, draft.passage.anchor.page, draft.passage.anchor.pageEnd)}
          suggestions={allTags}
          initialTags={[]}
          saving={draft.saving}
          error={draft.error}
          onSave={(tags, note) =>
            void draft.save(tags, note, (quoteId) => {
              clearSelected();
              setActiveQuote(quoteId);
            })
          }
          onCancel={() => {
            draft.cancel();
            viewerArea.current?.querySelector<HTMLElement>('.pdf-viewer, .text-viewer')?.focus();
          }}
        />
      )}
    </div>
  );
}
