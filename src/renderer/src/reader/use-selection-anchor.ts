/**
 * Follows the user's text selection inside the reader and maps it to a passage anchor
 * (pages and offsets of the stored text), trimmed of surrounding white space.
 */
import { useEffect, useState, type RefObject } from 'react';
import { anchorToPageRanges, passageText, type PassageAnchor } from './page-offsets.js';
import type { TextMap } from './text-map.js';

export interface SelectedPassage {
  anchor: PassageAnchor;
  text: string;
  /** The selection's box on screen (viewport coordinates). */
  rect: { left: number; top: number; right: number; bottom: number };
}

/** Moves an anchor's ends inward past white space; null if nothing is left. */
export function trimAnchor(anchor: PassageAnchor, pageText: (page: number) => string): PassageAnchor | null {
  let { page, start, pageEnd, end } = anchor;
  const text = (p: number) => pageText(p);
  for (;;) {
    const t = text(page);
    while (start < t.length && /\s/.test(t[start] ?? '')) start++;
    if (start < t.length || page >= pageEnd) break;
    page++;
    start = 0;
  }
  for (;;) {
    const t = text(pageEnd);
    while (end > 0 && /\s/.test(t[end - 1] ?? '')) end--;
    if (end > 0 || pageEnd <= page) break;
    pageEnd--;
    end = text(pageEnd).length;
  }
  if (pageEnd < page || (pageEnd === page && end <= start)) return null;
  const trimmed = { page, start, pageEnd, end };
  return anchorToPageRanges(trimmed, (p) => text(p).length).length ? trimmed : null;
}

export function useSelectionAnchor(
  root: RefObject<HTMLElement | null>,
  textMap: TextMap,
  pageText: (page: number) => string,
  frozen: boolean,
): [SelectedPassage | null, () => void] {
  const [selected, setSelected] = useState<SelectedPassage | null>(null);

  useEffect(() => {
    if (frozen) return;
    const read = () => {
      const selection = window.getSelection();
      if (!selection || selection.isCollapsed || selection.rangeCount === 0) {
        setSelected(null);
        return;
      }
      const range = selection.getRangeAt(0);
      if (!root.current || !root.current.contains(range.commonAncestorContainer)) {
        setSelected(null);
        return;
      }
      const raw = textMap.anchorOf(range);
      const anchor = raw && trimAnchor(raw, pageText);
      if (!anchor) {
        setSelected(null);
        return;
      }
      const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
      const last = rects[rects.length - 1];
      const box = range.getBoundingClientRect();
      setSelected({
        anchor,
        text: passageText(anchor, pageText),
        rect: last ? { left: last.left, top: box.top, right: last.right, bottom: last.bottom } : { left: box.left, top: box.top, right: box.right, bottom: box.bottom },
      });
    };
    let timer = 0;
    const onChange = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(read, 120);
    };
    document.addEventListener('selectionchange', onChange);
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener('selectionchange', onChange);
    };
  }, [root, textMap, pageText, frozen]);

  return [selected, () => setSelected(null)];
}
