/**
 * Probes for text the layout cuts off, run inside the page (strings: the tests' tsconfig
 * has no DOM): a menu whose chosen (or any) option is wider than the box showing it, an
 * input whose value or placeholder is wider than its box, and any element hiding text
 * past its edge (overflow hidden or clip, or an ellipsis). And where a view scrolls: its
 * scrollbar belongs at the window's edge, not beside a centred column.
 */
import type { Page } from 'playwright-core';

/**
 * Every piece of text cut off inside the elements matching `scope`, one line each naming
 * it; empty when all of it shows. Widths are measured with each element's own font.
 */
export async function clippedText(page: Page, scope: string, where: string): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const out = [];
    const ctx = document.createElement('canvas').getContext('2d');
    const width = (el, text) => { ctx.font = getComputedStyle(el).font; return ctx.measureText(text).width; };
    const room = (el) => { const cs = getComputedStyle(el); return el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight); };
    // The closed menu's arrow: Chromium draws it inside the padding box, about 20px wide.
    const ARROW = 20;
    const name = (el) => el.getAttribute('aria-label') || el.id || el.className || el.localName;
    for (const root of document.querySelectorAll(${JSON.stringify(scope)})) {
      for (const el of [root, ...root.querySelectorAll('*')]) {
        if (!el.checkVisibility()) continue;
        if (el.localName === 'select') {
          for (const option of el.options) {
            const text = option.textContent.trim();
            const need = width(el, text), have = room(el) - ARROW;
            if (need > have + 0.5) out.push(${JSON.stringify(where)} + ': menu "' + name(el) + '" cuts off "' + text + '" (' + Math.ceil(need) + 'px in ' + Math.floor(have) + 'px)');
          }
          continue;
        }
        if (el.localName === 'input' && ['text', 'search', 'date'].includes(el.type)) {
          const text = el.value || el.placeholder;
          const need = width(el, text), have = room(el);
          if (text && need > have + 0.5) out.push(${JSON.stringify(where)} + ': field "' + name(el) + '" cuts off "' + text + '" (' + Math.ceil(need) + 'px in ' + Math.floor(have) + 'px)');
          continue;
        }
        const cs = getComputedStyle(el);
        const hides = cs.overflowX === 'hidden' || cs.overflowX === 'clip' || cs.textOverflow === 'ellipsis';
        if (hides && el.scrollWidth > el.clientWidth + 1 && el.textContent.trim() !== '') {
          out.push(${JSON.stringify(where)} + ': "' + el.textContent.trim().slice(0, 60) + '" is cut off by ' + el.localName + '.' + String(el.className).split(' ').join('.') + ' (' + el.scrollWidth + 'px in ' + el.clientWidth + 'px)');
        }
      }
    }
    return out;
  })()`);
}

/**
 * Where the scrolling box around `content` stands against the window: null when it spans
 * the window's width to its right edge (so its scrollbar is there), else a line saying
 * where it stops.
 */
export async function scrollbarAwayFromEdge(page: Page, content: string, where: string): Promise<string | null> {
  return page.evaluate<string | null>(`(() => {
    const inner = document.querySelector(${JSON.stringify(content)});
    if (!inner) return ${JSON.stringify(where)} + ': ' + ${JSON.stringify(content)} + ' is not on screen';
    let box = inner;
    while (box && !['auto', 'scroll'].includes(getComputedStyle(box).overflowY)) box = box.parentElement;
    if (!box) return null; // the document itself scrolls: its scrollbar is the window's
    const right = box.getBoundingClientRect().right;
    const edge = document.documentElement.clientWidth;
    return Math.abs(edge - right) <= 1 ? null : ${JSON.stringify(where)} + ': the scrolling box ends ' + Math.round(edge - right) + 'px before the window’s right edge (at ' + Math.round(right) + 'px of ' + edge + 'px), so its scrollbar stands there';
  })()`);
}
