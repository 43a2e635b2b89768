/**
 * Probes for the "Feel" criteria, run inside the page: accessible names as Chromium itself
 * computes them (the accessibility tree over the DevTools protocol, what a screen reader
 * reads), duplicate ids, text contrast from computed styles, and layout shifts. The page
 * scripts are strings because the tests' tsconfig has no DOM.
 */
import type { Page } from 'playwright-core';

/** Roles a user operates: each needs a name a screen reader can say. */
const INTERACTIVE = new Set([
  'button',
  'link',
  'textbox',
  'searchbox',
  'combobox',
  'checkbox',
  'radio',
  'switch',
  'tab',
  'option',
  'menuitem',
  'menuitemcheckbox',
  'slider',
  'spinbutton',
  'listbox',
  'treeitem',
  'PopUpButton',
]);

interface AxValue {
  value?: unknown;
}
interface AxNode {
  ignored: boolean;
  role?: AxValue;
  name?: AxValue;
  backendDOMNodeId?: number;
  properties?: { name: string; value: AxValue }[];
}

/**
 * Everything on screen a user can operate or focus without a name, every dialog without a
 * role or name, and every id used twice. Empty when the view is fine.
 */
export async function accessibilityFindings(page: Page, where: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const findings: string[] = [];
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as unknown as { nodes: AxNode[] };
    for (const node of nodes) {
      if (node.ignored) continue;
      const role = String(node.role?.value ?? '');
      const name = String(node.name?.value ?? '').trim();
      const focusable = node.properties?.some((p) => p.name === 'focusable' && p.value.value === true) ?? false;
      const needsName = INTERACTIVE.has(role) || role === 'dialog' || role === 'alertdialog';
      if (name !== '' || (!needsName && !focusable)) continue;
      if (node.backendDOMNodeId === undefined) continue;
      const { node: dom } = (await cdp.send('DOM.describeNode', { backendNodeId: node.backendDOMNodeId })) as {
        node: { attributes?: string[]; localName: string };
      };
      const attributes = dom.attributes ?? [];
      const attr = (key: string) => {
        const i = attributes.indexOf(key);
        return i >= 0 && i % 2 === 0 ? attributes[i + 1] : undefined;
      };
      // Focusable only by script (tabindex=-1, e.g. <main> for the skip link): not a stop for the user.
      if (!needsName && attr('tabindex') !== undefined && Number(attr('tabindex')) < 0) continue;
      if (!needsName && attr('tabindex') === undefined) continue;
      const { outerHTML } = (await cdp.send('DOM.getOuterHTML', { backendNodeId: node.backendDOMNodeId })) as {
        outerHTML: string;
      };
      findings.push(`${where}: ${role || dom.localName} without an accessible name: ${outerHTML.slice(0, 160)}`);
    }
  } finally {
    await cdp.detach();
  }
  // Dialogs on screen must be dialogs to assistive technology, with a name.
  const dialogs = await page.evaluate<string[]>(`(() => {
    const out = [];
    for (const el of document.querySelectorAll('dialog[open], [role="dialog"], .modal, .quote-popover')) {
      if (!el.checkVisibility()) continue;
      const role = el.getAttribute('role') || (el.localName === 'dialog' ? 'dialog' : '');
      if (role !== 'dialog' && role !== 'alertdialog') out.push('not a dialog: ' + el.outerHTML.slice(0, 120));
      const labelledBy = (el.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean).map((id) => document.getElementById(id)?.textContent || '').join(' ').trim();
      if (!labelledBy && !(el.getAttribute('aria-label') || '').trim()) out.push('dialog without a name: ' + el.outerHTML.slice(0, 120));
    }
    return out;
  })()`);
  findings.push(...dialogs.map((d) => `${where}: ${d}`));
  const duplicates = await page.evaluate<string[]>(`(() => {
    const seen = new Map();
    for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) || 0) + 1);
    return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
  })()`);
  findings.push(...duplicates.map((id) => `${where}: the id "${id}" is used more than once`));
  return findings;
}

/**
 * Text whose colour against its effective background is below `minimum` (WCAG contrast
 * ratio), for every visible element with its own text, buttons included. Disabled controls
 * and the PDF text layer (transparent text over the drawn page) are exempt.
 */
export async function contrastFindings(page: Page, where: string, minimum = 4.5): Promise<string[]> {
  const found = await page.evaluate<string[]>(`(() => {
    const parse = (c) => {
      const m = /rgba?\\(([^)]+)\\)/.exec(c);
      if (!m) return null;
      const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
      return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
    };
    const over = (top, bottom) => {
      const a = top[3];
      return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
    };
    const background = (el) => {
      const layers = [];
      for (let e = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c && c[3] > 0) {
          layers.push(c);
          if (c[3] >= 1) break;
        }
      }
      let color = [255, 255, 255, 1];
      for (let i = layers.length - 1; i >= 0; i--) color = over(layers[i], color);
      return color;
    };
    const opacity = (el) => {
      let o = 1;
      for (let e = el; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity);
      return o;
    };
    const lum = (c) => {
      const f = (v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
      };
      return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
    };
    const ratio = (a, b) => {
      const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
      return (hi + 0.05) / (lo + 0.05);
    };
    const out = new Map();
    for (const el of document.querySelectorAll('body *')) {
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.data.trim() !== '');
      if (!own || !el.checkVisibility({ visibilityProperty: true })) continue;
      if (el.closest('[aria-hidden="true"], .textLayer, :disabled, [aria-disabled="true"], option, script, style, .sr-only')) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0 || rect.bottom < 0 || rect.top > innerHeight) continue;
      const fg0 = parse(getComputedStyle(el).color);
      if (!fg0) continue;
      const bg = background(el);
      const fg = over([fg0[0], fg0[1], fg0[2], fg0[3] * opacity(el)], bg);
      const r = ratio(fg, bg);
      if (r < ${minimum}) {
        const name = el.localName + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
        const key = name + ' ' + r.toFixed(2);
        if (!out.has(key)) out.set(key, name + ' "' + el.textContent.trim().slice(0, 40) + '" ' + r.toFixed(2) + ':1 (' + getComputedStyle(el).color + ' on rgb(' + bg.slice(0, 3).map(Math.round).join(', ') + '))');
      }
    }
    return [...out.values()];
  })()`);
  return found.map((f) => `${where}: ${f}`);
}

/** Installed before the app's first paint: collects every layout shift into window.__shifts. */
export const LAYOUT_SHIFT_OBSERVER = `
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      window.__shifts.push({
        value: e.value,
        recentInput: e.hadRecentInput,
        sources: (e.sources || []).map((s) => (s.node && s.node.nodeType === 1 ? s.node.localName + '.' + String(s.node.className).trim().split(/\\s+/).join('.') : String(s.node && s.node.nodeName))),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
`;

export interface Shifts {
  /** Every shift's score added up, input-driven ones included (stricter than CLS). */
  score: number;
  /** What moved, for the failure message. */
  sources: string[];
}

/** The shifts since the last call (and forgets them). */
export async function takeShifts(page: Page): Promise<Shifts> {
  return page.evaluate<Shifts>(`(() => {
    const all = window.__shifts.splice(0);
    return { score: all.reduce((s, e) => s + e.value, 0), sources: all.map((e) => e.value.toFixed(4) + ' ' + e.sources.join(' ')) };
  })()`);
}
