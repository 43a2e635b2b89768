/**
 * Follows the user's text selection inside the reader and maps it to a passage anchor
 * (pages and offsets of the stored text), trimmed of surrounding white space.
 */
import { useEffect, useState, type RefObject } from 'react';
import { passageText, trimAnchor, type PassageAnchor } from './page-offsets.js';
import type { TextMap } from './text-map.js';

export interface SelectedPassage {
  anchor: PassageAnchor;
  text: string;
  /** The selection's box on screen (viewport coordinates). */
  rect: { left: number; top: number; right: number; bottom: number };
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
    // The Quote button beside the selection follows it when the pages scroll.
    window.addEventListener('scroll', onChange, true);
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener('selectionchange', onChange);
      window.removeEventListener('scroll', onChange, true);
    };
  }, [root, textMap, pageText, frozen]);

  return [selected, () => setSelected(null)];
}
