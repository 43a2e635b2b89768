/**
 * The pages on screen and how to read positions in them. A PDF page registers its text
 * layer (one element per pdf.js text item, in order, and the stored layout); a text page
 * registers the element whose text is exactly the stored page text. A DOM selection then
 * maps to (page, offset) pairs, which are the quote's anchor.
 */
import { itemToPageOffset, type LayoutItem, type PassageAnchor } from './page-offsets.js';

export type PageSurface =
  | {
      kind: 'pdf';
      page: number;
      layer: HTMLElement;
      divs: readonly HTMLElement[];
      items: readonly LayoutItem[];
      indexOf: ReadonlyMap<Element, number>;
    }
  | { kind: 'text'; page: number; element: HTMLElement };

/** The rendered pages of one reader, by page number. */
export class TextMap {
  readonly #pages = new Map<number, PageSurface>();

  set(surface: PageSurface): void {
    this.#pages.set(surface.page, surface);
  }

  delete(page: number, element: HTMLElement): void {
    const current = this.#pages.get(page);
    if (current && (current.kind === 'pdf' ? current.layer : current.element) === element) this.#pages.delete(page);
  }

  get(page: number): PageSurface | undefined {
    return this.#pages.get(page);
  }

  /** The page surface an element belongs to. */
  surfaceOf(node: Node): PageSurface | undefined {
    for (const surface of this.#pages.values()) {
      const root = surface.kind === 'pdf' ? surface.layer : surface.element;
      if (root.contains(node)) return surface;
    }
    return undefined;
  }

  surfaces(): PageSurface[] {
    return [...this.#pages.values()].sort((a, b) => a.page - b.page);
  }

  /** Maps a DOM range to a passage anchor; null when it holds no page text. */
  anchorOf(range: Range): PassageAnchor | null {
    const start = this.#locate(range, 'start');
    const end = this.#locate(range, 'end');
    if (!start || !end) return null;
    if (end.page < start.page || (end.page === start.page && end.offset <= start.offset)) return null;
    return { page: start.page, start: start.offset, pageEnd: end.page, end: end.offset };
  }

  /** The page position of a range's start or end, moved onto the nearest page text inside the range. */
  #locate(range: Range, which: 'start' | 'end'): { page: number; offset: number } | null {
    const container = which === 'start' ? range.startContainer : range.endContainer;
    const offset = which === 'start' ? range.startOffset : range.endOffset;
    const direct = container.nodeType === Node.TEXT_NODE ? this.#position(container as Text, offset) : null;
    if (direct) return direct;
    // The boundary sits between elements (a triple click, a drag past the text): take the
    // first text node inside the range (for its start) or the last (for its end).
    const candidates = this.#textNodes().filter((t) => range.intersectsNode(t));
    const text =
      which === 'start'
        ? candidates.find((t) => startsWithin(range, t))
        : [...candidates].reverse().find((t) => endsWithin(range, t));
    if (!text) return null;
    const clipped =
      which === 'start'
        ? text === range.startContainer
          ? range.startOffset
          : 0
        : text === range.endContainer
          ? range.endOffset
          : text.data.length;
    return this.#position(text, clipped);
  }

  #textNodes(): Text[] {
    const nodes: Text[] = [];
    for (const surface of this.surfaces()) {
      const root = surface.kind === 'pdf' ? surface.layer : surface.element;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
    }
    return nodes;
  }

  /** (page, offset) of a caret inside a text node of a registered page. */
  #position(text: Text, offset: number): { page: number; offset: number } | null {
    const surface = this.surfaceOf(text);
    if (!surface) return null;
    if (surface.kind === 'pdf') {
      const div =
        text.parentElement?.closest('.textLayer > span, .textLayer .markedContent > span') ?? text.parentElement;
      const index = div ? surface.indexOf.get(div) : undefined;
      if (index === undefined || !div) return null;
      // Offset within the item's drawn text (a text div holds one text node).
      const before = textBefore(div, text, offset);
      return { page: surface.page, offset: itemToPageOffset(surface.items, index, div.textContent ?? '', before) };
    }
    const r = document.createRange();
    r.setStart(surface.element, 0);
    r.setEnd(text, offset);
    return { page: surface.page, offset: r.toString().length };
  }
}

function textBefore(div: Element, text: Text, offset: number): number {
  const r = document.createRange();
  r.setStart(div, 0);
  r.setEnd(text, offset);
  return r.toString().length;
}

function startsWithin(range: Range, text: Text): boolean {
  // Some of the node's characters lie inside the range.
  const end = text === range.endContainer ? range.endOffset : text.data.length;
  const start = text === range.startContainer ? range.startOffset : 0;
  return end > start && text.data.slice(start, end).trim() !== '';
}

function endsWithin(range: Range, text: Text): boolean {
  return startsWithin(range, text);
}
