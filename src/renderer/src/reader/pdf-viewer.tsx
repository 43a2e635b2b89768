/**
 * The PDF reader's scrolling column of pages. Every page keeps a box of its size (so
 * nothing jumps); only pages near the screen are drawn. Tracks the current page, keeps
 * the reading position across zoom, and scrolls to a page or a highlight on request.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';
import {
  forwardRef,
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { PdfPage, type PageHighlight } from './pdf-page.js';
import type { TextMap } from './text-map.js';

export type Zoom = { mode: 'fit' } | { mode: 'scale'; scale: number };

export interface PdfViewerHandle {
  goToPage: (page: number) => void;
  /** The scale in use (fit width resolves to a number). */
  scale: () => number;
}

export interface PdfViewerProps {
  pdf: PDFDocumentProxy;
  documentId: number;
  zoom: Zoom;
  highlightsByPage: ReadonlyMap<number, PageHighlight[]>;
  focus: { key: string; page: number; token: number } | null;
  textMap: TextMap;
  initialPage: number;
  onPageChange: (page: number) => void;
  onScaleChange: (scale: number) => void;
  onQuoteClick: (quoteId: number) => void;
}

const GAP = 16;
const MARGIN = 24;
const NO_HIGHLIGHTS: PageHighlight[] = [];

export const PdfViewer = forwardRef<PdfViewerHandle, PdfViewerProps>(function PdfViewer(props, ref) {
  const {
    pdf,
    documentId,
    zoom,
    highlightsByPage,
    focus,
    textMap,
    initialPage,
    onPageChange,
    onScaleChange,
    onQuoteClick,
  } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const [sizes, setSizes] = useState<Map<number, { w: number; h: number }>>(() => new Map());
  const [base, setBase] = useState<{ w: number; h: number } | null>(null);
  const [containerWidth, setContainerWidth] = useState(0);
  const [near, setNear] = useState<{ from: number; to: number }>({ from: initialPage - 1, to: initialPage + 1 });
  const current = useRef(initialPage);
  // The page a highlight was shown on (a search hit, a quote) stays the current page while
  // it is on screen: its highlight is centred, which can leave the page before filling more
  // of the screen. The user's own scrolling, or a page asked for, ends that.
  const pinned = useRef<number | null>(null);
  const numPages = pdf.numPages;

  // Page 1's size stands for every page until each is read.
  useEffect(() => {
    let live = true;
    void pdf.getPage(1).then((p) => {
      const v = p.getViewport({ scale: 1 });
      if (live) setBase({ w: v.width, h: v.height });
    });
    return () => {
      live = false;
    };
  }, [pdf]);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setContainerWidth(el.clientWidth));
    observer.observe(el);
    setContainerWidth(el.clientWidth);
    return () => observer.disconnect();
  }, []);

  const scale = useMemo(() => {
    if (zoom.mode === 'scale') return zoom.scale;
    if (!base || containerWidth === 0) return 1;
    return Math.max(0.25, Math.min(4, (containerWidth - MARGIN * 2) / base.w));
  }, [zoom, base, containerWidth]);

  useEffect(() => onScaleChange(scale), [scale, onScaleChange]);

  const onSize = useCallback((page: number, w: number, h: number) => {
    setSizes((map) => {
      const old = map.get(page);
      if (old && old.w === w && old.h === h) return map;
      const next = new Map(map);
      next.set(page, { w, h });
      return next;
    });
  }, []);

  const pageElement = (page: number): HTMLElement | null =>
    scroller.current?.querySelector<HTMLElement>(`[data-page-number="${page}"]`) ?? null;

  const measure = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    const probe = el.scrollTop + el.clientHeight * 0.3;
    const pages = el.querySelectorAll<HTMLElement>('.pdf-page');
    // Binary search on the boxes' tops (they are in order).
    let lo = 0;
    let hi = pages.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((pages[mid]?.offsetTop ?? 0) <= probe) lo = mid;
      else hi = mid - 1;
    }
    const page = lo + 1;
    const pin = pinned.current === null ? null : pages[pinned.current - 1];
    const pinOnScreen =
      pin && pin.offsetTop < el.scrollTop + el.clientHeight && pin.offsetTop + pin.offsetHeight > el.scrollTop;
    if (!pinOnScreen) pinned.current = null;
    const shown = pinned.current ?? page;
    if (shown !== current.current) {
      current.current = shown;
      onPageChange(shown);
    }
    // Draw from a screen above to two screens below.
    const top = el.scrollTop - el.clientHeight;
    const bottom = el.scrollTop + el.clientHeight * 2;
    let from = page;
    let to = page;
    while (from > 1 && (pages[from - 2]?.offsetTop ?? 0) + (pages[from - 2]?.offsetHeight ?? 0) > top) from--;
    while (to < pages.length && (pages[to]?.offsetTop ?? Infinity) < bottom) to++;
    setNear((n) => (n.from === from && n.to === to ? n : { from, to }));
  }, [onPageChange]);

  const scrollToPage = useCallback(
    (page: number) => {
      const el = scroller.current;
      const target = pageElement(Math.max(1, Math.min(numPages, page)));
      if (el && target) el.scrollTop = target.offsetTop - GAP;
    },
    [numPages],
  );
  const goToPage = useCallback(
    (page: number) => {
      pinned.current = null;
      scrollToPage(page);
    },
    [scrollToPage],
  );

  useImperativeHandle(ref, () => ({ goToPage, scale: () => scale }), [goToPage, scale]);

  // Open at the requested page once the boxes exist.
  const opened = useRef(false);
  const lastScale = useRef(scale);
  useLayoutEffect(() => {
    if (opened.current || !base) return;
    opened.current = true;
    // The boxes already have the scale in use: the effect below must not rescale this position.
    lastScale.current = scale;
    scrollToPage(initialPage);
    measure();
  }, [base, scrollToPage, initialPage, measure, scale]);

  // Keep the reading position when the scale changes.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || lastScale.current === scale) return;
    const ratio = scale / lastScale.current;
    lastScale.current = scale;
    el.scrollTop = el.scrollTop * ratio;
    measure();
  }, [scale, measure]);

  // A highlight to show on a page that is not drawn yet: bring the page near first.
  useEffect(() => {
    if (!focus) return;
    // Pinned even before the page boxes exist: the page opens there and measures then.
    pinned.current = focus.page;
    const el = scroller.current;
    const target = pageElement(focus.page);
    if (!el || !target) return;
    const visible =
      target.offsetTop < el.scrollTop + el.clientHeight && target.offsetTop + target.offsetHeight > el.scrollTop;
    if (!visible) el.scrollTop = target.offsetTop - GAP;
    measure();
  }, [focus, measure]);

  const unpin = () => {
    pinned.current = null;
  };
  const onScroll = useRef<number | null>(null);
  const pages: number[] = [];
  for (let n = 1; n <= numPages; n++) pages.push(n);

  return (
    <div
      ref={scroller}
      className="pdf-viewer"
      tabIndex={0}
      aria-label="Document pages; select text with the mouse to quote it"
      onWheel={unpin}
      onTouchStart={unpin}
      onKeyDown={unpin}
      onScroll={() => {
        if (onScroll.current !== null) return;
        onScroll.current = requestAnimationFrame(() => {
          onScroll.current = null;
          measure();
        });
      }}
    >
      {base &&
        pages.map((n) => {
          const size = sizes.get(n) ?? base;
          return (
            <PdfPage
              key={n}
              pdf={pdf}
              documentId={documentId}
              pageNumber={n}
              scale={scale}
              width={size.w}
              height={size.h}
              near={n >= near.from && n <= near.to}
              highlights={highlightsByPage.get(n) ?? NO_HIGHLIGHTS}
              focus={focus && focus.page === n ? focus : null}
              textMap={textMap}
              onSize={onSize}
              onQuoteClick={onQuoteClick}
            />
          );
        })}
    </div>
  );
});
