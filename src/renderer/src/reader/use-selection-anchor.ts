/**
 * Follows the user's text selection inside the reader and maps it to a passage anchor
 * (pages and offsets of the stored text), trimmed of surrounding white space.
 */
import { useCallback, useEffect, useState, type RefObject } from 'react';
import { passageText, trimAnchor, type PassageAnchor } from './page-offsets.js';
import type { TextMap } from './text-map.js';

export interface SelectedPassage {
  anchor: PassageAnchor;
  text: string;
  /** The selection's box on screen (viewport coordinates). */
  rect: { left: number; top: number; right: number; bottom: number };
}

/** The passage the browser's selection covers inside `root` right now, or null. */
function passageOfSelection(
  root: HTMLElement | null,
  textMap: TextMap,
  pageText: (page: number) => string,
): SelectedPassage | null {
  const selection = window.getSelection();
  if (!root || !selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer)) return null;
  const raw = textMap.anchorOf(range);
  const anchor = raw && trimAnchor(raw, pageText);
  if (!anchor) return null;
  const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
  const last = rects[rects.length - 1];
  const box = range.getBoundingClientRect();
  return {
    anchor,
    text: passageText(anchor, pageText),
    rect: last
      ? { left: last.left, top: box.top, right: last.right, bottom: last.bottom }
      : { left: box.left, top: box.top, right: box.right, bottom: box.bottom },
  };
}

/**
 * The selection as state (for the Quote button beside it, updated shortly after the
 * selection settles), a way to clear it, and `readNow`, which reads the selection as it
 * stands: a key pressed straight after a mouse drag must not act on the state of before.
 */
export function useSelectionAnchor(
  root: RefObject<HTMLElement | null>,
  textMap: TextMap,
  pageText: (page: number) => string,
  frozen: boolean,
): [SelectedPassage | null, () => void, () => SelectedPassage | null] {
  const [selected, setSelected] = useState<SelectedPassage | null>(null);

  useEffect(() => {
    if (frozen) return;
    const read = () => setSelected(passageOfSelection(root.current, textMap, pageText));
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

  const readNow = useCallback(() => passageOfSelection(root.current, textMap, pageText), [root, textMap, pageText]);
  const clear = useCallback(() => setSelected(null), []);
  return [selected, clear, readNow];
}
