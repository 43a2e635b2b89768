/**
 * One PDF page: the canvas, pdf.js's text layer (transparent, selectable text over the
 * drawing) and a layer of highlights (saved quotes, find hits, the passage being quoted).
 * Drawn only while near the screen; a zoom draws the new page before the old one goes,
 * so nothing flashes.
 */
import { TextLayer, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist';
import type { TextContent, TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { api } from '../api/client.js';
import { hits, rangeRects, type Rect } from './highlight-rects.js';
import { strippedLength, type LayoutItem } from './page-offsets.js';
import type { PageHighlight } from './highlight.js';
import type { TextMap } from './text-map.js';

export type { PageHighlight };

export interface PdfPageProps {
  pdf: PDFDocumentProxy;
  documentId: number;
  pageNumber: number;
  scale: number;
  /** Page size at scale 1 (an estimate until the page is read). */
  width: number;
  height: number;
  near: boolean;
  highlights: readonly PageHighlight[];
  /** Scroll this highlight into view once drawn (a new token asks again). */
  focus: { key: string; token: number } | null;
  textMap: TextMap;
  onSize: (page: number, width: number, height: number) => void;
  onQuoteClick: (quoteId: number) => void;
}

const layoutCache = new Map<string, Promise<LayoutItem[] | null>>();

/** Forgets the stored layouts read so far (a document opened afresh reads them again). */
export function forgetLayouts(): void {
  layoutCache.clear();
}

function storedLayout(documentId: number, page: number): Promise<LayoutItem[] | null> {
  const key = `${documentId}:${page}`;
  let cached = layoutCache.get(key);
  if (!cached) {
    cached = api()
      .call('documents.pageLayout', { id: documentId, page })
      .then((r) => (r.ok && r.value ? r.value.items : null));
    layoutCache.set(key, cached);
  }
  return cached;
}

function isTextItem(item: TextContent['items'][number]): item is TextItem {
  return 'str' in item;
}

/** The layout the importer would store for this text content (used when none is stored). */
export function itemsFromContent(content: TextContent): LayoutItem[] {
  const items: LayoutItem[] = [];
  let length = 0;
  for (const item of content.items) {
    if (!isTextItem(item)) continue;
    const n = strippedLength(item.str, item.str.length);
    items.push([length, n, 0, 0, 0, 0]);
    length += n + (item.hasEOL ? 1 : 0);
  }
  return items;
}

function PdfPageImpl(props: PdfPageProps) {
  const { pdf, documentId, pageNumber, scale, width, height, near, highlights, focus, textMap, onSize, onQuoteClick } =
    props;
  const wrapper = useRef<HTMLDivElement>(null);
  const canvasHolder = useRef<HTMLDivElement>(null);
  const layerHolder = useRef<HTMLDivElement>(null);
  const highlightLayer = useRef<HTMLDivElement>(null);
  const rectsByKey = useRef(new Map<string, { rects: Rect[]; quoteId?: number }>());
  const scrolledFor = useRef<number>(-1);
  const [drawn, setDrawn] = useState(0);
  const [failed, setFailed] = useState(false);

  // Draw the canvas and the text layer while near the screen (again on zoom).
  useEffect(() => {
    if (!near) return;
    let cancelled = false;
    let page: PDFPageProxy | null = null;
    let renderTask: ReturnType<PDFPageProxy['render']> | null = null;
    let textLayer: TextLayer | null = null;
    let layerDiv: HTMLDivElement | null = null;
    void (async () => {
      try {
        page = await pdf.getPage(pageNumber);
        if (cancelled) return;
        const base = page.getViewport({ scale: 1 });
        onSize(pageNumber, base.width, base.height);
        const viewport = page.getViewport({ scale });
        const ratio = window.devicePixelRatio || 1;
        const canvas = document.createElement('canvas');
        canvas.width = Math.floor(viewport.width * ratio);
        canvas.height = Math.floor(viewport.height * ratio);
        canvas.setAttribute('aria-hidden', 'true');
        renderTask = page.render({ canvas, viewport, transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined });

        const [content, stored] = await Promise.all([page.getTextContent(), storedLayout(documentId, pageNumber)]);
        if (cancelled) return;
        layerDiv = document.createElement('div');
        layerDiv.className = 'textLayer';
        textLayer = new TextLayer({ textContentSource: content, container: layerDiv, viewport });
        await textLayer.render();
        if (cancelled) return;
        const end = document.createElement('div');
        end.className = 'endOfContent';
        layerDiv.append(end);
        const divs = textLayer.textDivs;
        // The stored layout is the truth the core anchors against; if pdf.js drew a
        // different number of items, fall back to what the importer would have stored.
        const items = stored && stored.length === divs.length ? stored : itemsFromContent(content);
        const indexOf = new Map<Element, number>();
        divs.forEach((d, i) => indexOf.set(d, i));
        layerHolder.current?.replaceChildren(layerDiv);
        textMap.set({ kind: 'pdf', page: pageNumber, layer: layerDiv, divs, items, indexOf });

        await renderTask.promise;
        if (cancelled) return;
        canvasHolder.current?.replaceChildren(canvas);
        setDrawn((n) => n + 1);
      } catch (error) {
        const name = error instanceof Error ? error.name : '';
        if (!cancelled && name !== 'RenderingCancelledException' && name !== 'AbortException') setFailed(true);
      }
    })();
    return () => {
      cancelled = true;
      renderTask?.cancel();
      textLayer?.cancel();
      if (layerDiv) textMap.delete(pageNumber, layerDiv);
    };
  }, [near, scale, pdf, pageNumber, documentId, textMap, onSize]);

  // Far from the screen: let go of the drawing (memory), keep the box.
  useEffect(() => {
    if (near) return;
    canvasHolder.current?.replaceChildren();
    layerHolder.current?.replaceChildren();
    highlightLayer.current?.replaceChildren();
    rectsByKey.current.clear();
  }, [near]);

  // Paint the highlights on the drawn text layer.
  useLayoutEffect(() => {
    const layer = highlightLayer.current;
    const surface = textMap.get(pageNumber);
    const box = wrapper.current;
    if (!layer || !box || !drawn || !surface || surface.kind !== 'pdf') return;
    const origin = box.getBoundingClientRect();
    const fragment = document.createDocumentFragment();
    rectsByKey.current.clear();
    let focusEl: HTMLElement | null = null;
    for (const h of highlights) {
      const rects = rangeRects(surface.divs, surface.items, h.start, h.end, origin);
      rectsByKey.current.set(h.key, { rects, quoteId: h.quoteId });
      rects.forEach((r, i) => {
        const el = document.createElement('div');
        el.className = `hl ${h.kind}`;
        el.dataset['key'] = h.key;
        if (h.quoteId !== undefined) el.dataset['quoteId'] = String(h.quoteId);
        el.style.left = `${r.left}px`;
        el.style.top = `${r.top}px`;
        el.style.width = `${r.width}px`;
        el.style.height = `${r.height}px`;
        if (i === 0 && focus?.key === h.key) focusEl = el;
        fragment.append(el);
      });
    }
    layer.replaceChildren(fragment);
    const target = focusEl as HTMLElement | null;
    if (target && focus && scrolledFor.current !== focus.token) {
      scrolledFor.current = focus.token;
      target.scrollIntoView({ block: 'center', inline: 'nearest' });
    }
  }, [drawn, highlights, focus, pageNumber, textMap]);

  return (
    <div
      ref={wrapper}
      className="pdf-page"
      data-page-number={pageNumber}
      role="region"
      aria-label={`Page ${pageNumber}`}
      style={{
        width: Math.floor(width * scale),
        height: Math.floor(height * scale),
        ['--scale-factor' as string]: scale,
        ['--user-unit' as string]: 1,
        ['--total-scale-factor' as string]: 'calc(var(--scale-factor) * var(--user-unit))',
        ['--scale-round-x' as string]: '1px',
        ['--scale-round-y' as string]: '1px',
      }}
      onPointerDown={(e) => {
        const layer = (e.target as HTMLElement).closest('.textLayer');
        if (layer) layer.classList.add('selecting');
        const up = () => {
          layer?.classList.remove('selecting');
          window.removeEventListener('pointerup', up);
        };
        window.addEventListener('pointerup', up);
      }}
      onClick={(e) => {
        const selection = window.getSelection();
        if (selection && !selection.isCollapsed) return;
        const origin = wrapper.current?.getBoundingClientRect();
        if (!origin) return;
        const x = e.clientX - origin.left;
        const y = e.clientY - origin.top;
        for (const { rects, quoteId } of rectsByKey.current.values()) {
          if (quoteId !== undefined && hits(rects, x, y)) {
            onQuoteClick(quoteId);
            return;
          }
        }
      }}
    >
      <div ref={canvasHolder} className="canvas-holder" />
      <div ref={highlightLayer} className="highlight-layer" aria-hidden="true" />
      <div ref={layerHolder} className="text-holder" />
      {failed && <div className="page-failed">This page could not be drawn.</div>}
      <span className="page-number" aria-hidden="true">
        {pageNumber}
      </span>
    </div>
  );
}

export const PdfPage = memo(PdfPageImpl);
