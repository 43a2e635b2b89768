/**
 * Documents other than PDFs, shown as their extracted text only: React text nodes in a
 * pre-wrapped block, never markup from the archive (an archived web page cannot run or
 * load anything). Highlights split the text into spans; the text itself is untouched, so
 * a selection's offsets are offsets into the stored page text.
 */
import { forwardRef, memo, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useRef } from 'react';
import type { PageText } from '../../../shared/document.js';
import type { PageHighlight } from './pdf-page.js';
import { segments } from './segments.js';
import type { TextMap } from './text-map.js';

export interface TextViewerHandle {
  goToPage: (page: number) => void;
}

export interface TextViewerProps {
  pages: readonly PageText[];
  highlightsByPage: ReadonlyMap<number, PageHighlight[]>;
  focus: { key: string; page: number; token: number } | null;
  textMap: TextMap;
  initialPage: number;
  onPageChange: (page: number) => void;
  onQuoteClick: (quoteId: number) => void;
  /** A reading size multiplier (zoom). */
  scale: number;
}

const NO_HIGHLIGHTS: PageHighlight[] = [];
const RANK: Record<PageHighlight['kind'], number> = {
  hit: 1,
  quote: 2,
  'quote-active': 3,
  'hit-current': 4,
  pending: 5,
  source: 6,
};

const TextPage = memo(function TextPage({
  page,
  highlights,
  focus,
  textMap,
  onQuoteClick,
  showNumber,
}: {
  page: PageText;
  highlights: readonly PageHighlight[];
  focus: { key: string; token: number } | null;
  textMap: TextMap;
  onQuoteClick: (quoteId: number) => void;
  showNumber: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const scrolledFor = useRef(-1);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    textMap.set({ kind: 'text', page: page.number, element: el });
    return () => textMap.delete(page.number, el);
  }, [page.number, textMap]);
  useEffect(() => {
    if (!focus || scrolledFor.current === focus.token) return;
    const target = ref.current?.querySelector<HTMLElement>(`[data-key~="${CSS.escape(focus.key)}"]`);
    if (target) {
      scrolledFor.current = focus.token;
      target.scrollIntoView({ block: 'center' });
    }
  }, [focus, highlights]);

  return (
    <section className="text-page-box" data-page-number={page.number} aria-label={`Page ${page.number}`}>
      {showNumber && (
        <div className="text-page-number" aria-hidden="true">
          Page {page.number}
        </div>
      )}
      <div
        ref={ref}
        className="text-page"
        onClick={(e) => {
          const selection = window.getSelection();
          if (selection && !selection.isCollapsed) return;
          const id = (e.target as HTMLElement).closest<HTMLElement>('[data-quote-id]')?.dataset['quoteId'];
          if (id) onQuoteClick(Number(id));
        }}
      >
        {segments(page.text, highlights).map((s) => {
          if (s.kinds.length === 0) return s.text;
          const top = [...s.kinds].sort((a, b) => RANK[b.kind] - RANK[a.kind])[0] as PageHighlight;
          const quote = s.kinds.find((k) => k.quoteId !== undefined);
          return (
            <span
              key={s.start}
              className={`hl-inline ${top.kind}`}
              data-key={s.kinds.map((k) => k.key).join(' ')}
              data-quote-id={quote?.quoteId}
            >
              {s.text}
            </span>
          );
        })}
      </div>
    </section>
  );
});

export const TextViewer = forwardRef<TextViewerHandle, TextViewerProps>(function TextViewer(props, ref) {
  const { pages, highlightsByPage, focus, textMap, initialPage, onPageChange, onQuoteClick, scale } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const current = useRef(initialPage);

  const goToPage = useCallback((page: number) => {
    const el = scroller.current?.querySelector<HTMLElement>(`[data-page-number="${page}"]`);
    if (el && scroller.current) scroller.current.scrollTop = el.offsetTop - 16;
  }, []);
  useImperativeHandle(ref, () => ({ goToPage }), [goToPage]);

  const opened = useRef(false);
  useLayoutEffect(() => {
    if (opened.current || pages.length === 0) return;
    opened.current = true;
    if (initialPage > 1) goToPage(initialPage);
  }, [pages, initialPage, goToPage]);

  return (
    <div
      ref={scroller}
      className="text-viewer"
      tabIndex={0}
      aria-label="Document text; select text with the mouse to quote it"
      style={{ ['--reading-scale' as string]: scale }}
      onScroll={() => {
        const el = scroller.current;
        if (!el) return;
        const probe = el.scrollTop + el.clientHeight * 0.3;
        let page = 1;
        for (const box of el.querySelectorAll<HTMLElement>('.text-page-box')) {
          if (box.offsetTop <= probe) page = Number(box.dataset['pageNumber']);
          else break;
        }
        if (page !== current.current) {
          current.current = page;
          onPageChange(page);
        }
      }}
    >
      <article className="text-sheet">
        {pages.map((p) => (
          <TextPage
            key={p.number}
            page={p}
            highlights={highlightsByPage.get(p.number) ?? NO_HIGHLIGHTS}
            focus={focus && focus.page === p.number ? focus : null}
            textMap={textMap}
            onQuoteClick={onQuoteClick}
            showNumber={pages.length > 1}
          />
        ))}
      </article>
    </div>
  );
});
