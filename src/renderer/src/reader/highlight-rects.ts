/**
 * Where a range of a PDF page's text stands on screen: the rectangles of the glyphs of
 * each text item it covers, measured on the drawn text layer (so zoom, rotation and
 * pdf.js's horizontal scaling are all accounted for), relative to the page.
 */
import { pageRangeToItems, rawOffset, type LayoutItem } from './page-offsets.js';

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export function rangeRects(
  divs: readonly HTMLElement[],
  items: readonly LayoutItem[],
  start: number,
  end: number,
  origin: DOMRect,
): Rect[] {
  const rects: Rect[] = [];
  for (const span of pageRangeToItems(items, start, end)) {
    const div = divs[span.index];
    const text = div?.firstChild;
    if (!div || !text || text.nodeType !== Node.TEXT_NODE) continue;
    const raw = (text as Text).data;
    const range = document.createRange();
    range.setStart(text, Math.min(rawOffset(raw, span.from), raw.length));
    range.setEnd(text, Math.min(rawOffset(raw, span.to), raw.length));
    for (const r of range.getClientRects()) {
      if (r.width < 0.5 || r.height < 0.5) continue;
      rects.push({ left: r.left - origin.left, top: r.top - origin.top, width: r.width, height: r.height });
    }
  }
  return mergeLines(rects);
}

/** Joins neighbouring rectangles on the same line, so a highlight reads as one band. */
export function mergeLines(rects: Rect[]): Rect[] {
  const out: Rect[] = [];
  for (const r of rects) {
    const last = out[out.length - 1];
    if (
      last &&
      Math.abs(last.top - r.top) < Math.max(2, r.height * 0.3) &&
      Math.abs(last.height - r.height) < Math.max(2, r.height * 0.4) &&
      r.left - (last.left + last.width) < r.height * 1.2 &&
      r.left >= last.left - 1
    ) {
      const right = Math.max(last.left + last.width, r.left + r.width);
      const top = Math.min(last.top, r.top);
      const bottom = Math.max(last.top + last.height, r.top + r.height);
      last.width = right - last.left;
      last.top = top;
      last.height = bottom - top;
    } else {
      out.push({ ...r });
    }
  }
  return out;
}

/** True when the point lies in one of the rectangles (with a little slack). */
export function hits(rects: readonly Rect[], x: number, y: number): boolean {
  return rects.some((r) => x >= r.left - 1 && x <= r.left + r.width + 1 && y >= r.top - 1 && y <= r.top + r.height + 1);
}
