/** What every quote document says the same way, whatever its format. */
import { modelDocuments } from '../model.js';
import type { RenderedExport, RenderedItem } from '../render.js';

/** "3 quotes from 2 documents · APA 7th edition · 2025-01-31" (and the bundle id in a bundle). */
export function summaryLine(rendered: RenderedExport): string {
  const quotes = rendered.items.length;
  const documents = modelDocuments(rendered.model).length;
  const parts = [
    `${quotes} quote${quotes === 1 ? '' : 's'} from ${documents} document${documents === 1 ? '' : 's'}`,
    `citations: ${rendered.styleLabel}`,
    `exported ${rendered.createdAt.slice(0, 10)}`,
  ];
  if (rendered.bundleId) parts.push(`evidence bundle ${rendered.bundleId}`);
  return parts.join(' · ');
}

/** The heading above each quote: "1. Title, p. 4". */
export function itemHeading(item: RenderedItem): string {
  return `${item.number}. ${item.document.title}, ${item.pageText}`;
}

/** The introduction as paragraphs (blank lines separate them). */
export function paragraphs(text: string | null): string[] {
  if (!text) return [];
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes what XML 1.0 cannot hold (C0 controls but tab and newlines, lone surrogates, U+FFFE/U+FFFF). */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '\uFFFD');
}
