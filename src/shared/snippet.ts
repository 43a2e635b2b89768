/**
 * The core's search snippets are HTML-escaped text with the matched terms between
 * MARK_OPEN and MARK_CLOSE. The app and the terminal both show them as plain text, so
 * both read them here: the marks as parts, the entities back to their characters.
 */
import type { SnippetPart } from './contract-quote-types.js';
import { MARK_CLOSE, MARK_OPEN } from './search.js';

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"' };

/** The characters an escaped snippet stands for ("&amp;lt;" is "&lt;", read once). */
export function unescapeSnippet(text: string): string {
  return text.replace(/&(amp|lt|gt|quot);/g, (m) => ENTITIES[m] ?? m);
}

/** A snippet as plain parts, the matched terms marked; an unclosed mark runs to the end. */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let rest = snippet;
  while (rest.length > 0) {
    const open = rest.indexOf(MARK_OPEN);
    if (open < 0) {
      parts.push({ text: unescapeSnippet(rest), marked: false });
      break;
    }
    if (open > 0) parts.push({ text: unescapeSnippet(rest.slice(0, open)), marked: false });
    const close = rest.indexOf(MARK_CLOSE, open + MARK_OPEN.length);
    const end = close < 0 ? rest.length : close;
    parts.push({ text: unescapeSnippet(rest.slice(open + MARK_OPEN.length, end)), marked: true });
    rest = close < 0 ? '' : rest.slice(close + MARK_CLOSE.length);
  }
  return parts.filter((p) => p.text !== '');
}
