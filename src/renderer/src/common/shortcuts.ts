/**
 * Every keyboard shortcut in one table, so the help sheet (press ?) can never drift from
 * what the keys actually do. Components attach behaviour with useShortcut(id, handler).
 */
import { useEffect, useRef } from 'react';
import { comboLabels } from './key-labels.js';

export interface ShortcutSpec {
  /** Combos like `mod+k` (Ctrl, or Cmd on a Mac), `?`, `n`, `escape`. */
  keys: readonly string[];
  label: string;
  group: 'Everywhere' | 'Library' | 'Reader' | 'Quotes' | 'Review metadata';
  /** Fires even while typing in a field (only sensible for mod+ combos and Escape). */
  whileTyping?: boolean;
}

export const SHORTCUTS = {
  search: { keys: ['mod+k', '/'], label: 'Search everything', group: 'Everywhere', whileTyping: true },
  help: { keys: ['?'], label: 'Show keyboard shortcuts', group: 'Everywhere' },
  goLibrary: { keys: ['alt+1'], label: 'Go to the library', group: 'Everywhere', whileTyping: true },
  goQuotes: { keys: ['alt+2'], label: 'Go to the quotes board', group: 'Everywhere', whileTyping: true },
  goImport: { keys: ['alt+3'], label: 'Import documents', group: 'Everywhere', whileTyping: true },
  goReview: { keys: ['alt+4'], label: 'Review metadata read from documents', group: 'Everywhere', whileTyping: true },
  exportQuotes: { keys: ['mod+e'], label: 'Export quotes', group: 'Everywhere', whileTyping: true },
  libraryFilter: { keys: ['f'], label: 'Filter the library', group: 'Library' },
  libraryOpen: { keys: ['enter'], label: 'Open the selected document', group: 'Library' },
  libraryEdit: { keys: ['e'], label: 'Edit the selected document’s details', group: 'Library' },
  libraryMove: { keys: ['arrowdown', 'arrowup'], label: 'Move the selection', group: 'Library' },
  quote: {
    keys: ['q', 'mod+shift+q'],
    label: 'Quote the selected text (or the current find match)',
    group: 'Reader',
    whileTyping: false,
  },
  findInDocument: { keys: ['mod+f'], label: 'Find in this document', group: 'Reader', whileTyping: true },
  nextPage: { keys: ['n', 'pagedown'], label: 'Next page', group: 'Reader' },
  previousPage: { keys: ['p', 'pageup'], label: 'Previous page', group: 'Reader' },
  goToPage: { keys: ['g'], label: 'Go to page…', group: 'Reader' },
  zoomIn: { keys: ['+', 'mod+='], label: 'Zoom in', group: 'Reader', whileTyping: false },
  zoomOut: { keys: ['-', 'mod+-'], label: 'Zoom out', group: 'Reader', whileTyping: false },
  fitWidth: { keys: ['w'], label: 'Fit the page to the width', group: 'Reader' },
  backToLibrary: { keys: ['backspace'], label: 'Back to the library', group: 'Reader' },
  reviewAccept: { keys: ['a'], label: 'Accept the current suggestion', group: 'Review metadata' },
  reviewReject: { keys: ['r'], label: 'Reject the current suggestion', group: 'Review metadata' },
  reviewNext: { keys: ['j', 'arrowdown'], label: 'Next document', group: 'Review metadata' },
  reviewPrevious: { keys: ['k', 'arrowup'], label: 'Previous document', group: 'Review metadata' },
  reviewOpen: { keys: ['enter'], label: 'Open the words the suggestion came from', group: 'Review metadata' },
  deleteQuote: { keys: ['delete'], label: 'Delete the selected quote (can be undone)', group: 'Quotes' },
  close: { keys: ['escape'], label: 'Close the panel, popover or dialog', group: 'Everywhere', whileTyping: true },
} as const satisfies Record<string, ShortcutSpec>;

export type ShortcutId = keyof typeof SHORTCUTS;

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The combo an event stands for, in the table's notation. */
export function comboOf(event: KeyboardEvent): string {
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key.toLowerCase();
  const parts: string[] = [];
  if (isMac ? event.metaKey : event.ctrlKey) parts.push('mod');
  if (event.altKey) parts.push('alt');
  // Shift is part of a printable key already ("?" is shift+/); name it only with mod.
  if (event.shiftKey && (parts.length > 0 || key.length > 1)) parts.push('shift');
  // Alt+digit gives odd characters on some layouts: read the physical digit.
  const digit = /^Digit(\d)$/.exec(event.code)?.[1];
  parts.push(event.altKey && digit ? digit : key === ' ' ? 'space' : key);
  return parts.join('+');
}

/** How a combo reads on this platform: `Ctrl K`, `⌘ K`. */
export function displayCombo(combo: string): string[] {
  return comboLabels(combo, isMac);
}

function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    return !['checkbox', 'radio', 'button', 'submit', 'range'].includes(type);
  }
  return false;
}

/**
 * Runs `handler` when one of the shortcut's combos is pressed (and `enabled`). The
 * handler returns false to let the key through (e.g. nothing to act on).
 */
export function useShortcut(id: ShortcutId, handler: (event: KeyboardEvent) => unknown, enabled = true): void {
  const ref = useRef(handler);
  useEffect(() => {
    ref.current = handler;
  });
  useEffect(() => {
    if (!enabled) return;
    const spec: ShortcutSpec = SHORTCUTS[id];
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      if (!spec.whileTyping && typingIn(event.target)) return;
      const combo = comboOf(event);
      if (!spec.keys.includes(combo)) return;
      // Inside a modal dialog only its own keys count.
      if (
        document.querySelector('dialog[open]') &&
        id !== 'close' &&
        !(event.target instanceof Node && document.querySelector('dialog[open]')?.contains(event.target))
      ) {
        return;
      }
      if (ref.current(event) === false) return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [id, enabled]);
}
