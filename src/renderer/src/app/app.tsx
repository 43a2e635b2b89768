/**
 * The window: a top bar (views, search, export, help), the current view, and what floats
 * above it (search, export, shortcuts, toasts). Files dropped anywhere are imported.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { api } from '../api/client.js';
import { invalidate, invalidateAll, useQuery } from '../api/use-query.js';
import { HelpSheet } from '../common/help-sheet.js';
import { Icon } from '../common/icons.js';
import { navigate, routeHash, useRoute, type Route } from '../common/router.js';
import { displayCombo, useShortcut } from '../common/shortcuts.js';
import { ToastProvider } from '../common/toast.js';
import { ExportDialog, type ExportRequest } from '../export/export-dialog.js';
import { ImportProvider, useImports } from '../import/import-store.js';
import { ImportView } from '../import/import-view.js';
import { LibraryView } from '../library/library-view.js';
import { QuotesBoard } from '../quotes/quotes-board.js';
import { ReviewView } from '../review/review-view.js';
import { SearchPalette } from '../search/search-palette.js';
import { ExportContext } from '../export/export-context.js';

export function App() {
  return (
    <ToastProvider>
      <ImportProvider>
        <Shell />
      </ImportProvider>
    </ToastProvider>
  );
}

// The reader carries pdf.js (the largest part of the app): load it on first use, so the
// library paints first.
const ReaderView = lazy(() => import('../reader/reader-view.js').then((m) => ({ default: m.ReaderView })));

const NAV: { route: Route['name']; label: string; icon: 'library' | 'quote' | 'import' | 'keyboard'; key: string }[] = [
  { route: 'library', label: 'Library', icon: 'library', key: 'alt+1' },
  { route: 'quotes', label: 'Quotes', icon: 'quote', key: 'alt+2' },
  { route: 'import', label: 'Import', icon: 'import', key: 'alt+3' },
  { route: 'review', label: 'Review metadata', icon: 'keyboard', key: 'alt+4' },
];

function Shell() {
  const route = useRoute();
  const { importFiles } = useImports();
  const info = useQuery('archive.info', {});
  const [searchOpen, setSearchOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [exportRequest, setExportRequest] = useState<ExportRequest | null>(null);
  const [dragging, setDragging] = useState(false);

  useShortcut('search', () => setSearchOpen(true));
  useShortcut('help', () => setHelpOpen(true));
  useShortcut('goLibrary', () => navigate({ name: 'library' }));
  useShortcut('goQuotes', () => navigate({ name: 'quotes' }));
  useShortcut('goImport', () => navigate({ name: 'import' }));
  useShortcut('goReview', () => navigate({ name: 'review' }));
  useShortcut('exportQuotes', () => setExportRequest({ source: null }));

  useEffect(() => {
    const client = api();
    const offChanged = client.on('archive.changed', () => invalidateAll());
    // Imports started elsewhere (the File menu, another window of the dev server) show up too.
    let pending = 0;
    const offProgress = client.on('import.progress', (event) => {
      if (!event.result || event.result.status !== 'imported') return;
      window.clearTimeout(pending);
      pending = window.setTimeout(() => invalidate('documents', 'archive'), 150);
    });
    const offMenu = client.on('menu.command', ({ command }) => {
      if (command === 'search') setSearchOpen(true);
      else if (command === 'shortcuts') setHelpOpen(true);
      else if (command === 'export') setExportRequest({ source: null });
    });
    return () => {
      window.clearTimeout(pending);
      offChanged();
      offProgress();
      offMenu();
    };
  }, []);

  useEffect(() => {
    document.title = info.data ? `${info.data.fileName} — Exhibit` : 'Exhibit';
  }, [info.data]);

  // Files dropped anywhere are imported, and the import view shows how it goes.
  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files');
    const onEnter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setDragging(true);
    };
    const onLeave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onOver = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const onDrop = (e: DragEvent) => {
      depth = 0;
      setDragging(false);
      if (!hasFiles(e) || e.defaultPrevented) return;
      e.preventDefault();
      importFiles([...(e.dataTransfer?.files ?? [])]);
      navigate({ name: 'import' });
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [importFiles]);

  return (
    <ExportContext.Provider value={setExportRequest}>
      <div className="app">
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="topbar">
          <div className="brand" title={info.data?.path}>
            <span className="brand-mark" aria-hidden="true">
              E
            </span>
            <span className="brand-name">Exhibit</span>
            {info.data && <span className="brand-file">{info.data.fileName}</span>}
            {info.data?.readOnly && (
              <span
                className="brand-read-only"
                role="status"
                title="The archive’s file or folder cannot be written: it can be read, but nothing can be changed in it."
              >
                Read-only
              </span>
            )}
          </div>
          <nav className="nav" aria-label="Views">
            {NAV.map((n) => {
              const active = route.name === n.route || (n.route === 'library' && route.name === 'reader');
              return (
                <button
                  key={n.route}
                  type="button"
                  className={`nav-item ${active ? 'active' : ''}`}
                  aria-current={active ? 'page' : undefined}
                  title={`${n.label} (${displayCombo(n.key).join(' ')})`}
                  onClick={() => navigate({ name: n.route } as Route)}
                >
                  <Icon name={n.icon} />
                  {n.label}
                </button>
              );
            })}
          </nav>
          <button
            type="button"
            className="search-trigger"
            onClick={() => setSearchOpen(true)}
            aria-label="Search everything"
            aria-keyshortcuts="Control+K"
          >
            <Icon name="search" />
            <span>Search everything</span>
            <span className="keys">
              {displayCombo('mod+k').map((k) => (
                <kbd key={k}>{k}</kbd>
              ))}
            </span>
          </button>
          <div className="topbar-actions">
            <button
              type="button"
              className="btn"
              onClick={() => setExportRequest({ source: null })}
              title="Export quotes (Ctrl E)"
            >
              <Icon name="export" /> Export
            </button>
            <button
              type="button"
              className="btn ghost icon help-button"
              aria-label="Keyboard shortcuts"
              title="Keyboard shortcuts (?)"
              onClick={() => setHelpOpen(true)}
            >
              <span aria-hidden="true">?</span>
            </button>
          </div>
        </header>
        <main id="main" className="content" tabIndex={-1}>
          {route.name === 'library' && <LibraryView onImport={() => navigate({ name: 'import' })} />}
          {route.name === 'reader' && (
            <Suspense fallback={<div className="reader-loading" aria-busy="true" aria-label="Opening the reader" />}>
              <ReaderView key={routeHash(route)} route={route} />
            </Suspense>
          )}
          {route.name === 'quotes' && <QuotesBoard collectionId={route.collectionId} />}
          {route.name === 'import' && <ImportView />}
          {route.name === 'review' && <ReviewView />}
        </main>
        {dragging && (
          <div className="drop-overlay" aria-hidden="true">
            <div>
              <Icon name="import" size={32} />
              <p>Drop to import into the archive</p>
            </div>
          </div>
        )}
        <SearchPalette open={searchOpen} onClose={() => setSearchOpen(false)} />
        <HelpSheet open={helpOpen} onClose={() => setHelpOpen(false)} historyHead={info.data?.historyHead} />
        <ExportDialog request={exportRequest} onClose={() => setExportRequest(null)} />
      </div>
    </ExportContext.Provider>
  );
}
